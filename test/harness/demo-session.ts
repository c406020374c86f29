// The set-up most handler tests share: a fresh data folder per test, the session opened on the
// demo plan there (as a first run of the app does), the browser's handlers over it, and `call`,
// which goes through dispatch() as main and the harness do. Closed and removed after each test.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { createHandlers } from '../../electron/handlers';
import { openInitialDocument, type DocumentSession } from '../../electron/session';
import { dispatch, type ApiMethod, type ApiResults, type Handlers } from '../../shared/ipc';

export interface DemoSession {
  readonly dataDir: string;
  readonly session: DocumentSession;
  readonly handlers: Handlers;
  call<K extends ApiMethod>(method: K, ...args: unknown[]): Promise<ApiResults[K]>;
}

/** Registers the per-test set-up; the fields are the current test's. `prefix` names the temp folder. */
export function useDemoSession(prefix: string): DemoSession {
  let current: { dataDir: string; session: DocumentSession; handlers: Handlers } | null = null;
  const now = () => {
    if (!current) throw new Error('the demo session exists only inside a test');
    return current;
  };
  beforeEach(async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    const session = await openInitialDocument(dataDir);
    current = { dataDir, session, handlers: createHandlers(session, 'browser') };
  });
  afterEach(() => {
    const { session, dataDir } = now();
    session.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
    current = null;
  });
  return {
    get dataDir() {
      return now().dataDir;
    },
    get session() {
      return now().session;
    },
    get handlers() {
      return now().handlers;
    },
    call: (method, ...args) => dispatch(now().handlers, method, args),
  };
}

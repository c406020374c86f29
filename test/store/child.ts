// Runs test/store/fixtures/doc-process.ts in a separate `node` process, bundled with esbuild.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { ROOT } from './helpers';

export interface Bundle {
  readonly script: string;
  readonly dispose: () => void;
}

export async function bundleDocProcess(): Promise<Bundle> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'headroom-child-'));
  const script = path.join(dir, 'doc-process.cjs');
  await build({
    entryPoints: [path.join(ROOT, 'test/store/fixtures/doc-process.ts')],
    outfile: script,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['better-sqlite3'],
    logLevel: 'silent',
  });
  return { script, dispose: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

export interface DocProcess {
  readonly child: ChildProcess;
  /** Every complete line printed so far. */
  readonly lines: string[];
  /** Resolves with the first line matching, or rejects when the process ends first. */
  waitFor(pattern: RegExp): Promise<string>;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export function runDocProcess(script: string, mode: 'open' | 'hold' | 'write' | 'snapshot' | 'standby', file = ''): DocProcess {
  const child = spawn(process.execPath, [script, mode, file], {
    // The bundle lives in a temp folder; the native module comes from the project.
    env: { ...process.env, NODE_PATH: path.join(ROOT, 'node_modules'), HEADROOM_SCRATCH: path.dirname(script) },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const waiters: { pattern: RegExp; resolve: (line: string) => void; reject: (e: Error) => void }[] = [];
  let buffered = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8');
  child.stdout!.on('data', (chunk: string) => {
    buffered += chunk;
    const parts = buffered.split('\n');
    buffered = parts.pop()!;
    for (const line of parts) {
      lines.push(line);
      for (const waiter of [...waiters]) {
        if (waiter.pattern.test(line)) {
          waiters.splice(waiters.indexOf(waiter), 1);
          waiter.resolve(line);
        }
      }
    }
  });
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on('close', (code, signal) => {
      for (const waiter of waiters.splice(0))
        waiter.reject(new Error(`process ended (${code ?? signal}) before ${waiter.pattern}: ${lines.join(' | ')} ${stderr}`));
      resolve({ code, signal });
    });
  });
  return {
    child,
    lines,
    exited,
    waitFor(pattern) {
      const seen = lines.find((line) => pattern.test(line));
      if (seen !== undefined) return Promise.resolve(seen);
      if (child.exitCode !== null || child.signalCode !== null)
        return Promise.reject(new Error(`process already ended: ${lines.join(' | ')} ${stderr}`));
      return new Promise((resolve, reject) => waiters.push({ pattern, resolve, reject }));
    },
  };
}

// The rules in build/eslint.config.mjs that replaced the grep tests: each one refuses what it
// is there for, in the folder it guards, and lets the allowed form through.
import path from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');
let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: root, overrideConfigFile: path.join(root, 'build/eslint.config.mjs') });
});

/** The messages eslint gives for `code` as if it were the file at `file`. */
async function lint(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return result.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

const refused: [string, string, string, RegExp][] = [
  ['shared/ imports no Node module', 'shared/x.ts', "import fs from 'node:fs';\nexport const f = fs;\n", /no Node modules/],
  [
    'shared/ imports no UI library',
    'shared/x.ts',
    "import { create } from 'zustand';\nexport const c = create;\n",
    /no runtime or UI library/,
  ],
  [
    'shared/ imports nothing from electron/',
    'shared/x.ts',
    "import { APP_SCHEME } from '../electron/security';\nexport const s = APP_SCHEME;\n",
    /bottom layer/,
  ],
  ['shared/ parses no float', 'shared/x.ts', 'export const pence = (text: string) => parseFloat(text) * 100;\n', /exact/],
  [
    'the renderer never imports electron/',
    'renderer/x.ts',
    "import { APP_SCHEME } from '../electron/security';\nexport const s = APP_SCHEME;\n",
    /window\.headroom/,
  ],
  [
    'the renderer never imports Electron',
    'renderer/x.ts',
    "import { ipcRenderer } from 'electron';\nexport const i = ipcRenderer;\n",
    /window\.headroom/,
  ],
  [
    'electron/ never imports the renderer',
    'electron/x.ts',
    "import { api } from '../renderer/api';\nexport const a = api;\n",
    /never imports the renderer/,
  ],
  [
    'no window outside main.ts',
    'electron/x.ts',
    "import { BrowserWindow } from 'electron';\nexport const w = new BrowserWindow({});\n",
    /only in electron\/main\.ts/,
  ],
  [
    'no window in main.ts without windowOptions',
    'electron/main.ts',
    "import { BrowserWindow } from 'electron';\nexport const w = new BrowserWindow({ width: 100 });\n",
    /windowOptions\(\)/,
  ],
  [
    'no webPreferences in main.ts',
    'electron/main.ts',
    'export const o = { webPreferences: { sandbox: false } };\n',
    /webPreferences are set only/,
  ],
  ['no loadFile', 'electron/main.ts', "declare const w: { loadFile(f: string): void };\nw.loadFile('index.html');\n", /never from file/],
  ['no file:// URL', 'electron/main.ts', "export const url = 'file:///index.html';\n", /never from file/],
  [
    'no file copy under electron/',
    'electron/x.ts',
    "import fs from 'node:fs';\nfs.copyFileSync('a.headroom', 'b.headroom');\n",
    /backup API/,
  ],
  [
    'no unsafe mode',
    'electron/store/x.ts',
    'declare const db: { unsafeMode(on: boolean): void };\ndb.unsafeMode(true);\n',
    /defensive mode/,
  ],
  [
    'no async transaction',
    'electron/store/x.ts',
    'declare const db: { transaction(f: () => unknown): () => void };\nexport const t = db.transaction(async () => 1);\n',
    /never awaits/,
  ],
  [
    'no await inside a transaction',
    'electron/x.ts',
    'declare const db: { transaction(f: () => unknown): () => void };\nexport const t = db.transaction(function () { return async () => { await 1; }; });\n',
    /never awaits/,
  ],
  [
    'no Electron in the plan store, not even its types',
    'electron/store/x.ts',
    "import type { App } from 'electron';\nexport type A = App;\n",
    /without Electron/,
  ],
  [
    'only Electron types in a pure module',
    'electron/security.ts',
    "import { app } from 'electron';\nexport const a = app;\n",
    /only types from electron/,
  ],
  [
    'no Node module in the preload',
    'electron/preload.ts',
    "import path from 'node:path';\nexport const p = path;\n",
    /only electron and shared/,
  ],
];

const allowed: [string, string, string][] = [
  ['shared/ uses zod', 'shared/x.ts', "import { z } from 'zod';\nexport const s = z.string();\n"],
  [
    'main.ts opens windows from windowOptions',
    'electron/main.ts',
    "import { BrowserWindow } from 'electron';\nimport { windowOptions } from './security';\nexport const w = new BrowserWindow(windowOptions({ preloadPath: null }));\n",
  ],
  [
    'a pure module imports Electron types',
    'electron/security.ts',
    "import type { BrowserWindowConstructorOptions } from 'electron';\nexport type O = BrowserWindowConstructorOptions;\n",
  ],
  [
    'the preload imports electron and shared/',
    'electron/preload.ts',
    "import { contextBridge } from 'electron';\nimport { API_METHODS } from '../shared/api-methods';\nexport const x = [contextBridge, API_METHODS];\n",
  ],
  [
    'a synchronous transaction',
    'electron/store/x.ts',
    'declare const db: { transaction(f: () => unknown): () => void };\nexport const t = db.transaction(() => 1);\n',
  ],
];

describe('build/eslint.config.mjs', () => {
  it.each(refused)('refuses: %s', async (_name, file, code, message) => {
    const messages = await lint(file, code);
    expect(
      messages.some((m) => message.test(m)),
      messages.join('\n'),
    ).toBe(true);
  });

  it.each(allowed)('allows: %s', async (_name, file, code) => {
    expect(await lint(file, code)).toEqual([]);
  });
});

// `npm run lint:eslint`: eslint --config build/eslint.config.mjs. The rules that keep the
// layers apart (shared/ runs anywhere, renderer/ and electron/ meet only through shared/ipc.ts)
// and the shell's security rules (electron/reliability.md) live here instead of grep tests.
import Module from 'node:module';
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';

// typescript-eslint parses with TypeScript's JavaScript API, which TypeScript 7 (our tsc) no
// longer ships: its own `require('typescript')` gets TypeScript 6 (the `typescript-api` alias).
const typescriptApi = Module.createRequire(import.meta.url).resolve('typescript-api');
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, parent, ...rest) {
  const fromTsEslint = /[\\/]node_modules[\\/](typescript-eslint|@typescript-eslint[\\/][^\\/]+|ts-api-utils)[\\/]/.test(
    parent?.filename ?? '',
  );
  return request === 'typescript' && fromTsEslint ? typescriptApi : resolveFilename.call(this, request, parent, ...rest);
};
const { default: tseslint } = await import('typescript-eslint');

const NODE_BUILTINS = Module.builtinModules.filter((name) => !name.startsWith('_'));
const TS = ['**/*.ts', '**/*.tsx'];
const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** no-restricted-imports options banning each group, with the reason as the message. */
function bannedImports(...groups) {
  return { patterns: groups.map(([group, message]) => ({ group, message })) };
}

const runtime = [
  [['node:*', ...NODE_BUILTINS], 'shared/ runs in the renderer, workers, CLI and main alike: no Node modules.'],
  [
    ['electron', 'react', 'react-dom', 'react-dom/*', 'recharts', 'zustand', 'better-sqlite3', 'exceljs', 'playwright-core'],
    'shared/ imports no runtime or UI library.',
  ],
  [
    ['**/electron/**', '**/renderer/**', '**/test/**'],
    'shared/ is the bottom layer: it imports nothing from electron/, renderer/ or test/.',
  ],
];
const fromRenderer = [
  [
    ['electron', 'electron/*', '**/electron/**'],
    'The renderer reaches the shell only through window.headroom (renderer/api.ts, shared/ipc.ts).',
  ],
  [['node:*', ...NODE_BUILTINS, 'better-sqlite3', 'exceljs', 'playwright-core'], 'The renderer is a sandboxed page: no Node modules.'],
];
const fromElectron = [[['**/renderer/**'], 'electron/ never imports the renderer: share code through shared/.']];

// Shell security rules (electron/reliability.md: locked window, app protocol, hostile plan files, one transaction per command).
const mainOnlyWindows = {
  selector: "NewExpression[callee.name='BrowserWindow']",
  message: 'Windows are created only in electron/main.ts.',
};
const fileUrls = [
  {
    selector: "CallExpression[callee.property.name='loadFile']",
    message: 'The app loads from headroom://app, never from file:// (loadFile).',
  },
  { selector: 'Literal[value=/^file:\\/\\//]', message: 'The app loads from headroom://app, never from file://.' },
  { selector: 'TemplateElement[value.raw=/^file:\\/\\//]', message: 'The app loads from headroom://app, never from file://.' },
];
const planFileRules = [
  {
    selector:
      'CallExpression[callee.property.name=/^(copyFile|copyFileSync|cp|cpSync)$/], CallExpression[callee.name=/^(copyFile|copyFileSync|cp|cpSync)$/]',
    message: 'Plan files are copied by the SQLite backup API, never by a file copy.',
  },
  {
    selector: 'ImportSpecifier[imported.name=/^(copyFile|copyFileSync|cp|cpSync)$/]',
    message: 'Plan files are copied by the SQLite backup API, never by a file copy.',
  },
  { selector: "Identifier[name='unsafeMode']", message: "better-sqlite3's defensive mode stays on." },
  {
    selector: "CallExpression[callee.property.name='transaction'] > :function[async=true]",
    message: 'A transaction never awaits: it must commit in one synchronous step.',
  },
  {
    selector: "CallExpression[callee.property.name='transaction'] > :function AwaitExpression",
    message: 'A transaction never awaits: it must commit in one synchronous step.',
  },
];
const exactMoney = [
  {
    selector: "CallExpression[callee.name='parseFloat'], MemberExpression[object.name='Number'][property.name='parseFloat']",
    message: 'Money and shares are exact (shared/money.ts): parse decimals without floats.',
  },
];

export default tseslint.config(
  {
    // Patterns are relative to the repository, not to build/.
    basePath: ROOT,
    ignores: ['out/**', 'node_modules/**', 'test-results/**', 'bench-results/**', 'coverage/**'],
  },
  { files: ['**/*.{js,mjs,cjs}', ...TS], extends: [js.configs.recommended] },
  { files: TS, extends: [tseslint.configs.recommended] },
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', Buffer: 'readonly', setTimeout: 'readonly' } },
  },
  {
    files: TS,
    rules: {
      // Unused names are a finding; a leading _ marks one that must exist (a callback's place, a rest sibling).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
      // JSON, worker messages and the IPC boundary are typed at the edge with casts; tsc checks the rest.
      '@typescript-eslint/no-explicit-any': 'off',
      // `require` is used deliberately where a module must load lazily (electron's binary probe, native modules).
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
  {
    // Published coefficients (shared/uncertainty/distributions.ts) and expected values are written to
    // every digit their source gives; float64 keeps what it can, as intended.
    files: ['shared/uncertainty/**', 'test/**'],
    rules: { 'no-loss-of-precision': 'off' },
  },
  {
    // exceljs rows are 1-based: `[, 'Measure', …]` is how a test spells row.values.
    files: ['test/**'],
    rules: { 'no-sparse-arrays': 'off' },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    files: ['shared/**'],
    rules: { 'no-restricted-imports': ['error', bannedImports(...runtime)], 'no-restricted-syntax': ['error', ...exactMoney] },
  },
  {
    files: ['renderer/**'],
    rules: { 'no-restricted-imports': ['error', bannedImports(...fromRenderer)], 'no-restricted-syntax': ['error', mainOnlyWindows] },
  },
  {
    files: ['electron/**'],
    rules: {
      'no-restricted-imports': ['error', bannedImports(...fromElectron)],
      'no-restricted-syntax': ['error', mainOnlyWindows, ...planFileRules],
    },
  },
  {
    // Plain modules the tests load in Node: Electron's types only.
    files: ['electron/security.ts', 'electron/menu.ts', 'electron/window-state.ts', 'electron/ipc-main.ts'],
    rules: {
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', allowTypeImports: true, message: 'A pure module imports only types from electron.' }],
          ...bannedImports(...fromElectron),
        },
      ],
    },
  },
  {
    // The CLI and the harness open plan files from plain Node.
    files: ['electron/store/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        bannedImports(...fromElectron, [['electron'], 'The plan store runs without Electron (CLI, harness).']),
      ],
    },
  },
  {
    // The sandboxed preload can require only 'electron': everything else is shared/ code it bundles.
    files: ['electron/preload.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^(?!electron$|\\.\\./shared/)', message: 'The preload imports only electron and shared/.' }] },
      ],
    },
  },
  {
    files: ['electron/main.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...planFileRules,
        ...fileUrls,
        {
          selector: "NewExpression[callee.name='BrowserWindow']:not([arguments.0.callee.name=/^(windowOptions|printWindowOptions)$/])",
          message: 'Every window takes its options from windowOptions() or printWindowOptions() (electron/security.ts).',
        },
        {
          selector: 'Property[key.name=/^(webPreferences|nodeIntegration|contextIsolation|sandbox|webSecurity|enableBlinkFeatures)$/]',
          message: 'webPreferences are set only in electron/security.ts.',
        },
      ],
    },
  },
);

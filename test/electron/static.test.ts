// Checks on source and packaging config that neither a runtime test nor a lint rule can make.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({}));

import { IPC_CHANNEL_PREFIX } from '../../electron/ipc-main';

const root = path.resolve(__dirname, '../..');
const read = (file: string) => fs.readFileSync(path.join(root, file), 'utf8');
/** Source without comments, so a comment cannot satisfy or break a rule. */
const code = (file: string) =>
  read(file)
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:])\/\/.*$/gm, '$1');

// What lint cannot see: that things are present, and the packaging config. The bans (no
// file://, windows only from windowOptions in main.ts, no webPreferences outside security.ts,
// Electron types only in the pure modules, the preload's imports) are eslint rules in
// build/eslint.config.mjs, checked to fire in test/build/lint-rules.test.ts.
describe('main process', () => {
  const main = code('electron/main.ts');

  it('wires every guard: navigation, redirects, new windows, webviews, permissions', () => {
    for (const guard of [
      "'will-navigate'",
      "'will-redirect'",
      "'will-attach-webview'",
      'setWindowOpenHandler',
      "action: 'deny'",
      'setPermissionRequestHandler(denyPermissionRequest)',
      'setPermissionCheckHandler(denyPermissionCheck)',
      "'web-contents-created'",
      'registerSchemesAsPrivileged',
    ]) {
      expect(main, guard).toContain(guard);
    }
  });

  it('calls shell.openExternal only behind isAllowedExternalUrl', () => {
    const calls = main.match(/^.*openExternal\(.*$/gm) ?? [];
    expect(calls.length).toBeGreaterThan(0);
    for (const line of calls) expect(line).toMatch(/if \(isAllowedExternalUrl\((\w+)\)\) void shell\.openExternal\(\1\)/);
  });
});

describe('preload (reliability.md: IPC checks)', () => {
  const preload = code('electron/preload.ts');

  it('exposes a single object of named functions, never ipcRenderer', () => {
    const exposes = [...preload.matchAll(/exposeInMainWorld\(([^)]*)\)/g)].map((m) => m[1]);
    expect(exposes).toEqual(["'headroom', api"]);
    // Besides its import, ipcRenderer appears only as `ipcRenderer.invoke(` on a fixed channel
    // and once as `ipcRenderer.on(MENU_CHANNEL,` for the allow-listed menu commands.
    const uses = preload.match(/\bipcRenderer\b(?!\.invoke\()(?!\.on\(MENU_CHANNEL,)/g) ?? [];
    expect(uses).toHaveLength(1);
    expect(preload.match(/ipcRenderer\.on\(/g)).toHaveLength(1);
    expect(preload).toMatch(/MENU_COMMANDS as readonly unknown\[\]\)\.includes\(command\)/);
    expect(preload).toMatch(/import \{[^}]*\bipcRenderer\b[^}]*\} from 'electron'/);
  });

  it('has no generic invoke(channel, …), send or listener', () => {
    const invokes = [...preload.matchAll(/\.invoke\(([^,)]*)/g)].map((m) => m[1].trim());
    expect(invokes).toEqual(['CHANNEL_PREFIX + name']);
    expect(preload).not.toMatch(/\(\s*channel\b|\binvoke\s*:|sendSync|\.send\(|\.once\(|removeListener/);
    expect([...preload.matchAll(/\.on\(([^,]*),/g)].map((m) => m[1])).toEqual(['MENU_CHANNEL']);
  });

  it('uses the same channel prefix as ipc-main', () => {
    expect(preload).toContain(`const CHANNEL_PREFIX = '${IPC_CHANNEL_PREFIX}';`);
  });
});

/** Reads the `key: value` pairs of one top-level block of a simple YAML file. */
function yamlBlock(text: string, block: string): Record<string, string> {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l === `${block}:`);
  expect(start, `${block}: block`).toBeGreaterThanOrEqual(0);
  const entries: Record<string, string> = {};
  for (const line of lines.slice(start + 1)) {
    if (line.trim() === '' || line.trim().startsWith('#')) continue;
    const m = /^\s{2}(\w+):\s*(\S.*?)\s*(#.*)?$/.exec(line);
    if (!m) break;
    entries[m[1]] = m[2];
  }
  return entries;
}

describe('electron-builder.yml (reliability.md: fuses)', () => {
  const yml = read('electron-builder.yml');

  it('sets every fuse as required', () => {
    expect(yamlBlock(yml, 'electronFuses')).toEqual({
      runAsNode: 'false',
      enableNodeOptionsEnvironmentVariable: 'false',
      enableNodeCliInspectArguments: 'false',
      grantFileProtocolExtraPrivileges: 'false',
      enableEmbeddedAsarIntegrityValidation: 'true',
      onlyLoadAppFromAsar: 'true',
      enableCookieEncryption: 'true',
      loadBrowserProcessSpecificV8Snapshot: 'false',
    });
  });

  it('packs into asar, rebuilds native modules, and names the app', () => {
    expect(yml).toMatch(/^appId: uk\.headroom\.app$/m);
    expect(yml).toMatch(/^productName: Headroom$/m);
    expect(yml).toMatch(/^asar: true$/m);
    expect(yml).toMatch(/^npmRebuild: true$/m);
    expect(yml).toMatch(/^\s+- node_modules\/better-sqlite3\/\*\*\/\*\.node$/m);
    expect(yml).toMatch(/^files:\n\s+- out\/\*\*\n\s+- package\.json$/m);
  });

  it('associates .headroom files', () => {
    expect(yml).toMatch(/- ext: headroom\n\s+name: Headroom plan\n(\s+\w+: .*\n)*?\s+mimeType: application\/x-headroom-plan/);
    expect(yml).toMatch(/role: Editor/);
  });

  it('agrees with package.json on where the main bundle is', () => {
    const pkg = JSON.parse(read('package.json')) as { main: string };
    expect(pkg.main).toBe('out/main/main.js');
  });
});

describe('build/electron.vite.config.ts', () => {
  it('resolves, with our entries, out/ folders and a fully bundled preload', async () => {
    const { resolveConfig } = await import('electron-vite');
    const { config } = await resolveConfig({ configFile: path.join(root, 'build/electron.vite.config.ts') }, 'build', 'production');
    const at = (p: string) => path.join(root, p);
    expect(config?.main?.build?.rolldownOptions?.input).toEqual({ main: at('electron/main.ts') });
    expect(config?.main?.build?.outDir).toBe(at('out/main'));
    expect(config?.preload?.build?.rolldownOptions?.input).toEqual({ preload: at('electron/preload.ts') });
    expect(config?.preload?.build?.outDir).toBe(at('out/preload'));
    expect(config?.preload?.build?.externalizeDeps).toBe(false);
    expect(config?.renderer?.root).toBe(at('renderer'));
    expect(config?.renderer?.build?.rolldownOptions?.input).toBe(at('renderer/index.html'));
    expect(config?.renderer?.build?.outDir).toBe(at('out/renderer'));
  });

  it("builds the app's renderer with the harness's settings (build/renderer.config.ts), which the CSP needs", async () => {
    const { resolveConfig } = await import('electron-vite');
    const { rendererConfig } = await import('../../build/renderer.config');
    const { config } = await resolveConfig({ configFile: path.join(root, 'build/electron.vite.config.ts') }, 'build', 'production');
    const { plugins: _plugins, ...shipped } = config?.renderer ?? {};
    const { plugins: _harnessPlugins, ...harness } = rendererConfig();
    // electron-vite adds its own defaults (envDir, envPrefix), but every setting of ours holds.
    expect(shipped).toMatchObject(harness);
    expect(harness.worker?.format).toBe('es');
    expect(harness.build).toMatchObject({ modulePreload: { polyfill: false }, assetsInlineLimit: 0, sourcemap: false, minify: true });
  });
});

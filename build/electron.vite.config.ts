// electron-vite 6: `npx electron-vite build --config build/electron.vite.config.ts` from the repo root.
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import { rendererConfig } from './renderer.config';

const root = fileURLToPath(new URL('..', import.meta.url));
const at = (...parts: string[]) => resolve(root, ...parts);

export default defineConfig({
  main: {
    build: {
      outDir: at('out/main'),
      // better-sqlite3 and other dependencies stay external and load from node_modules (asar).
      externalizeDeps: true,
      // The harness's PDF printer (electron/export/pdf.ts) is a dev dependency the app never loads.
      rolldownOptions: { input: { main: at('electron/main.ts') }, external: ['playwright-core'] },
    },
  },
  preload: {
    build: {
      outDir: at('out/preload'),
      // A sandboxed preload can require only 'electron': inline everything else into one file.
      externalizeDeps: false,
      isolatedEntries: true,
      rolldownOptions: { input: { preload: at('electron/preload.ts') } },
    },
  },
  // The same renderer build the harness and the end-to-end tests use.
  renderer: rendererConfig(),
});

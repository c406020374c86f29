// electron-vite 6: `npx electron-vite build --config build/electron.vite.config.ts` from the repo root.
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

const root = fileURLToPath(new URL('..', import.meta.url));
const at = (...parts: string[]) => resolve(root, ...parts);

export default defineConfig({
  main: {
    build: {
      outDir: at('out/main'),
      // better-sqlite3 and other dependencies stay external and load from node_modules (asar).
      externalizeDeps: true,
      rolldownOptions: { input: { main: at('electron/main.ts') } },
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
  renderer: {
    root: at('renderer'),
    plugins: [react()],
    build: {
      outDir: at('out/renderer'),
      rolldownOptions: { input: at('renderer/index.html') },
    },
  },
});

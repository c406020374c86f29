// The renderer alone, for the browser harness (`npm run web`) and the end-to-end tests.
// Electron's build (build/electron.vite.config.ts) bundles the same root for the app.
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const at = (relative: string) => fileURLToPath(new URL(`../${relative}`, import.meta.url));

export default defineConfig({
  root: at('renderer'),
  base: './',
  plugins: [react()],
  worker: { format: 'es' },
  build: {
    outDir: at('out/renderer'),
    emptyOutDir: true,
    sourcemap: false,
    // The CSP allows no inline script, and fonts only from 'self': no polyfill snippet, no data: assets.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    // Loaded from disk or loopback, never over a network: a large bundle costs little.
    chunkSizeWarningLimit: 4096,
  },
});

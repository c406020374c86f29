// The one renderer build: electron-vite's renderer section (the app that ships) and the
// harness build (`npm run web`, the end-to-end tests) both take this config, so the tests
// run the bundle the app loads. electron/security.ts (CONTENT_SECURITY_POLICY) is why each setting is here.
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import type { UserConfig } from 'vite';

const at = (relative: string) => fileURLToPath(new URL(`../${relative}`, import.meta.url));

export const RENDERER_ROOT = at('renderer');
export const RENDERER_OUT_DIR = at('out/renderer');

export function rendererConfig(): UserConfig {
  return {
    root: RENDERER_ROOT,
    base: './',
    plugins: [react()],
    // Module workers: `new Worker(url, { type: 'module' })` in renderer/store, loaded from 'self'.
    worker: { format: 'es' },
    build: {
      outDir: RENDERER_OUT_DIR,
      emptyOutDir: true,
      rolldownOptions: { input: at('renderer/index.html') },
      // Both run it: Electron 45's Chromium and Debian's (the harness and the tests); electron-vite would pick its own.
      target: 'chrome140',
      minify: true,
      sourcemap: false,
      // The CSP allows no inline script, and fonts only from 'self': no polyfill snippet, no data: assets.
      modulePreload: { polyfill: false },
      assetsInlineLimit: 0,
      reportCompressedSize: false,
      // Loaded from disk or loopback, never over a network: a large bundle costs little.
      chunkSizeWarningLimit: 4096,
    },
  };
}

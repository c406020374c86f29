// The renderer alone, for the browser harness (`npm run web`) and the end-to-end tests:
// the same config as the app's renderer in build/electron.vite.config.ts (build/renderer.config.ts).
import { defineConfig } from 'vite';
import { rendererConfig } from './renderer.config';

export default defineConfig(rendererConfig());

// `npm run web`: builds the renderer, bundles the harness, and serves both on 127.0.0.1.
// Arguments after `--` go to the harness (--data DIR, --port N).
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const harnessBundle = path.join(root, 'out/harness/cli.cjs');

export async function buildRenderer() {
  // Vite 8 warns that a .ts config in a package without "type": "module" will need a change
  // when its native loader becomes the default; the bundled loader it uses today is fine.
  process.env.VITE_CONFIG_NATIVE_IGNORE_WARNING ??= 'true';
  const { build } = await import('vite');
  await build({ configFile: path.join(root, 'build/vite.renderer.config.ts'), logLevel: 'warn' });
}

export async function bundleHarness() {
  const { build } = await import('esbuild');
  const { nodeBundle } = await import('./esbuild-options.mjs');
  await build({
    ...nodeBundle,
    entryPoints: [path.join(root, 'electron/harness/cli.ts')],
    outfile: harnessBundle,
    logLevel: 'silent', // its errors are in the message printed below
  });
}

/** Builds everything and runs the harness in this process; it stays up until Ctrl+C. */
export async function runWeb() {
  try {
    console.log('Building the renderer…');
    await buildRenderer();
    await bundleHarness();
  } catch (error) {
    console.error(`The build failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
  try {
    createRequire(import.meta.url)(harnessBundle);
  } catch (error) {
    console.error(`Headroom could not start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) await runWeb();

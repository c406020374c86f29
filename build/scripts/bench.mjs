// `npm run bench`: bundles test/bench/run.ts to a temporary .cjs and runs it with node.
// Options: --quick (a small grid), --parts=grid,risk,screens,store (default all),
// --profile (a V8 CPU profile in bench-results/profiles), --keep (keep the bundle).
// For the screens it builds renderer/ fresh with vite into the same temporary folder, and
// test/bench/page-probe.ts for the page (the in-page peer the screens' timings are set against).
// HyperFormula is GPL and benchmark-only: it stays external here and is never imported by the app.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { nodeBundle } from './esbuild-options.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const args = process.argv.slice(2);
const dir = mkdtempSync(path.join(os.tmpdir(), 'headroom-bench-'));
const outfile = path.join(dir, 'bench.cjs');

// Source maps, so a profile points at the source.
const common = { ...nodeBundle, sourcemap: 'inline' };
await build({ ...common, entryPoints: [path.join(root, 'test/bench/run.ts')], outfile });
// The risk pool's worker thread is a bundle of its own, as the CLI ships it.
const riskWorker = path.join(root, 'electron/risk/worker.ts');
const riskWorkerFile = path.join(dir, 'risk-worker.cjs');
if (existsSync(riskWorker)) await build({ ...common, sourcemap: false, entryPoints: [riskWorker], outfile: riskWorkerFile });

// The screens are measured on a fresh build of renderer/ (out/renderer may be stale).
const wantsScreens = !args.some((a) => a.startsWith('--parts=')) || args.some((a) => a.startsWith('--parts=') && a.includes('screens'));
// The screens' in-page peer (the engine's edit + one render of the chart), for the page.
const probeFile = path.join(dir, 'page-probe.js');
if (wantsScreens)
  await build({
    entryPoints: [path.join(root, 'test/bench/page-probe.ts')],
    outfile: probeFile,
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    jsx: 'automatic',
    minify: true,
    loader: { '.css': 'empty' },
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'warning',
    legalComments: 'none',
  });
const rendererDir = path.join(dir, 'renderer');
let rendererBuilt = false;
if (wantsScreens && existsSync(path.join(root, 'renderer/index.html'))) {
  try {
    process.env.VITE_CONFIG_NATIVE_IGNORE_WARNING ??= 'true';
    const { build: viteBuild } = await import('vite');
    await viteBuild({
      configFile: path.join(root, 'build/vite.renderer.config.ts'),
      logLevel: 'error',
      build: { outDir: rendererDir, emptyOutDir: true },
    });
    rendererBuilt = true;
  } catch (error) {
    console.error(
      `bench: the renderer did not build (${error instanceof Error ? error.message : String(error)}); screens use out/renderer if present`,
    );
  }
}

// Single-threaded GC: the process CPU time the bench reports then holds only the measured
// thread's work, and a task that allocates pays for its own collection.
const nodeArgs = ['--expose-gc', '--single-threaded-gc', '--max-old-space-size=8192', '--enable-source-maps'];
if (args.includes('--profile')) nodeArgs.push('--cpu-prof', `--cpu-prof-dir=${path.join(root, 'bench-results', 'profiles')}`);
const run = spawnSync(process.execPath, [...nodeArgs, outfile, root, ...args.filter((a) => a !== '--profile' && a !== '--keep')], {
  cwd: root,
  stdio: 'inherit',
  // The bundle lives outside the project: let its externals resolve from the project's node_modules.
  env: {
    ...process.env,
    NODE_PATH: path.join(root, 'node_modules'),
    ...(existsSync(riskWorkerFile) ? { HEADROOM_BENCH_RISK_WORKER: riskWorkerFile } : {}),
    ...(rendererBuilt ? { HEADROOM_BENCH_RENDERER: rendererDir } : {}),
    ...(existsSync(probeFile) ? { HEADROOM_BENCH_PROBE: probeFile } : {}),
  },
});
if (args.includes('--keep')) console.log(`bundle: ${outfile}`);
else rmSync(dir, { recursive: true, force: true });
process.exit(run.status ?? 1);

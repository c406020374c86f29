// Bundles the command line (electron/cli/bin.ts) into out/cli/headroom.cjs, the package's bin,
// and the risk worker thread (electron/risk/worker.ts) next to it as risk-worker.cjs.
// Runs on `npm install` (prepare) so that `npx headroom` works in a fresh clone.
// `--outdir DIR` writes both elsewhere (tests build a private copy there).
import { build } from 'esbuild';
import { chmodSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { nodeBundle } from './esbuild-options.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const at = process.argv.indexOf('--outdir');
const outdir = at > 0 && process.argv[at + 1] ? resolve(process.argv[at + 1]) : `${root}out/cli`;
const outfile = `${outdir}/headroom.cjs`;

await Promise.all([
  build({ ...nodeBundle, entryPoints: [`${root}electron/cli/bin.ts`], outfile, banner: { js: '#!/usr/bin/env node' } }),
  // A file of its own, found by the pool next to the CLI (electron/risk/pool.ts).
  build({ ...nodeBundle, entryPoints: [`${root}electron/risk/worker.ts`], outfile: `${outdir}/risk-worker.cjs` }),
]);
chmodSync(outfile, 0o755);

// Bundles the command line (electron/cli/bin.ts) into out/cli/headroom.cjs, the package's bin.
// Runs on `npm install` (prepare) so that `npx headroom` works in a fresh clone.
import { build } from 'esbuild';
import { chmodSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const outfile = `${root}out/cli/headroom.cjs`;

await build({
  entryPoints: [`${root}electron/cli/bin.ts`],
  outfile,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  external: ['better-sqlite3', 'playwright-core', 'exceljs'],
  banner: { js: '#!/usr/bin/env node' },
  logLevel: 'warning',
  legalComments: 'none',
});
chmodSync(outfile, 0o755);

// The one set of esbuild options for Node bundles: the CLI and its risk worker (build-cli.mjs),
// the browser harness (web.mjs) and the benchmark (bench.mjs).
export const nodeBundle = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  // Native, large, or only for printing PDFs and benchmarks: loaded from node_modules at run time.
  external: ['better-sqlite3', 'playwright-core', 'exceljs', 'hyperformula', 'electron'],
  logLevel: 'warning',
  legalComments: 'none',
};

// `node build/scripts/measure-actuals-import.mjs [--rows N] [--only csv|xlsx]`: the time and
// memory of importing a generated finance extract (default 100,000 postings, 8 columns, as
// CSV and as XLSX) into the demo plan, through electron/import/actuals.ts as the CLI runs it.
// Each format runs in a fresh node process; peak RSS and CPU time (all threads, so the figure
// to compare on a busy machine) include the reading worker thread.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { nodeBundle } from './esbuild-options.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const rows = Number(option('--rows', '100000'));
const only = option('--only', '');
const dir = mkdtempSync(path.join(os.tmpdir(), 'headroom-actuals-'));

// The demo plan's services, a code each (as ledgerCodes in the measured copy), and periods of 2021/22.
const demo = JSON.parse(await import('node:fs').then((fs) => fs.readFileSync(path.join(root, 'shared/demo/wmvru-plan.json'), 'utf8')));
demo.interventions.forEach((item, i) => (item.ledgerCodes = [`CC${String(1000 + i)}`]));
const planPath = path.join(dir, 'plan.json');
writeFileSync(planPath, JSON.stringify(demo));
const codes = demo.interventions.filter((item) => !item.end || item.end >= '2022-03').map((item) => item.ledgerCodes[0]);
const header = ['Entity', 'Cost Centre', 'Account', 'Period', 'Description', 'Net Amount', 'Currency', 'Journal'];
const row = (i) => [
  'WMP',
  codes[i % codes.length],
  `5${i % 90}`,
  `P${String((i % 12) + 1).padStart(2, '0')} 2021/22`,
  `Posting ${i}`,
  `${(i % 997) + 1}.${String(i % 100).padStart(2, '0')}`,
  'GBP',
  `J${i}`,
];

const csvPath = path.join(dir, 'extract.csv');
const lines = [header.join(',')];
for (let i = 0; i < rows; i++) lines.push(row(i).join(','));
writeFileSync(csvPath, `${lines.join('\r\n')}\r\n`);

const require = createRequire(path.join(root, 'package.json'));
const ExcelJS = require('exceljs');
const book = new ExcelJS.Workbook();
const sheet = book.addWorksheet('Extract');
sheet.addRow(header);
for (let i = 0; i < rows; i++) {
  const r = row(i);
  r[5] = Number(r[5]);
  sheet.addRow(r);
}
const xlsxPath = path.join(dir, 'extract.xlsx');
await book.xlsx.writeFile(xlsxPath);

const entry = `
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { importActuals } from './electron/import/actuals';
const [planPath, extract] = process.argv.slice(2);
const plan = JSON.parse(readFileSync(planPath, 'utf8'));
const start = performance.now();
importActuals(extract, plan).then((result) => {
  const ms = performance.now() - start;
  const usage = process.resourceUsage();
  const out = { ok: result.ok, ms: Math.round(ms), cpuMs: Math.round((usage.userCPUTime + usage.systemCPUTime) / 1000), maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024), heapUsedMb: Math.round(process.memoryUsage().heapUsed / 1048576) };
  if (result.ok) Object.assign(out, { rowsMatched: result.preview.rowsMatched, months: result.preview.monthsReplaced.length, entries: result.plan.actuals.spend.length });
  else Object.assign(out, { errors: result.errors.slice(0, 3) });
  console.log(JSON.stringify(out));
});
`;
const bundle = path.join(dir, 'measure.cjs');
await build({ ...nodeBundle, stdin: { contents: entry, resolveDir: root, loader: 'ts' }, outfile: bundle });

console.log(
  `Importing ${rows.toLocaleString('en-GB')} postings (${header.length} columns) into the demo plan; node ${process.version}, ${os.cpus().length} CPUs`,
);
for (const [format, file] of [
  ['csv', csvPath],
  ['xlsx', xlsxPath],
]) {
  if (only && only !== format) continue;
  const run = spawnSync(process.execPath, [bundle, planPath, file], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, NODE_PATH: path.join(root, 'node_modules') },
  });
  const result = run.stdout.trim() ? JSON.parse(run.stdout.trim().split('\n').pop()) : { error: run.stderr.trim() };
  const size = `${(statSync(file).size / 1048576).toFixed(1)} MB`;
  console.log(`  ${format.padEnd(4)} ${size.padStart(8)}: ${JSON.stringify(result)}`);
}
rmSync(dir, { recursive: true, force: true });

// The bench's command line: argv[2] is the project's root, then --quick and --parts=.
import path from 'node:path';

export const root = path.resolve(process.argv[2] ?? process.cwd());
const flags = process.argv.slice(3);
/** A small grid and fewer rounds. */
export const quick = flags.includes('--quick');
export const PARTS = ['grid', 'risk', 'screens', 'store'] as const;
export type Part = (typeof PARTS)[number];
const partsFlag = flags.find((f) => f.startsWith('--parts='));
export const parts = new Set<Part>(partsFlag ? (partsFlag.slice('--parts='.length).split(',') as Part[]) : PARTS);

export const GRID = quick
  ? { interventions: [50], months: [60, 120], scenarios: [1, 8] }
  : { interventions: [50, 500], months: [60, 120, 240], scenarios: [1, 8, 32] };

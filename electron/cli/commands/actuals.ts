// import-actuals (plan-format.md §10): a finance-system extract's postings into a plan's
// actuals. All or nothing: the new plan is written (--out) or printed, or nothing at all.
import { basename } from 'node:path';
import { performance } from 'node:perf_hooks';
import { moneyFull } from '../../../shared/format';
import { planJsonText } from '../../../shared/json-text';
import { monthName, parseMonth } from '../../../shared/months';
import { type ActualsPreview, importActuals, unmatchedText } from '../../import/actuals';
import { type Command, InputError, type Io, requireCount, UsageError } from '../command';
import { loadPlan } from '../load-plan';
import { FORCE, outPath, readPlanJson, size, took, write } from './exports';

/** `--map CODE=ID`, repeatable: the code (which may itself hold "=") up to the last "=". */
function mappingOf(values: Record<string, unknown>): Record<string, string> {
  const mapping: Record<string, string> = Object.create(null);
  for (const text of (values.map as string[] | undefined) ?? []) {
    const at = text.lastIndexOf('=');
    if (at <= 0 || at === text.length - 1)
      throw new UsageError(`--map needs CODE=ID (a ledger code and an intervention id), not "${text}"`);
    mapping[text.slice(0, at).trim()] = text.slice(at + 1).trim();
  }
  return mapping;
}

const plural = (n: number, word: string) => `${n.toLocaleString('en-GB')} ${word}${n === 1 ? '' : 's'}`;

/** Months as "April 2021 to September 2021" when they run on, else listed. */
function monthsText(months: readonly string[]): string {
  const index = months.map(parseMonth);
  const runs = index.every((m, i) => i === 0 || m === index[i - 1] + 1);
  if (runs && index.length > 2) return `${monthName(index[0])} to ${monthName(index[index.length - 1])}`;
  return index.map((m) => monthName(m)).join(', ');
}

function summary(say: (text: string) => void, preview: ActualsPreview) {
  const used = preview.columns.filter((c) => c.role).map((c) => `${c.column} ${c.header} → ${c.role}`);
  const ignored = preview.columns.filter((c) => !c.role).map((c) => `${c.column} ${c.header}`);
  say(
    `${preview.file}: Sheet '${preview.sheet}', header in row ${preview.headerRow}; columns ${used.join(', ')}${ignored.length ? `; ignored ${ignored.join(', ')}` : ''}`,
  );
  for (const sheet of preview.ignoredSheets) say(`  Sheet '${sheet}' not read`);
  const skippedRows = preview.skipped.reduce((n, s) => n + s.rows.length, 0);
  say(
    `  ${plural(preview.rowsRead, 'row')} read, ${plural(preview.rowsMatched, 'posting')} matched, ${plural(skippedRows, 'row')} skipped`,
  );
  for (const { reason, rows } of preview.skipped)
    say(
      `    skipped as ${reason}: row${rows.length === 1 ? '' : 's'} ${rows.slice(0, 10).join(', ')}${rows.length > 10 ? ` and ${rows.length - 10} more` : ''}`,
    );
  const width = Math.max(...preview.interventions.map((i) => i.id.length));
  for (const item of preview.interventions)
    say(
      `  ${item.id.padEnd(width)}  ${moneyFull(item.total).padStart(15)}  ${plural(item.rows, 'posting')} in ${plural(item.months.length, 'month')}`,
    );
  say(`  Months replaced for every service: ${monthsText(preview.monthsReplaced)}`);
  say(
    `  Actuals as at ${monthName(parseMonth(preview.asAtAfter))}${preview.asAtBefore ? ` (was ${monthName(parseMonth(preview.asAtBefore))})` : ''}`,
  );
  for (const { intervention, code } of preview.ledgerCodesAdded) say(`  + ledger code '${code}' for ${intervention}`);
  for (const note of preview.notes) say(`  Note: ${note}`);
}

export const importActualsCommand: Command = {
  name: 'import-actuals',
  summary: "replace a plan's actuals for the months a finance extract (.csv or .xlsx) covers",
  usage: 'headroom import-actuals PLAN.json EXTRACT [--as-at YYYY-MM] [--map CODE=ID ...] [--out NEW.json [--force] | --dry-run]',
  options: {
    'as-at': { type: 'string' },
    map: { type: 'string', multiple: true },
    out: { type: 'string' },
    'dry-run': { type: 'boolean' },
    ...FORCE,
  },
  async run(positionals, values, io: Io) {
    requireCount(positionals, 2, 2, positionals.length === 0 ? 'the plan file and the extract' : 'the extract');
    const [planPath, extractPath] = positionals;
    const dryRun = values['dry-run'] === true;
    if (dryRun && values.out !== undefined) throw new UsageError('choose one of --out and --dry-run');
    const out = outPath(values, 'out', 'json');
    const asAt = values['as-at'] as string | undefined;
    if (asAt !== undefined && !/^\d{4}-(0[1-9]|1[0-2])$/.test(asAt))
      throw new UsageError(`--as-at needs a month like 2021-09, not "${asAt}"`);
    const mapping = mappingOf(values);
    const start = performance.now();
    loadPlan(planPath);
    const plan = readPlanJson(planPath);
    const result = await importActuals(extractPath, plan, { asAt, mapping });
    const file = basename(extractPath);
    if (!result.ok) {
      const unmatched = result.unmatched.length
        ? `\nCodes that match no intervention (give --map CODE=ID, or add them to its ledgerCodes):\n${result.unmatched.map((u) => `  ${unmatchedText(u)}`).join('\n')}`
        : '';
      throw new InputError(
        `${file} was not imported (${plural(result.errors.length, 'problem')}); the plan is unchanged and nothing was written:\n${result.errors.join('\n')}${unmatched}`,
      );
    }
    // Without --out the plan is the output, on standard output; the summary goes to standard error.
    const say = out || dryRun ? io.out : io.err;
    summary(say, result.preview);
    const text = planJsonText(result.plan);
    if (out) {
      write(out, text);
      say(`Wrote ${out} (${size(Buffer.byteLength(text))}; the plan with these actuals) in ${took(start)}`);
    } else if (dryRun) say(`Checked in ${took(start)}; nothing written (--dry-run)`);
    else {
      io.out(text.trimEnd());
      say(`Checked in ${took(start)}; the new plan is on standard output (give --out NEW.json to write it)`);
    }
    return 0;
  },
};

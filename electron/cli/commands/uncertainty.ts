// risk, ladder and breakeven (plan-format.md §9).
import { jsonText } from '../../../shared/json-text';
import { formatMoney } from '../../../shared/money';
import type { Plan } from '../../../shared/plan';
import { breakeven, BREAKEVEN_TOLERANCE } from '../../../shared/uncertainty/breakeven';
import type { Uncertainty } from '../../../shared/uncertainty/distributions';
import { ladder } from '../../../shared/uncertainty/ladder';
import { AnalysisArgumentError, AnalysisError } from '../../../shared/uncertainty/draws';
import { riskSummaryJson, summariseDraws, type RiskSummary } from '../../../shared/uncertainty/risk-summary';
import { BREAKEVEN_TARGETS, isBreakevenTarget } from '../../../shared/uncertainty/targets';
import { defaultWorkerCount, MAX_WORKERS, runRiskPool } from '../../risk/pool';
import { type Command, InputError, numberOption, requireCount, UsageError } from '../command';
import { loadPlan, pickScenarios } from '../load-plan';
import { renderTable } from '../tables';

export const DEFAULT_DRAWS = 2000;
/** A fixed default, so that a run repeated without --seed gives the same numbers. */
export const DEFAULT_SEED = 1;
export const MAX_DRAWS = 1_000_000;

/** A bad request becomes a usage message; a plan that cannot be analysed, a plain one. */
async function analysing<T>(run: () => T | Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof AnalysisArgumentError) throw new UsageError(error.message);
    if (error instanceof AnalysisError) throw new InputError(error.message);
    throw error;
  }
}

function wholeOption(values: Record<string, unknown>, name: string, fallback: number, min: number, max: number): number {
  const value = numberOption(values, name, fallback);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new UsageError(
      `--${name} needs a whole number from ${min.toLocaleString('en-GB')} to ${max.toLocaleString('en-GB')}, not "${String(values[name])}"`,
    );
  }
  return value;
}

function stringOption(values: Record<string, unknown>, name: string): string {
  const value = values[name];
  if (typeof value !== 'string' || value === '') throw new UsageError(`--${name} is required`);
  return value;
}

/** The plan and the one scenario named by --scenario (required). */
function loadScenario(positionals: string[], values: Record<string, unknown>) {
  requireCount(positionals, 1, 1, 'the plan file');
  const scenarioId = stringOption(values, 'scenario');
  const loaded = loadPlan(positionals[0]);
  const [scenario] = pickScenarios(loaded, [scenarioId]);
  return { plan: loaded.plan, scenarioId, scenario };
}

function uncertaintyOf(plan: Plan, scenarioId: string): readonly Uncertainty[] {
  return plan.scenarios?.find((s) => s.id === scenarioId)?.uncertainty ?? [];
}

function describeUncertainty(u: Uncertainty): string {
  switch (u.dist) {
    case 'uniform':
      return `${u.variable}: uniform ${u.min} to ${u.max}`;
    case 'triangular':
      return `${u.variable}: triangular ${u.min} to ${u.max}, most likely ${u.mode}`;
    case 'normal':
      return `${u.variable}: normal, mean ${u.mean}, sd ${u.sd}${u.min !== undefined || u.max !== undefined ? `, within ${u.min ?? '-∞'} to ${u.max ?? '∞'}` : ''}`;
    case 'discrete':
      return `${u.variable}: one of ${u.values.join(', ')}${u.weights ? ` (weights ${u.weights.join(', ')})` : ''}`;
    case 'bernoulli':
      return `${u.variable}: 1 with probability ${u.p}, else 0`;
  }
}

const pounds = (value: number) => formatMoney(Math.round(value * 100)); // ladder JSON pounds are exact pence / 100
const percent = (p: number) => `${(p * 100).toFixed(1)}%`;

function riskText(
  planName: string,
  scenarioName: string,
  scenarioId: string,
  list: readonly Uncertainty[],
  names: Map<string, string>,
  summary: RiskSummary,
): string {
  const head = [
    `${planName}: risk of "${scenarioName}" (${scenarioId})`,
    `${summary.draws.toLocaleString('en-GB')} draws, seed ${summary.seed}.`,
    list.length
      ? `Uncertain: ${list.map(describeUncertainty).join('; ')}.`
      : 'The scenario has no uncertain variables: every draw is the same.',
  ].join('\n');
  const people = (value: number) => new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 }).format(value);
  const spread = renderTable(
    [
      { title: '' },
      { title: 'Mean', align: 'right' },
      { title: 'P10', align: 'right' },
      { title: 'P50', align: 'right' },
      { title: 'P90', align: 'right' },
    ],
    [
      [
        'Drawn from the underwriter',
        ...[summary.drawn.mean, summary.drawn.p10, summary.drawn.p50, summary.drawn.p90].map((p) => formatMoney(p)),
      ],
      [
        'People losing support',
        ...[
          summary.usersLosingSupport.mean,
          summary.usersLosingSupport.p10,
          summary.usersLosingSupport.p50,
          summary.usersLosingSupport.p90,
        ].map(people),
      ],
      [
        'Largest FY at risk',
        ...[summary.atRisk.mean, summary.atRisk.p10, summary.atRisk.p50, summary.atRisk.p90].map((p) => formatMoney(p)),
      ],
    ],
  );
  // The most likely closures first; plan order among equals.
  const rows = summary.interventions
    .map((r, index) => ({ ...r, index }))
    .sort((a, b) => b.pClose - a.pClose || b.pTransition - a.pTransition || a.index - b.index);
  const chances = renderTable(
    [{ title: 'Intervention' }, { title: 'Closes', align: 'right' }, { title: 'Transitions', align: 'right' }],
    rows.map((r) => [`${names.get(r.id) ?? r.id} (${r.id})`, percent(r.pClose), percent(r.pTransition)]),
  );
  const note =
    "Drawn: spend no funding covers, over the horizon. At risk: spend before an FY's funding is confirmed, in the FY where it is largest.";
  return [head, spread, note, 'Chance of each outcome:', chances].join('\n\n');
}

export const riskCommand: Command = {
  name: 'risk',
  summary: "sample a scenario's uncertain variables: chance of each closure, spread of the money drawn",
  usage:
    `headroom risk PLAN.json --scenario ID [--draws N (default ${DEFAULT_DRAWS})] [--seed S (default ${DEFAULT_SEED})] ` +
    '[--workers N (default: one per CPU)] [--json]',
  options: {
    scenario: { type: 'string' },
    draws: { type: 'string' },
    seed: { type: 'string' },
    workers: { type: 'string' },
    json: { type: 'boolean' },
  },
  async run(positionals, values, io) {
    const draws = wholeOption(values, 'draws', DEFAULT_DRAWS, 1, MAX_DRAWS);
    const seed = wholeOption(values, 'seed', DEFAULT_SEED, -Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
    const workers = wholeOption(values, 'workers', Math.min(defaultWorkerCount(), MAX_WORKERS), 1, MAX_WORKERS);
    const { plan, scenarioId, scenario } = loadScenario(positionals, values);
    const progress = process.stderr.isTTY
      ? (done: number, total: number) => process.stderr.write(`\rrisk: ${done} of ${total} draws`)
      : undefined;
    let batch;
    try {
      batch = await analysing(() => runRiskPool({ plan, scenarioId, draws, seed, workers, useThisThread: true, onProgress: progress }));
    } finally {
      if (progress) process.stderr.write('\r\x1b[K');
    }
    // The pool's batch is already every draw in draw order.
    const summary = summariseDraws(
      plan.interventions.map((i) => i.id),
      seed,
      batch,
    );
    if (values.json) io.out(jsonText(riskSummaryJson(summary)));
    else {
      const names = new Map(plan.interventions.map((i) => [i.id, i.name]));
      io.out(riskText(plan.name, scenario.name, scenarioId, uncertaintyOf(plan, scenarioId), names, summary));
    }
    return 0;
  },
};

export const ladderCommand: Command = {
  name: 'ladder',
  summary: 'simulate a scenario at a range of values of one variable, a row per value',
  usage: 'headroom ladder PLAN.json --scenario ID --variable V --from A --to B --step D [--json]',
  options: {
    scenario: { type: 'string' },
    variable: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    step: { type: 'string' },
    json: { type: 'boolean' },
  },
  async run(positionals, values, io) {
    const variable = stringOption(values, 'variable');
    const [from, to, step] = ['from', 'to', 'step'].map((name) => numberOption(values, name));
    const { plan, scenarioId, scenario } = loadScenario(positionals, values);
    const result = await analysing(() => ladder(plan, scenarioId, variable, from, to, step));
    if (values.json) {
      io.out(jsonText(result));
      return 0;
    }
    const table = renderTable(
      [
        { title: variable, align: 'right' },
        { title: 'Spend', align: 'right' },
        { title: 'Drawn', align: 'right' },
        { title: 'Closures', align: 'right' },
        { title: 'Losing support', align: 'right' },
        { title: 'Closes' },
      ],
      result.rows.map((row) => [
        String(row.value),
        pounds(row.totals.spend),
        pounds(row.totals.drawn),
        String(row.totals.closures),
        String(row.totals.usersLosingSupport),
        row.closes.length ? row.closes.join(', ') : '–',
      ]),
    );
    io.out(`${plan.name}: "${scenario.name}" (${scenarioId}) at ${variable} from ${from} to ${to} in steps of ${step}\n\n${table}`);
    return 0;
  },
};

const TARGET_WORDS: Record<string, string> = {
  'no-closures': 'no intervention closes',
  'no-drawn': 'nothing is drawn from the underwriter',
  compliant: 'every FY meets the grant condition',
};

export const breakevenCommand: Command = {
  name: 'breakeven',
  summary: 'the smallest value of a variable at which a target holds (no-closures, no-drawn, compliant)',
  usage:
    `headroom breakeven PLAN.json --scenario ID --variable V --target ${BREAKEVEN_TARGETS.join('|')} --lo A --hi B [--json]` +
    ' (prints A when the target already holds at A; exit 1 when it fails at B)',
  options: {
    scenario: { type: 'string' },
    variable: { type: 'string' },
    target: { type: 'string' },
    lo: { type: 'string' },
    hi: { type: 'string' },
    json: { type: 'boolean' },
  },
  async run(positionals, values, io) {
    const variable = stringOption(values, 'variable');
    const target = stringOption(values, 'target');
    if (!isBreakevenTarget(target)) throw new UsageError(`--target "${target}" is not a target (${BREAKEVEN_TARGETS.join(', ')})`);
    const lo = numberOption(values, 'lo');
    const hi = numberOption(values, 'hi');
    const { plan, scenarioId, scenario } = loadScenario(positionals, values);
    const result = await analysing(() => breakeven(plan, scenarioId, variable, target, lo, hi));
    if (values.json) io.out(jsonText(result));
    else if (result.value === lo) {
      io.out(
        `${plan.name}: in "${scenario.name}" (${scenarioId}), ${TARGET_WORDS[target]} already at ${variable} = ${lo}, the bottom of the range.`,
      );
    } else {
      io.out(
        `${plan.name}: in "${scenario.name}" (${scenarioId}), ${TARGET_WORDS[target]} from ${variable} = ${result.value} ` +
          `(searched ${lo} to ${hi}; within ${BREAKEVEN_TOLERANCE} of where it starts to hold).`,
      );
    }
    return 0;
  },
};

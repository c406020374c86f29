// Builders for a scenario's correlations and sampling (plan-format.md §9.1): each Risk screen
// command is one PlanEdit on `scenarios[i].correlations` or `.sampling`, and the ops that keep
// the correlations naming only uncertain variables when one is removed or renamed. The store
// validates every edit; a refused one leaves the plan as it was and its message at the field.
import type { EditOp, PlanEdit } from '../../shared/edits';
import type { Plan, Scenario } from '../../shared/plan';
import type { Correlation, Sampling } from '../../shared/uncertainty/correlation';
import { scenarioIndex } from './scenario-edits';
import { readNumber, type Read } from './values';

/** The ranks the screen offers: a copula cannot draw ±1 (two variables moving as one). */
export const RANK_LIMIT = 0.99;

export const SAMPLINGS: readonly { readonly sampling: Sampling; readonly label: string; readonly words: string }[] = [
  { sampling: 'random', label: 'Random', words: 'each draw picks every variable at random.' },
  {
    sampling: 'latin-hypercube',
    label: 'Latin hypercube',
    words: 'spreads each variable’s draws evenly over its range: steadier results with fewer draws.',
  },
];

function scenarioAt(plan: Plan, id: string): { scenario: Scenario; index: number } {
  const index = scenarioIndex(plan, id);
  return { scenario: plan.scenarios![index], index };
}

/** "grantLevel and delay" */
export const pairWords = (between: readonly string[]): string => between.join(' and ');

/** A rank as typed ("-0.6", "−0.6", "60%"); the range is the validator's to check, at its place. */
export function readRank(text: string): Read<number> {
  const t = text.trim().replace(/^−/, '-');
  if (t === '') return { ok: false, message: 'is required' };
  const n = readNumber(t, { percent: true });
  return n === null ? { ok: false, message: `"${text.trim()}" is not a number` } : { ok: true, value: n };
}

/** A rank as shown: "0.6", "−0.6" (a true minus sign). */
export const rankText = (rank: number): string => (rank < 0 ? `−${-rank}` : String(rank));

export function addCorrelationEdit(plan: Plan, id: string, correlation: Correlation): PlanEdit {
  const { scenario, index } = scenarioAt(plan, id);
  const entry: Correlation = { between: [...correlation.between], rank: correlation.rank };
  const label = `"${scenario.name}": ${pairWords(entry.between)} correlated at ${rankText(entry.rank)}`;
  const list = scenario.correlations;
  if (!list) return { label, ops: [{ op: 'set', path: ['scenarios', index, 'correlations'], value: [entry] }] };
  return { label, ops: [{ op: 'insert', path: ['scenarios', index, 'correlations'], index: list.length, value: entry }] };
}

export function removeCorrelationEdit(plan: Plan, id: string, k: number): PlanEdit {
  const { scenario, index } = scenarioAt(plan, id);
  const entry = scenario.correlations?.[k];
  if (!entry) return { label: 'Remove correlation', ops: [] };
  const label = `"${scenario.name}": ${pairWords(entry.between)} no longer correlated`;
  // The last entry takes the list away, so the file reads as it did before.
  if (scenario.correlations!.length === 1) return { label, ops: [{ op: 'set', path: ['scenarios', index, 'correlations'] }] };
  return { label, ops: [{ op: 'remove', path: ['scenarios', index, 'correlations'], index: k }] };
}

export function setCorrelationRankEdit(plan: Plan, id: string, k: number, rank: number): PlanEdit {
  const { scenario, index } = scenarioAt(plan, id);
  const entry = scenario.correlations?.[k];
  const label = `"${scenario.name}": ${entry ? pairWords(entry.between) : 'correlation'} rank ${rankText(rank)}`;
  if (!entry || entry.rank === rank) return { label, ops: [] };
  return { label, ops: [{ op: 'set', path: ['scenarios', index, 'correlations', k, 'rank'], value: rank }] };
}

/** Random is the default: choosing it takes the field away, so the file reads as before. */
export function setSamplingEdit(plan: Plan, id: string, sampling: Sampling): PlanEdit {
  const { scenario, index } = scenarioAt(plan, id);
  const words = SAMPLINGS.find((s) => s.sampling === sampling)?.label ?? sampling;
  const label = `"${scenario.name}": ${words.toLowerCase()} sampling`;
  const value = sampling === 'random' ? undefined : sampling;
  const current = scenario.sampling === 'random' ? undefined : scenario.sampling;
  if (current === value) return { label, ops: [] };
  return { label, ops: [{ op: 'set', path: ['scenarios', index, 'sampling'], value }] };
}

/** The ops, for scenario `index`, that take away every correlation naming `variable` (none when none does). */
export function correlationsWithoutOps(scenario: Scenario, index: number, variable: string): EditOp[] {
  const list = scenario.correlations ?? [];
  const kept = list.filter((c) => !c.between.includes(variable));
  if (kept.length === list.length) return [];
  return [{ op: 'set', path: ['scenarios', index, 'correlations'], value: kept.length ? kept : undefined }];
}

/** The ops, for scenario `index`, that rename `from` to `to` in its correlations (none when none names it). */
export function correlationsRenamedOps(scenario: Scenario, index: number, from: string, to: string): EditOp[] {
  const list = scenario.correlations ?? [];
  if (from === to || !list.some((c) => c.between.includes(from))) return [];
  const renamed = list.map((c) => ({ ...c, between: c.between.map((name) => (name === from ? to : name)) }));
  return [{ op: 'set', path: ['scenarios', index, 'correlations'], value: renamed }];
}

// Break-even (plan-format.md §9): the smallest value of a variable in lo..hi at which a target
// holds, by bisection, assuming it holds at hi and that once it holds it keeps holding as
// the value rises (more grant, fewer closures). If the target already holds at lo, the
// answer is lo: the whole range meets it. If it fails at hi, there is no answer in the
// range: TargetNotMetError.
import { compilePlan } from '../compiled/compile';
import { simulateSummary, type SimulationSummary } from '../engine';
import { formatMoney } from '../money';
import type { Plan } from '../plan';
import { AnalysisArgumentError, AnalysisError } from './draws';
import { checkVariable, resolveAt } from './risk';
import { BREAKEVEN_TARGETS, isBreakevenTarget, type BreakevenTarget } from './targets';

/** How close the answer is to where the target starts to hold. */
export const BREAKEVEN_TOLERANCE = 1e-6;

export interface Breakeven {
  readonly value: number;
  readonly target: BreakevenTarget;
}

/** The target fails at the top of the range, so no value in it meets the target. */
export class TargetNotMetError extends AnalysisError {}

function holds(target: BreakevenTarget, result: SimulationSummary): boolean {
  switch (target) {
    case 'no-closures':
      return result.totals.closures === 0;
    case 'no-drawn':
      return result.totals.drawn === 0;
    case 'compliant':
      return result.totals.nonCompliantYears === 0;
  }
}

/** What stops the target holding, for the message when it fails at hi. */
function shortfall(target: BreakevenTarget, result: SimulationSummary): string {
  switch (target) {
    case 'no-closures': {
      const ids = result.closes;
      return `${ids.length} intervention${ids.length === 1 ? '' : 's'} close (${ids.join(', ')})`;
    }
    case 'no-drawn':
      return `${formatMoney(result.totals.drawn)} is drawn from ${result.underwriter}`;
    case 'compliant': {
      const n = result.totals.nonCompliantYears;
      return `${n} FY${n === 1 ? '' : 's'} break${n === 1 ? 's' : ''} the grant condition`;
    }
  }
}

/**
 * The shortest decimal in (fails, meets] at which the target holds, so that the answer
 * reads 0.847915 rather than 0.8479148864746093; `meets` when the doubles allow none
 * shorter. For each number of decimal places, the smallest that holds is found by
 * bisection over the few candidates.
 */
function shortestHolding(fails: number, meets: number, test: (value: number) => boolean): number {
  for (let places = 0; places <= 15; places++) {
    const scale = 10 ** places;
    if (Math.max(Math.abs(fails), Math.abs(meets)) * scale >= 2 ** 52) break; // no exact steps left
    let first = Math.floor(fails * scale) + 1;
    while (first / scale <= fails) first++;
    let last = Math.floor(meets * scale);
    while (last / scale > meets) last--;
    if (first > last) continue;
    if (!test(last / scale)) {
      fails = last / scale;
      continue;
    }
    let below = first - 1; // at or below `fails`: fails
    let above = last; // holds
    while (above - below > 1) {
      const mid = below + Math.floor((above - below) / 2);
      if (test(mid / scale)) above = mid;
      else below = mid;
    }
    return above / scale;
  }
  return meets;
}

/**
 * The smallest value of `variable` in lo..hi at which `target` holds, to within 1e-6.
 * Returns lo when the target already holds at lo. Throws TargetNotMetError when it fails
 * at hi. The plan must be valid (validatePlan).
 */
export function breakeven(plan: Plan, scenarioId: string, variable: string, target: BreakevenTarget, lo: number, hi: number): Breakeven {
  if (!isBreakevenTarget(target)) {
    throw new AnalysisArgumentError(`"${String(target)}" is not a target (${BREAKEVEN_TARGETS.join(', ')})`);
  }
  checkVariable(plan, scenarioId, variable);
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) throw new AnalysisArgumentError(`lo and hi must be numbers, not ${lo} and ${hi}`);
  if (lo > hi) throw new AnalysisArgumentError(`lo (${lo}) is above hi (${hi})`);

  // Compiled once: each value tried resolves again only what the variable reaches.
  const compiled = compilePlan(plan);
  const at = (value: number) => simulateSummary(resolveAt(compiled, scenarioId, { [variable]: value }));
  const top = at(hi);
  if (!holds(target, top)) {
    throw new TargetNotMetError(`${target} does not hold at ${variable} = ${hi}, the top of the range: ${shortfall(target, top)}`);
  }
  if (holds(target, at(lo))) return { value: lo, target };

  // Invariant: the target fails at `fails` and holds at `meets`.
  let fails = lo;
  let meets = hi;
  while (meets - fails > BREAKEVEN_TOLERANCE) {
    const mid = fails + (meets - fails) / 2;
    if (mid <= fails || mid >= meets) break; // no double between them
    if (holds(target, at(mid))) meets = mid;
    else fails = mid;
  }
  return { value: shortestHolding(fails, meets, (value) => holds(target, at(value))), target };
}

// A scenario resolved part by part (each stream, each intervention, the limit, each
// variable, the actuals), keeping what each part was resolved from. Given the state of an
// earlier resolution, a part whose inputs are the same objects and whose formulas reach no
// variable defined differently is taken as it was; everything else is resolved again. A
// scenario with any problem is resolved again from nothing, so its problems are listed
// exactly as a first resolution lists them.
import { resolveActuals, type ResolvedActuals } from '../actuals';
import { ceilingProblem, numberToDecimalText } from '../money';
import { decimalText } from '../formula';
import { variableProblem, type Actuals, type AmountValue, type FundingStream, type Intervention, type Plan, type Scenario } from '../plan';
import { BASE_SCENARIO_ID } from '../parse';
import type { PlanProblem } from '../problem';
import type { ResolvedIntervention, ResolvedScenario, ResolvedStream } from '../resolve';
import { ScenarioContext } from './context';
import { affectedNames, definitionsOf, namesIn, touches, type Definitions } from './deps';
import { define } from './evaluator';
import { interventionCost, resolveIntervention, type Earlier } from './intervention';
import { resolveStream, streamFunding } from './funding-stream';

interface Part<I, O> {
  readonly input: I;
  /** The scenario's changes applied to it, in order. */
  readonly changes: readonly object[];
  /** The names its formulas use. */
  readonly names: readonly string[];
  readonly out: O;
  /** Its part of the ceiling check, in pence. */
  readonly sum: number;
}

/** What a resolution was made from, part by part: the earlier state of the next one. */
export interface ScenarioState {
  readonly horizon: string;
  readonly defs: Definitions;
  readonly streams: readonly Part<FundingStream, ResolvedStream>[];
  readonly interventions: readonly Part<Intervention, ResolvedIntervention>[];
  readonly limit: Part<AmountValue | null, ReadonlyMap<number, number>>;
  readonly variables: ReadonlyMap<string, readonly string[]>;
  readonly actuals: {
    readonly input: Actuals | undefined;
    readonly ids: readonly string[];
    readonly out: ResolvedActuals | null;
    readonly cost: number;
  };
  readonly result: ResolvedScenario;
}

export type Resolution =
  | { readonly scenario: ResolvedScenario; readonly problems: []; readonly state: ScenarioState }
  | { readonly scenario: null; readonly problems: PlanProblem[]; readonly state: null };

function sameList(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The names a part's formulas use: the earlier part's when its input and changes are the same (a draw). */
function namesOf<I, O>(before: Part<I, O> | undefined, input: I, changes: readonly object[]): readonly string[] {
  return sameInputs(before, input, changes) ? before.names : namesIn(input, changes);
}

function sameInputs<I, O>(part: Part<I, O> | undefined, input: I, changes: readonly object[]): part is Part<I, O> {
  return part !== undefined && part.input === input && sameList(part.changes, changes);
}

/** The earlier part for the one at `index` with this id: at the same place, else the first with the id. */
function earlierPart<I extends { id: string }, O>(
  parts: readonly Part<I, O>[] | undefined,
  index: number,
  id: string,
  byId: () => Map<string, Part<I, O>>,
): Part<I, O> | undefined {
  if (!parts) return undefined;
  const same = parts[index];
  if (same && same.input.id === id) return same;
  return byId().get(id);
}

function indexById<I extends { id: string }, O>(parts: readonly Part<I, O>[] | undefined): () => Map<string, Part<I, O>> {
  let map: Map<string, Part<I, O>> | null = null;
  return () => {
    if (!map) {
      map = new Map();
      for (const part of parts ?? []) if (!map.has(part.input.id)) map.set(part.input.id, part);
    }
    return map;
  };
}

/**
 * Resolves the plan under one scenario (or `base`), reusing the parts of `earlier` that are
 * provably the same. The plan's structure must already be valid (PlanSchema).
 */
export function resolveParts(
  plan: Plan,
  scenarioId: string,
  overrides: Readonly<Record<string, number>>,
  onFormula: ((path: string, text: string) => void) | undefined,
  earlier: ScenarioState | null,
): Resolution {
  const scenarioIndex = plan.scenarios?.findIndex((s) => s.id === scenarioId) ?? -1;
  const scenario: Scenario | null = scenarioIndex >= 0 ? plan.scenarios![scenarioIndex] : null;
  if (!scenario && scenarioId !== BASE_SCENARIO_ID) {
    return { scenario: null, problems: [{ path: 'scenarios', message: `no scenario "${scenarioId}"` }], state: null };
  }
  const ctx = new ScenarioContext(plan, scenario, scenarioIndex, overrides, onFormula);
  const horizon = `${plan.horizon.start}/${plan.horizon.months}`;
  const defs = definitionsOf(ctx.variables);
  const prior = earlier && earlier.horizon === horizon ? earlier : null;
  const affected = prior ? affectedNames(prior.defs, defs) : null;
  // A part made from the same input and changes, whose names reach a changed variable: its fields that reach none are kept.
  const earlierOut = <I, O>(part: Part<I, O> | undefined, input: I, changes: readonly object[]): Earlier<O> | null =>
    sameInputs(part, input, changes) ? { out: part.out, affected: affected! } : null;
  const reusable = <I, O>(part: Part<I, O> | undefined, input: I, changes: readonly object[]): part is Part<I, O> =>
    part !== undefined && part.input === input && sameList(part.changes, changes) && !touches(part.names, affected!);

  ctx.routeChanges(new Set(plan.fundingStreams.map((s) => s.id)), new Set(plan.interventions.map((i) => i.id)));

  const streamsById = indexById(prior?.streams);
  const streams = plan.fundingStreams.map((stream, si): Part<FundingStream, ResolvedStream> => {
    const changes = ctx.changesOfStream(stream.id).map((c) => c.change);
    const before = earlierPart(prior?.streams, si, stream.id, streamsById);
    if (reusable(before, stream, changes)) return before;
    const out = resolveStream(ctx, stream, si, earlierOut(before, stream, changes));
    return { input: stream, changes, names: namesOf(before, stream, changes), out, sum: streamFunding(out) };
  });

  const itemsById = indexById(prior?.interventions);
  const interventions = plan.interventions.map((item, ii): Part<Intervention, ResolvedIntervention> => {
    const changes = ctx.changesOfIntervention(item.id).map((c) => c.change);
    const before = earlierPart(prior?.interventions, ii, item.id, itemsById);
    if (reusable(before, item, changes)) return before;
    const out = resolveIntervention(ctx, item, ii, earlierOut(before, item, changes));
    return { input: item, changes, names: namesOf(before, item, changes), out, sum: interventionCost(out, ctx.fys) };
  });

  const limitValue = scenario?.underwriting?.limit ?? plan.underwriting?.limit ?? null;
  let limit = prior?.limit;
  if (!reusable(limit, limitValue, [])) {
    const def =
      limitValue === null
        ? null
        : define<AmountValue>(limitValue, scenario?.underwriting ? ctx.sPath('underwriting', 'limit') : 'underwriting.limit');
    const out = new Map<number, number>();
    for (const fy of ctx.fys) out.set(fy, def ? ctx.attempt(0, () => ctx.pounds(def, fy)) : 0);
    limit = { input: limitValue, changes: [], names: namesIn(limitValue), out, sum: 0 };
  }

  // Variables no formula uses are still checked, so a typo is caught where it is written.
  const variables = new Map<string, readonly string[]>();
  for (const [name, def] of ctx.variables) {
    const known = prior?.variables.get(name);
    if (known && !affected!.has(name)) {
      variables.set(name, known);
    } else if (typeof def.value === 'number') {
      const problem = variableProblem(def.value);
      if (problem) ctx.problems.add(def.path, problem);
      variables.set(
        name,
        ctx.fys.map(() => numberToDecimalText(def.value)),
      );
    } else {
      const values = ctx.fys.map((fy) => ctx.attempt(undefined, () => ctx.ev.variable(name, ctx.ev.fyIndex(fy))));
      variables.set(
        name,
        values.map((v) => (v === undefined ? '' : typeof v === 'number' ? numberToDecimalText(v) : decimalText(v))),
      );
    }
  }

  const ids = interventions.map((p) => p.input.id);
  let actuals = prior?.actuals;
  if (!actuals || actuals.input !== plan.actuals || !sameList(actuals.ids, ids)) {
    const out = resolveActuals(plan);
    let cost = 0;
    for (const months of out?.byIntervention ?? []) for (const pence of months.values()) cost += Math.abs(pence);
    actuals = { input: plan.actuals, ids, out, cost };
  }

  if (ctx.mark() > 0 || ctx.problems.list.length > 0) {
    // Parts reused from before raise nothing: resolve from nothing to list every problem in order.
    return prior
      ? resolveParts(plan, scenarioId, overrides, onFormula, null)
      : { scenario: null, problems: ctx.problems.list, state: null };
  }
  // Every total the engine forms is at most the funding or the cost over the horizon: keep both
  // below the ceiling, so that no sum can leave exact integer arithmetic.
  let funding = 0;
  for (const part of streams) funding += part.sum;
  let cost = actuals.cost;
  for (const part of interventions) cost += part.sum;
  const fundingProblem = ceilingProblem(funding, 'the funding of all streams over the horizon');
  if (fundingProblem) ctx.problems.add('fundingStreams', fundingProblem);
  const costProblem = ceilingProblem(cost, 'the cost of all interventions over the horizon');
  if (costProblem) ctx.problems.add('interventions', costProblem);
  if (ctx.problems.list.length > 0) return { scenario: null, problems: ctx.problems.list, state: null };

  const result = assemble(ctx, scenario, streams, interventions, limit.out, variables, actuals.out, prior?.result ?? null);
  return { scenario: result, problems: [], state: { horizon, defs, streams, interventions, limit, variables, actuals, result } };
}

/** The resolved scenario, sharing the earlier one's lists (or the earlier one whole) where nothing in them changed. */
function assemble(
  ctx: ScenarioContext,
  scenario: Scenario | null,
  streamParts: readonly Part<FundingStream, ResolvedStream>[],
  itemParts: readonly Part<Intervention, ResolvedIntervention>[],
  limit: ReadonlyMap<number, number>,
  variables: Map<string, readonly string[]>,
  actuals: ResolvedActuals | null,
  earlier: ResolvedScenario | null,
): ResolvedScenario {
  const plan = ctx.plan;
  const streams = streamParts.map((p) => p.out);
  const interventions = itemParts.map((p) => p.out);
  const next: ResolvedScenario = {
    id: scenario?.id ?? BASE_SCENARIO_ID,
    name: scenario?.name ?? 'Base',
    stance: scenario?.stance ?? 'wait',
    horizonStart: ctx.horizonStart,
    horizonMonths: ctx.horizonMonths,
    fys: earlier && sameList(earlier.fys, ctx.fys) ? earlier.fys : ctx.fys,
    underwriter: scenario?.underwriting?.by ?? plan.underwriting?.by ?? 'Underwriter',
    limit,
    streams: earlier && sameList(earlier.streams, streams) ? earlier.streams : streams,
    interventions: earlier && sameList(earlier.interventions, interventions) ? earlier.interventions : interventions,
    actuals,
    variables: earlier && sameEntries(earlier.variables, variables) ? earlier.variables : variables,
  };
  if (earlier && (Object.keys(next) as (keyof ResolvedScenario)[]).every((key) => next[key] === earlier[key])) return earlier;
  return next;
}

function sameEntries(a: ReadonlyMap<string, readonly string[]>, b: ReadonlyMap<string, readonly string[]>): boolean {
  if (a.size !== b.size) return false;
  const left = [...a];
  let i = 0;
  for (const [key, value] of b) {
    const [k, v] = left[i++];
    if (k !== key || v !== value) return false;
  }
  return true;
}

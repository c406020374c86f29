// Which fields each uncertain variable of a scenario reaches, and where an unused one could go
// (plan-format.md §9). A variable no formula uses makes every draw the same: the Risk screen
// flags it at its row and offers the places that fit its distribution. The resolver reports
// every formula it evaluates (so a field replaced by a scenario change, or a `base` never
// read, counts only if it is really evaluated); variables are followed through one another.
import { formulaNames } from '../formula';
import { monthName, parseMonth } from '../months';
import { isStreamChange, type Plan, type Scenario } from '../plan';
import { resolveScenario } from '../resolve';
import { ALLOCATION_FIELDS, INTERVENTION_FIELDS, STREAM_FIELDS } from '../fields';
import type { Uncertainty } from './distributions';

/** A field whose formula uses the variable: its place in the file and in words. */
export interface FormulaUse {
  readonly path: string;
  /** "Serious Violence Fund: VRU grant 2021/22 amount". */
  readonly words: string;
  /** The variables the use goes through, nearest the field first; empty when the field names it itself. */
  readonly via: readonly string[];
}

/** A place that could use a variable, with what the edit would write there. */
export type VariablePlace =
  | { readonly kind: 'grant-level'; readonly stream: string; readonly fy: string; readonly words: string }
  | { readonly kind: 'confirm-delay'; readonly stream: string; readonly fy: string; readonly words: string }
  | { readonly kind: 'partner-share'; readonly intervention: string; readonly from: string; readonly words: string };

export interface UncertainVariableUse {
  readonly variable: string;
  readonly usedBy: readonly FormulaUse[];
  /** Places the variable's distribution fits, offered when nothing uses it. */
  readonly places: readonly VariablePlace[];
}

const NOUNS: Readonly<Record<string, string>> = {
  amount: ALLOCATION_FIELDS.amount.noun,
  confirmDelay: 'confirmation delay',
  minCommissionedShare: STREAM_FIELDS.minCommissionedShare.noun,
  annualCost: INTERVENTION_FIELDS.annualCost.noun,
  noticeMonths: INTERVENTION_FIELDS.noticeMonths.noun,
  exitCost: INTERVENTION_FIELDS.exitCost.noun,
  partnerShares: 'partner share',
};

/** The place of a formula in words, scenario changes named by what they change. */
export function formulaPlaceWords(plan: Plan, path: string): string {
  const allocation = /^fundingStreams\[(\d+)\]\.allocations\[(\d+)\]\.(\w+)/.exec(path);
  if (allocation) {
    const stream = plan.fundingStreams[Number(allocation[1])];
    return `${stream.name} ${stream.allocations[Number(allocation[2])].fy} ${NOUNS[allocation[3]] ?? allocation[3]}`;
  }
  const condition = /^fundingStreams\[(\d+)\]\.conditions/.exec(path);
  if (condition) return `${plan.fundingStreams[Number(condition[1])].name} ${NOUNS.minCommissionedShare}`;
  if (/^(scenarios\[\d+\]\.)?underwriting\.limit/.test(path)) return 'the underwriting limit';
  const change = /^scenarios\[(\d+)\]\.changes\[(\d+)\]\.(\w+)(.*)$/.exec(path);
  const item = /^interventions\[(\d+)\]\.(\w+)(.*)$/.exec(path);
  if (change) {
    const c = plan.scenarios![Number(change[1])].changes![Number(change[2])];
    if (isStreamChange(c)) return `${streamName(plan, c.stream)} ${c.fy} ${NOUNS[change[3]] ?? change[3]}`;
    const found = plan.interventions.find((i) => i.id === c.intervention);
    return interventionWords(found?.name ?? c.intervention, change[3], change[4], c.partnerShares ?? []);
  }
  if (item) {
    const found = plan.interventions[Number(item[1])];
    return interventionWords(found.name, item[2], item[3], found.partnerShares ?? []);
  }
  return path;
}

function interventionWords(name: string, field: string, rest: string, shares: readonly { from: string }[]): string {
  const fy = /^\["([^"]+)"\]/.exec(rest);
  if (fy) return `${name} ${NOUNS[field] ?? field} ${fy[1]}`;
  const share = /^\[(\d+)\]/.exec(rest);
  if (field === 'partnerShares' && share && shares[Number(share[1])]) {
    return `${name} partner share from ${monthName(parseMonth(shares[Number(share[1])].from))}`;
  }
  return `${name} ${NOUNS[field] ?? field}`;
}

function streamName(plan: Plan, id: string): string {
  return plan.fundingStreams.find((s) => s.id === id)?.name ?? id;
}

/** The scenario's variables by name, its own before the plan's (as the resolver reads them). */
function variableFormulas(plan: Plan, scenario: Scenario): Map<string, string | number> {
  return new Map(Object.entries({ ...(plan.variables ?? {}), ...(scenario.variables ?? {}) }));
}

/**
 * For each uncertain variable of the scenario, the fields whose formulas use it (directly or
 * through other variables) and the places that fit it. Null for an unknown scenario or one
 * the resolver refuses: its problems are shown instead.
 */
export function uncertainVariableUses(plan: Plan, scenarioId: string): UncertainVariableUse[] | null {
  const scenario = plan.scenarios?.find((s) => s.id === scenarioId);
  if (!scenario) return null;
  const evaluated = new Map<string, string>();
  const resolved = resolveScenario(plan, scenarioId, {}, (path, text) => evaluated.set(path, text));
  if (!resolved.scenario) return null;

  const uncertain = new Set((scenario.uncertainty ?? []).map((u) => u.variable));
  const variables = variableFormulas(plan, scenario);
  // A variable's own definition is not a use; nor is it followed when the draw replaces it.
  const definitions = new Set<string>();
  const si = plan.scenarios!.indexOf(scenario);
  for (const name of variables.keys()) definitions.add(`variables.${name}`).add(`scenarios[${si}].variables.${name}`);
  const namesOf = (name: string): readonly string[] => {
    const value = variables.get(name);
    return uncertain.has(name) || typeof value !== 'string' ? [] : formulaNames(value);
  };

  const usedBy = new Map<string, FormulaUse[]>([...uncertain].map((v) => [v, []]));
  for (const [path, text] of evaluated) {
    if (definitions.has(path)) continue;
    // Breadth first from the field, so each variable is reached by its shortest chain.
    const chains = new Map<string, string[]>();
    let frontier: [string, string[]][] = formulaNames(text).map((n) => [n, []]);
    while (frontier.length > 0) {
      const next: [string, string[]][] = [];
      for (const [name, via] of frontier) {
        if (!variables.has(name) && !uncertain.has(name)) continue;
        if (chains.has(name)) continue;
        chains.set(name, via);
        for (const inner of namesOf(name)) next.push([inner, [...via, name]]);
      }
      frontier = next;
    }
    for (const [name, via] of chains) usedBy.get(name)?.push({ path, words: formulaPlaceWords(plan, path), via });
  }

  return (scenario.uncertainty ?? []).map((entry) => ({
    variable: entry.variable,
    usedBy: usedBy.get(entry.variable) ?? [],
    places: fittingPlaces(plan, scenario, entry),
  }));
}

export type PlaceKind = VariablePlace['kind'];

/** What a distribution's values look like: whole months of delay, a share, a level around 1. */
export function fittingKinds(entry: Uncertainty): PlaceKind[] {
  const kinds: PlaceKind[] = [];
  const values =
    entry.dist === 'discrete'
      ? entry.values
      : entry.dist === 'bernoulli'
        ? [0, 1]
        : entry.dist === 'normal'
          ? [entry.min ?? -Infinity, entry.mean, entry.max ?? Infinity]
          : entry.dist === 'triangular'
            ? [entry.min, entry.mode, entry.max]
            : [entry.min, (entry.min + entry.max) / 2, entry.max];
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  if (entry.dist === 'discrete' && values.every((v) => Number.isInteger(v) && Math.abs(v) <= 1200)) kinds.push('confirm-delay');
  if (lo >= 0 && hi <= 1) kinds.push('partner-share');
  const middle = entry.dist === 'triangular' ? entry.mode : entry.dist === 'normal' ? entry.mean : (lo + hi) / 2;
  if (entry.dist !== 'bernoulli' && kinds[0] !== 'confirm-delay' && lo >= 0 && hi <= 2 && middle >= 0.5 && middle <= 1.5) {
    kinds.push('grant-level');
  }
  return kinds;
}

function fittingPlaces(plan: Plan, scenario: Scenario, entry: Uncertainty): VariablePlace[] {
  const places: VariablePlace[] = [];
  for (const kind of fittingKinds(entry)) {
    if (kind === 'partner-share') {
      for (const item of plan.interventions) {
        const shares = sharesInScenario(plan, scenario, item.id);
        const last = shares[shares.length - 1];
        if (!last) continue;
        const words = `the partner share of ${item.name} from ${monthName(parseMonth(last.from))}`;
        places.push({ kind, intervention: item.id, from: last.from, words });
      }
      continue;
    }
    for (const stream of plan.fundingStreams) {
      for (const { fy } of stream.allocations) {
        const noun = kind === 'grant-level' ? 'grant level' : 'confirmation delay';
        places.push({ kind, stream: stream.id, fy, words: `the ${noun} of ${stream.name} ${fy}` });
      }
    }
  }
  return places;
}

/** The partner shares in force for a service in the scenario: its last change of them, else the plan's. */
function sharesInScenario(plan: Plan, scenario: Scenario, intervention: string): readonly { from: string }[] {
  const changes = scenario.changes ?? [];
  for (let i = changes.length - 1; i >= 0; i--) {
    const c = changes[i];
    if (!isStreamChange(c) && c.intervention === intervention && c.partnerShares !== undefined) return c.partnerShares ?? [];
  }
  return plan.interventions.find((i) => i.id === intervention)?.partnerShares ?? [];
}

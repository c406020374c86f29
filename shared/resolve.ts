// A plan and one of its scenarios, resolved to plain numbers: every formula evaluated,
// every amount in pence, every month an index. The engine reads nothing else.
import { decimalFromNumber, decimalText, evaluateFormula, FormulaError, type Decimal, type ScopeValue } from './formula';
import { formatFy, fyOfMonth, fyStart, monthOfDate, parseFy, parseMonth, type FyYear, type MonthIndex } from './months';
import {
  ceilingProblem,
  compareRatio,
  decimalPoundsToPence,
  numberToDecimalText,
  ONE,
  poundsToPence,
  ratioFromDecimal,
  ratioFromNumber,
  ZERO,
  type Pence,
  type Ratio,
} from './money';
import {
  isStreamChange,
  monthOffsetProblem,
  shareProblem,
  variableProblem,
  wholeMonthsProblem,
  type AmountValue,
  type AnnualCostValue,
  type InterventionChange,
  type Plan,
  type Scenario,
  type StreamChange,
} from './plan';
import { resolveActuals, type ResolvedActuals } from './actuals';
import { centralValue } from './uncertainty/distributions';
import { BASE_SCENARIO_ID } from './parse';
import type { PlanProblem } from './problem';

export type Stance = 'wait' | 'prudent';
export type Category = 'commissioned' | 'central';

/** Where an allocation's known month comes from (plan-format.md §3.2, §9): a delay beats a date. */
export type KnownSource = 'confirm-delay' | 'confirmed-on' | 'fy-start';

export interface ResolvedAllocation {
  readonly amount: Pence;
  /** The month from which the amount is known. */
  readonly known: MonthIndex;
  readonly knownSource: KnownSource;
  /** The date that sets `known` when knownSource is 'confirmed-on' (text, "2021-06-04"); else null. */
  readonly confirmedOn: string | null;
}

export interface ResolvedStream {
  readonly id: string;
  readonly name: string;
  readonly funder: string;
  /** Intervention ids this ring-fenced stream may fund; null when unrestricted. */
  readonly restrictedTo: ReadonlySet<string> | null;
  readonly allocations: ReadonlyMap<FyYear, ResolvedAllocation>;
  /** The grant condition per FY of the horizon, when the stream carries one. */
  readonly minCommissionedShare: ReadonlyMap<FyYear, Ratio>;
}

export interface ResolvedPartnerShare {
  readonly from: MonthIndex;
  readonly share: Ratio;
  readonly partner: string;
}

export interface ResolvedIntervention {
  readonly id: string;
  readonly name: string;
  readonly category: Category;
  readonly system: string | null;
  readonly area: string | null;
  readonly provider: string | null;
  readonly priority: number;
  readonly serviceUsers: number;
  readonly transition: { readonly to: string; readonly capacity: number } | null;
  readonly start: MonthIndex | null;
  readonly end: MonthIndex | null;
  /** Full annual cost per FY of the horizon. */
  readonly annualCost: ReadonlyMap<FyYear, Pence>;
  readonly noticeMonths: ReadonlyMap<FyYear, number>;
  readonly exitCost: ReadonlyMap<FyYear, Pence>;
  /** Sorted by `from`; among equal months the later entry of the file wins. */
  readonly partnerShares: readonly ResolvedPartnerShare[];
}

export interface ResolvedScenario {
  readonly id: string;
  readonly name: string;
  readonly stance: Stance;
  readonly horizonStart: MonthIndex;
  readonly horizonMonths: number;
  /** The FYs the horizon touches, in order. */
  readonly fys: readonly FyYear[];
  readonly underwriter: string;
  readonly limit: ReadonlyMap<FyYear, Pence>;
  readonly streams: readonly ResolvedStream[];
  readonly interventions: readonly ResolvedIntervention[];
  /** What has really been spent (plan-format.md §10); null for a plan without actuals. */
  readonly actuals: ResolvedActuals | null;
  /** Each variable's value in each FY (aligned with `fys`), as plain decimal text: shown where variables are edited. */
  readonly variables: ReadonlyMap<string, readonly string[]>;
}

export { formatProblem, type PlanProblem } from './problem';

export { BASE_SCENARIO_ID };

/** How many variables a formula may reach through, one referring to the next: each is a level of the stack. */
const MAX_VARIABLE_CHAIN = 100;

/** A value as defined at one place of the file, with what it replaced (for `base`). */
interface Defined<T> {
  readonly value: T;
  readonly path: string;
  readonly replaced: Defined<T> | null;
}

type VariableDefs = Map<string, { value: number | string; path: string }>;

class Problems {
  readonly list: PlanProblem[] = [];
  private readonly seen = new Set<string>();
  constructor(private readonly scenario: string | undefined) {}
  add(path: string, message: string) {
    const key = `${path}\u0000${message}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.list.push(this.scenario ? { path, message, scenario: this.scenario } : { path, message });
  }
}

class Fail extends Error {}

/** Evaluates formulas for one scenario: variables per FY, with cycles named. */
class Evaluator {
  private readonly memo = new Map<number, Map<string, ScopeValue>>();
  private readonly cycles = new Set<string>();

  constructor(
    private readonly variables: VariableDefs,
    private readonly firstFy: FyYear,
    private readonly problems: Problems,
    private readonly onFormula: ((path: string, text: string) => void) | undefined,
  ) {}

  variable(name: string, fyIndex: number, stack: string[] = []): ScopeValue | undefined {
    const def = this.variables.get(name);
    if (!def) return undefined;
    let byFy = this.memo.get(fyIndex);
    if (!byFy) this.memo.set(fyIndex, (byFy = new Map()));
    const hit = byFy.get(name);
    if (hit !== undefined) return hit;
    if (typeof def.value === 'number') return def.value;
    if (stack.length >= MAX_VARIABLE_CHAIN) {
      this.problems.add(def.path, `refers through more than ${MAX_VARIABLE_CHAIN} variables, one to the next`);
      throw new Fail();
    }
    if (stack.includes(name)) {
      const members = stack.slice(stack.indexOf(name));
      const key = [...members].sort().join('\u0000');
      // The same cycle is met from each of its members: name it once.
      if (!this.cycles.has(key)) {
        this.cycles.add(key);
        this.problems.add(this.variables.get(name)!.path, `cycle between variables ${[...members, name].join(' → ')}`);
      }
      throw new Fail();
    }
    const value = this.formula(def.value, def.path, fyIndex, null, [...stack, name]);
    byFy.set(name, value);
    return value;
  }

  /** A formula's value; `base` is given only where a scenario change replaces a value. */
  formula(text: string, path: string, fyIndex: number, base: (() => ScopeValue) | null, stack: string[] = []): Decimal {
    this.onFormula?.(path, text);
    try {
      return evaluateFormula(text, (name) => {
        if (name === 'fy') return fyIndex;
        if (name === 'base') return base ? base() : undefined;
        return this.variable(name, fyIndex, stack);
      });
    } catch (error) {
      if (error instanceof FormulaError) {
        this.problems.add(path, error.message);
        throw new Fail();
      }
      throw error;
    }
  }

  fyIndex(fy: FyYear): number {
    return fy - this.firstFy;
  }
}

/** A validated pounds literal in pence; whole pounds skip the decimal parse. */
function literalPence(pounds: number): Pence {
  return Number.isSafeInteger(pounds * 100) && Number.isInteger(pounds) ? pounds * 100 : poundsToPence(pounds)!;
}

function pathOf(...parts: (string | number)[]): string {
  let out = '';
  for (const part of parts) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(part)) out += out ? `.${part}` : part;
    else out += `[${JSON.stringify(part)}]`;
  }
  return out;
}

function define<T>(value: T, path: string, replaced: Defined<T> | null = null): Defined<T> {
  return { value, path, replaced };
}

/**
 * Resolves the plan under one scenario (or `base`). Returns every problem found, each
 * with its place in the file; the plan's structure must already be valid (PlanSchema).
 */
export function resolveScenario(
  plan: Plan,
  scenarioId: string,
  overrides: Readonly<Record<string, number>> = {},
  /** Told of every formula evaluated, by its place: what variable-use.ts reads to say which fields use which variable. */
  onFormula?: (path: string, text: string) => void,
): { scenario: ResolvedScenario; problems: [] } | { scenario: null; problems: PlanProblem[] } {
  const scenarioIndex = plan.scenarios?.findIndex((s) => s.id === scenarioId) ?? -1;
  const scenario: Scenario | null = scenarioIndex >= 0 ? plan.scenarios![scenarioIndex] : null;
  if (!scenario && scenarioId !== BASE_SCENARIO_ID) {
    return { scenario: null, problems: [{ path: 'scenarios', message: `no scenario "${scenarioId}"` }] };
  }
  const sPath = (...parts: (string | number)[]) => pathOf('scenarios', scenarioIndex, ...parts);
  const problems = new Problems(scenario?.id);

  const horizonStart = parseMonth(plan.horizon.start);
  const horizonMonths = plan.horizon.months;
  const firstFy = fyOfMonth(horizonStart);
  const lastFy = fyOfMonth(horizonStart + horizonMonths - 1);
  const fys: FyYear[] = [];
  for (let fy = firstFy; fy <= lastFy; fy++) fys.push(fy);

  const variables: VariableDefs = new Map();
  for (const [name, value] of Object.entries(plan.variables ?? {})) variables.set(name, { value, path: pathOf('variables', name) });
  for (const [name, value] of Object.entries(scenario?.variables ?? {})) variables.set(name, { value, path: sPath('variables', name) });
  for (const [index, u] of (scenario?.uncertainty ?? []).entries()) {
    if (!variables.has(u.variable)) variables.set(u.variable, { value: centralValue(u), path: sPath('uncertainty', index, 'variable') });
  }
  for (const [name, value] of Object.entries(overrides)) variables.set(name, { value, path: `variables.${name}` });
  const ev = new Evaluator(variables, firstFy, problems, onFormula);

  // Each evaluation that fails records its problem and yields a fallback, so that one run
  // reports every problem in the scenario.
  const attempt = <T>(fallback: T, run: () => T): T => {
    try {
      return run();
    } catch (error) {
      if (error instanceof Fail) return fallback;
      throw error;
    }
  };

  /** A formula's result as an amount: the same rules as a literal (not negative, below the ceiling). */
  const amountPence = (result: Decimal, path: string): Pence => {
    // The sign is read before rounding: -£0.004 is negative, though it rounds to 0p.
    const problem = result.isNegative() && !result.isZero() ? `${decimalText(result)} is negative; an amount must be 0 or more` : null;
    const pence = problem ? 0 : decimalPoundsToPence(decimalText(result));
    const ceiling = problem ?? ceilingProblem(pence);
    if (ceiling) {
      problems.add(path, ceiling);
      throw new Fail();
    }
    return pence;
  };

  const pounds = (def: Defined<AmountValue>, fy: FyYear): Pence => {
    const { value, path } = def;
    if (typeof value === 'number') return literalPence(value);
    const result = ev.formula(value, path, ev.fyIndex(fy), def.replaced ? () => decimalFromNumber(pounds(def.replaced!, fy) / 100) : null);
    return amountPence(result, path);
  };

  const numeric = (
    def: Defined<number | string>,
    fyIndex: number,
    check: (v: number) => string | null,
    baseValue: () => ScopeValue,
  ): number => {
    const { value, path } = def;
    if (typeof value === 'number') return value;
    const result = Number(decimalText(ev.formula(value, path, fyIndex, def.replaced ? baseValue : null)));
    const problem = check(result);
    if (problem) {
      problems.add(path, problem);
      throw new Fail();
    }
    return result;
  };

  const shareRatio = (def: Defined<number | string>, fyIndex: number): Ratio => {
    const { value, path } = def;
    if (typeof value === 'number') return ratioFromNumber(value);
    const base = () => (def.replaced ? decimalFromNumber(Number(ratioText(shareRatio(def.replaced, fyIndex)))) : 0);
    const result = ev.formula(value, path, fyIndex, def.replaced ? base : null);
    const r = ratioFromDecimal(decimalText(result));
    if (compareRatio(r, ZERO) < 0 || compareRatio(r, ONE) > 0) {
      problems.add(path, shareProblem(Number(decimalText(result)))!);
      throw new Fail();
    }
    return r;
  };

  // --- funding streams, with the scenario's allocation changes applied in order ---
  const streamChanges = new Map<string, { change: StreamChange; path: string }[]>();
  const interventionChanges = new Map<string, { change: InterventionChange; path: string }[]>();
  for (const [index, change] of (scenario?.changes ?? []).entries()) {
    const path = sPath('changes', index);
    if (isStreamChange(change)) {
      if (!plan.fundingStreams.some((s) => s.id === change.stream)) problems.add(`${path}.stream`, `no funding stream "${change.stream}"`);
      else streamChanges.set(change.stream, [...(streamChanges.get(change.stream) ?? []), { change, path }]);
    } else if (!plan.interventions.some((i) => i.id === change.intervention)) {
      problems.add(`${path}.intervention`, `no intervention "${change.intervention}"`);
    } else {
      interventionChanges.set(change.intervention, [...(interventionChanges.get(change.intervention) ?? []), { change, path }]);
    }
  }

  const streams: ResolvedStream[] = plan.fundingStreams.map((stream, si) => {
    interface AllocationDef {
      fy: string;
      amount: Defined<AmountValue>;
      confirmedOn: Defined<string | null>;
      confirmDelay: Defined<number | string | null>;
    }
    const defs: AllocationDef[] = stream.allocations.map((a, ai) => {
      const path = pathOf('fundingStreams', si, 'allocations', ai);
      return {
        fy: a.fy,
        amount: define<AmountValue>(a.amount, `${path}.amount`),
        confirmedOn: define(a.confirmedOn ?? null, `${path}.confirmedOn`),
        confirmDelay: define<number | string | null>(a.confirmDelay ?? null, `${path}.confirmDelay`),
      };
    });
    for (const { change, path } of streamChanges.get(stream.id) ?? []) {
      let def = defs.find((d) => d.fy === change.fy);
      if (!def) {
        // A change for an FY without an allocation adds one, whose base is 0.
        def = {
          fy: change.fy,
          amount: define<AmountValue>(0, `${path}.amount`),
          confirmedOn: define(null, `${path}.confirmedOn`),
          confirmDelay: define(null, `${path}.confirmDelay`),
        };
        defs.push(def);
      }
      if (change.amount !== undefined) def.amount = define(change.amount, `${path}.amount`, def.amount);
      if (change.confirmDelay !== undefined) def.confirmDelay = define(change.confirmDelay, `${path}.confirmDelay`, def.confirmDelay);
      if (change.confirmedOn !== undefined) {
        def.confirmedOn = define(change.confirmedOn, `${path}.confirmedOn`, def.confirmedOn);
        // A date given by a change replaces a delay given before it.
        if (change.confirmDelay === undefined) def.confirmDelay = define(null, `${path}.confirmedOn`, def.confirmDelay);
      }
    }
    const allocations = new Map<FyYear, ResolvedAllocation>();
    for (const def of defs) {
      const fy = parseFy(def.fy);
      const amount = attempt(0, () => pounds(def.amount, fy));
      const known = attempt(fyStart(fy), () => knownMonth(def, fy));
      const knownSource: KnownSource =
        def.confirmDelay.value !== null ? 'confirm-delay' : def.confirmedOn.value ? 'confirmed-on' : 'fy-start';
      const confirmedOn = knownSource === 'confirmed-on' ? def.confirmedOn.value : null;
      allocations.set(fy, { amount, known, knownSource, confirmedOn });
    }
    function knownMonth(def: AllocationDef, fy: FyYear): MonthIndex {
      const delay = def.confirmDelay;
      if (delay.value !== null) {
        return fyStart(fy) + numeric(delay as Defined<number | string>, ev.fyIndex(fy), monthOffsetProblem, () => 0);
      }
      return def.confirmedOn.value ? monthOfDate(def.confirmedOn.value) : fyStart(fy);
    }
    const minCommissionedShare = new Map<FyYear, Ratio>();
    const condition = stream.conditions?.minCommissionedShare;
    if (condition !== undefined) {
      const def = define(condition, pathOf('fundingStreams', si, 'conditions', 'minCommissionedShare'));
      for (const fy of fys)
        minCommissionedShare.set(
          fy,
          attempt(ZERO, () => shareRatio(def, ev.fyIndex(fy))),
        );
    }
    return {
      id: stream.id,
      name: stream.name,
      funder: stream.funder,
      restrictedTo: stream.restrictedTo ? new Set(stream.restrictedTo) : null,
      allocations,
      minCommissionedShare,
    };
  });

  // --- interventions, with the scenario's changes applied in order ---
  const interventions: ResolvedIntervention[] = plan.interventions.map((item, ii) => {
    const path = (field: string) => `interventions[${ii}].${field}`;
    const fields: { [K in keyof InterventionChange]?: Defined<unknown> } = {};
    for (const [key, value] of Object.entries(item)) fields[key as keyof InterventionChange] = define(value, path(key));
    for (const { change, path: changePath } of interventionChanges.get(item.id) ?? []) {
      for (const [key, value] of Object.entries(change)) {
        if (key === 'intervention') continue;
        const k = key as keyof InterventionChange;
        fields[k] = define(value, `${changePath}.${key}`, fields[k] ?? null);
      }
    }
    const get = <T>(key: keyof InterventionChange): Defined<T> | null => {
      const def = fields[key] as Defined<T> | undefined;
      return def && def.value !== null && def.value !== undefined ? def : null;
    };
    const plain = <T>(key: keyof InterventionChange, fallback: T): T => get<T>(key)?.value ?? fallback;

    const startText = plain<string | null>('start', null);
    const endText = plain<string | null>('end', null);
    const start = startText ? parseMonth(startText) : null;
    const end = endText ? parseMonth(endText) : null;
    if (start !== null && end !== null && end < start) problems.add(get('end')!.path, `ends (${endText}) before it starts (${startText})`);

    const costDef = get<AnnualCostValue>('annualCost')!;
    const annualCost = new Map<FyYear, Pence>();
    const noticeMonths = new Map<FyYear, number>();
    const exitCost = new Map<FyYear, Pence>();
    const noticeDef = get<number | string>('noticeMonths');
    const exitDef = get<AmountValue>('exitCost');
    for (const fy of fys) {
      annualCost.set(
        fy,
        attempt(0, () => costFor(costDef, fy)),
      );
      noticeMonths.set(fy, noticeDef ? attempt(0, () => wholeMonths(noticeDef, fy)) : 0);
      exitCost.set(fy, exitDef ? attempt(0, () => pounds(exitDef, fy)) : 0);
    }
    function wholeMonths(def: Defined<number | string>, fy: FyYear): number {
      return numeric(def, ev.fyIndex(fy), wholeMonthsProblem, () => (def.replaced ? wholeMonths(def.replaced, fy) : 0));
    }

    const sharesDef = get<{ from: string; share: number | string; partner: string }[]>('partnerShares');
    const partnerShares: ResolvedPartnerShare[] = (sharesDef?.value ?? []).map((entry, si) => {
      const from = parseMonth(entry.from);
      const fyIndex = ev.fyIndex(fyOfMonth(from));
      const replaced = sharesDef?.replaced ? shareDefAt(sharesDef.replaced, from) : null;
      const share = attempt(ZERO, () => shareRatio(define(entry.share, `${sharesDef!.path}[${si}].share`, replaced), fyIndex));
      return { from, share, partner: entry.partner };
    });
    partnerShares.sort((a, b) => a.from - b.from);

    const transition = plain<{ to: string; capacity: number } | null>('transition', null);
    return {
      id: item.id,
      name: plain('name', item.name),
      category: plain('category', item.category),
      system: plain<string | null>('system', null),
      area: plain<string | null>('area', null),
      provider: plain<string | null>('provider', null),
      priority: plain('priority', item.priority),
      serviceUsers: plain('serviceUsers', 0),
      transition: transition ? { to: transition.to, capacity: transition.capacity } : null,
      start,
      end,
      annualCost,
      noticeMonths,
      exitCost,
      partnerShares,
    };
  });

  /** The annual cost for an FY: a map without that FY means no cost in it. */
  function costFor(def: Defined<AnnualCostValue>, fy: FyYear): Pence {
    const { value } = def;
    if (typeof value === 'number' || typeof value === 'string') return pounds(def as Defined<AmountValue>, fy);
    // Valid FY labels are canonical ("2021/22"), so the FY's own label finds its entry.
    const label = formatFy(fy);
    if (!Object.hasOwn(value, label)) return 0;
    const entry = value[label];
    if (typeof entry === 'number') return literalPence(entry);
    const base = def.replaced ? () => decimalFromNumber(costFor(def.replaced!, fy) / 100) : null;
    const path = `${def.path}[${JSON.stringify(label)}]`;
    return amountPence(ev.formula(entry, path, ev.fyIndex(fy), base), path);
  }

  // --- underwriting ---
  const limitDef = scenario?.underwriting
    ? define<AmountValue>(scenario.underwriting.limit, sPath('underwriting', 'limit'))
    : plan.underwriting
      ? define<AmountValue>(plan.underwriting.limit, 'underwriting.limit')
      : null;
  const limit = new Map<FyYear, Pence>();
  for (const fy of fys) limit.set(fy, limitDef ? attempt(0, () => pounds(limitDef, fy)) : 0);

  // Variables no formula uses are still checked, so a typo is caught where it is written.
  const variableValues = new Map<string, string[]>();
  for (const [name, def] of variables) {
    if (typeof def.value === 'number') {
      const problem = variableProblem(def.value);
      if (problem) problems.add(def.path, problem);
      variableValues.set(
        name,
        fys.map(() => numberToDecimalText(def.value)),
      );
      continue;
    }
    const values = fys.map((fy) => attempt(undefined, () => ev.variable(name, ev.fyIndex(fy))));
    variableValues.set(
      name,
      values.map((v) => (v === undefined ? '' : typeof v === 'number' ? numberToDecimalText(v) : decimalText(v))),
    );
  }

  const actuals = resolveActuals(plan);
  // Every total the engine forms is at most the funding or the cost over the horizon: keep both
  // below the ceiling, so that no sum can leave exact integer arithmetic.
  if (problems.list.length === 0) {
    let funding = 0;
    for (const stream of streams) for (const allocation of stream.allocations.values()) funding += allocation.amount;
    let cost = 0;
    for (const item of interventions) {
      for (const fy of fys) cost += (item.annualCost.get(fy) ?? 0) + (item.exitCost.get(fy) ?? 0);
    }
    for (const months of actuals?.byIntervention ?? []) for (const pence of months.values()) cost += Math.abs(pence);
    const fundingProblem = ceilingProblem(funding, 'the funding of all streams over the horizon');
    if (fundingProblem) problems.add('fundingStreams', fundingProblem);
    const costProblem = ceilingProblem(cost, 'the cost of all interventions over the horizon');
    if (costProblem) problems.add('interventions', costProblem);
  }

  if (problems.list.length > 0) return { scenario: null, problems: problems.list };
  return {
    scenario: {
      id: scenario?.id ?? BASE_SCENARIO_ID,
      name: scenario?.name ?? 'Base',
      stance: scenario?.stance ?? 'wait',
      horizonStart,
      horizonMonths,
      fys,
      underwriter: scenario?.underwriting?.by ?? plan.underwriting?.by ?? 'Underwriter',
      limit,
      streams,
      interventions,
      actuals,
      variables: variableValues,
    },
    problems: [],
  };
}

/** The definition of the share in force at a month, for `base` in a changed taper list. */
function shareDefAt(def: Defined<unknown>, month: MonthIndex): Defined<number | string> | null {
  const list = (def.value ?? []) as { from: string; share: number | string }[];
  let best: { index: number; from: number } | null = null;
  list.forEach((entry, index) => {
    const from = parseMonth(entry.from);
    if (from <= month && (!best || from >= best.from)) best = { index, from };
  });
  if (!best) return define<number | string>(0, def.path);
  const found = best as { index: number; from: number };
  const previous = def.replaced ? shareDefAt(def.replaced, month) : null;
  return define(list[found.index].share, `${def.path}[${found.index}].share`, previous);
}

function ratioText(r: Ratio): string {
  const scale = r.den.toString().length - 1;
  const digits = (r.num < 0n ? -r.num : r.num).toString().padStart(scale + 1, '0');
  const text = scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
  return r.num < 0n ? `-${text}` : text;
}

// One scenario being resolved: its horizon, its variables as defined (plan, scenario,
// uncertain central values, overrides), its changes routed to what they change, and the rules
// that turn a definition into pence, months or a share.
import { decimalFromNumber, decimalPence, decimalText, type Decimal, type ScopeValue } from '../formula';
import { formatFy, fyOfMonth, parseMonth, type FyYear, type MonthIndex } from '../months';
import { ceilingProblem, compareRatio, ONE, ratioFromDecimal, ratioFromNumber, ZERO, type Pence, type Ratio } from '../money';
import {
  isStreamChange,
  shareProblem,
  type AmountValue,
  type AnnualCostValue,
  type InterventionChange,
  type Plan,
  type Scenario,
  type StreamChange,
} from '../plan';
import { centralValue } from '../uncertainty/distributions';
import { Evaluator, Fail, literalPence, pathOf, Problems, type Defined, type VariableDefs } from './evaluator';

export interface Routed<C> {
  readonly change: C;
  readonly path: string;
}

const NONE: readonly never[] = [];

export class ScenarioContext {
  readonly problems: Problems;
  readonly horizonStart: MonthIndex;
  readonly horizonMonths: number;
  readonly firstFy: FyYear;
  /** The FYs the horizon touches, in order. */
  readonly fys: FyYear[] = [];
  readonly variables: VariableDefs = new Map();
  readonly ev: Evaluator;
  /** Evaluations that failed (each recorded a problem, or met one already recorded). */
  failed = 0;
  private readonly streamChanges = new Map<string, Routed<StreamChange>[]>();
  private readonly interventionChanges = new Map<string, Routed<InterventionChange>[]>();

  constructor(
    readonly plan: Plan,
    readonly scenario: Scenario | null,
    readonly scenarioIndex: number,
    overrides: Readonly<Record<string, number>>,
    onFormula: ((path: string, text: string) => void) | undefined,
  ) {
    this.problems = new Problems(scenario?.id);
    this.horizonStart = parseMonth(plan.horizon.start);
    this.horizonMonths = plan.horizon.months;
    this.firstFy = fyOfMonth(this.horizonStart);
    const lastFy = fyOfMonth(this.horizonStart + this.horizonMonths - 1);
    for (let fy = this.firstFy; fy <= lastFy; fy++) this.fys.push(fy);

    const variables = this.variables;
    for (const [name, value] of Object.entries(plan.variables ?? {})) variables.set(name, { value, path: pathOf('variables', name) });
    for (const [name, value] of Object.entries(scenario?.variables ?? {}))
      variables.set(name, { value, path: this.sPath('variables', name) });
    for (const [index, u] of (scenario?.uncertainty ?? []).entries()) {
      if (!variables.has(u.variable))
        variables.set(u.variable, { value: centralValue(u), path: this.sPath('uncertainty', index, 'variable') });
    }
    for (const [name, value] of Object.entries(overrides)) variables.set(name, { value, path: `variables.${name}` });
    this.ev = new Evaluator(variables, this.firstFy, this.problems, onFormula);
  }

  sPath(...parts: (string | number)[]): string {
    return pathOf('scenarios', this.scenarioIndex, ...parts);
  }

  /** Sends each change of the scenario to its stream or intervention, in order; a change of neither is a problem. */
  routeChanges(streamIds: ReadonlySet<string>, interventionIds: ReadonlySet<string>): void {
    for (const [index, change] of (this.scenario?.changes ?? []).entries()) {
      const path = this.sPath('changes', index);
      if (isStreamChange(change)) {
        if (!streamIds.has(change.stream)) this.problems.add(`${path}.stream`, `no funding stream "${change.stream}"`);
        else push(this.streamChanges, change.stream, { change, path });
      } else if (!interventionIds.has(change.intervention)) {
        this.problems.add(`${path}.intervention`, `no intervention "${change.intervention}"`);
      } else {
        push(this.interventionChanges, change.intervention, { change, path });
      }
    }
  }

  changesOfStream(id: string): readonly Routed<StreamChange>[] {
    return this.streamChanges.get(id) ?? NONE;
  }

  changesOfIntervention(id: string): readonly Routed<InterventionChange>[] {
    return this.interventionChanges.get(id) ?? NONE;
  }

  /** How many problems were raised or evaluations failed so far: unchanged across a part means the part is sound. */
  mark(): number {
    return this.problems.raised + this.failed;
  }

  // Each evaluation that fails records its problem and yields a fallback, so that one run
  // reports every problem in the scenario.
  attempt<T>(fallback: T, run: () => T): T {
    try {
      return run();
    } catch (error) {
      if (error instanceof Fail) {
        this.failed++;
        return fallback;
      }
      throw error;
    }
  }

  /** A formula's result as an amount: the same rules as a literal (not negative, below the ceiling). */
  amountPence(result: Decimal, path: string): Pence {
    // The sign is read before rounding: -£0.004 is negative, though it rounds to 0p.
    const problem = result.isNegative() && !result.isZero() ? `${decimalText(result)} is negative; an amount must be 0 or more` : null;
    const pence = problem ? 0 : decimalPence(result);
    const ceiling = problem ?? ceilingProblem(pence);
    if (ceiling) {
      this.problems.add(path, ceiling);
      throw new Fail();
    }
    return pence;
  }

  pounds(def: Defined<AmountValue>, fy: FyYear): Pence {
    const { value, path } = def;
    if (typeof value === 'number') return literalPence(value);
    const base = def.replaced ? () => decimalFromNumber(this.pounds(def.replaced!, fy) / 100) : null;
    return this.amountPence(this.ev.formula(value, path, this.ev.fyIndex(fy), base), path);
  }

  numeric(def: Defined<number | string>, fyIndex: number, check: (v: number) => string | null, baseValue: () => ScopeValue): number {
    const { value, path } = def;
    if (typeof value === 'number') return value;
    const result = Number(decimalText(this.ev.formula(value, path, fyIndex, def.replaced ? baseValue : null)));
    const problem = check(result);
    if (problem) {
      this.problems.add(path, problem);
      throw new Fail();
    }
    return result;
  }

  shareRatio(def: Defined<number | string>, fyIndex: number): Ratio {
    const { value, path } = def;
    if (typeof value === 'number') return literalRatio(value);
    const base = () => (def.replaced ? decimalFromNumber(Number(ratioText(this.shareRatio(def.replaced, fyIndex)))) : 0);
    const result = this.ev.formula(value, path, fyIndex, def.replaced ? base : null);
    const r = ratioFromDecimal(decimalText(result));
    if (compareRatio(r, ZERO) < 0 || compareRatio(r, ONE) > 0) {
      this.problems.add(path, shareProblem(Number(decimalText(result)))!);
      throw new Fail();
    }
    return r;
  }

  /** The annual cost for an FY: a map without that FY means no cost in it. */
  costFor(def: Defined<AnnualCostValue>, fy: FyYear): Pence {
    const { value } = def;
    if (typeof value === 'number' || typeof value === 'string') return this.pounds(def as Defined<AmountValue>, fy);
    // Valid FY labels are canonical ("2021/22"), so the FY's own label finds its entry.
    const label = formatFy(fy);
    if (!Object.hasOwn(value, label)) return 0;
    const entry = value[label];
    if (typeof entry === 'number') return literalPence(entry);
    const base = def.replaced ? () => decimalFromNumber(this.costFor(def.replaced!, fy) / 100) : null;
    const path = `${def.path}[${JSON.stringify(label)}]`;
    return this.amountPence(this.ev.formula(entry, path, this.ev.fyIndex(fy), base), path);
  }
}

/** A share written as a number, read once: the same few shares recur in every FY and every draw. A ratio is never changed. */
const LITERALS_KEPT = 1024;
const literalRatios = new Map<number, Ratio>();

function literalRatio(value: number): Ratio {
  let r = literalRatios.get(value);
  if (r === undefined) {
    r = ratioFromNumber(value);
    if (literalRatios.size >= LITERALS_KEPT) literalRatios.clear();
    literalRatios.set(value, r);
  }
  return r;
}

function push<C>(map: Map<string, Routed<C>[]>, key: string, entry: Routed<C>): void {
  const list = map.get(key);
  if (list) list.push(entry);
  else map.set(key, [entry]);
}

export function ratioText(r: Ratio): string {
  const scale = r.den.toString().length - 1;
  const digits = (r.num < 0n ? -r.num : r.num).toString().padStart(scale + 1, '0');
  const text = scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
  return r.num < 0n ? `-${text}` : text;
}

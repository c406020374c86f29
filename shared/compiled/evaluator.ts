// What resolving one scenario is built from: the problems it finds, the variables it reads
// (per FY, with cycles named) and the definitions of fields as the file gives them.
import { evaluateFormula, FormulaError, type Decimal, type ScopeValue } from '../formula';
import { poundsToPence, type Pence } from '../money';
import type { FyYear } from '../months';
import type { PlanProblem } from '../problem';

/** How many variables a formula may reach through, one referring to the next: each is a level of the stack. */
const MAX_VARIABLE_CHAIN = 100;

/** A value as defined at one place of the file, with what it replaced (for `base`). */
export interface Defined<T> {
  readonly value: T;
  readonly path: string;
  readonly replaced: Defined<T> | null;
}

export type VariableDefs = Map<string, { value: number | string; path: string }>;

export class Problems {
  readonly list: PlanProblem[] = [];
  /** Every problem raised, counted again when it repeats one already listed. */
  raised = 0;
  private readonly seen = new Set<string>();
  constructor(private readonly scenario: string | undefined) {}
  add(path: string, message: string) {
    this.raised++;
    const key = `${path}\u0000${message}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.list.push(this.scenario ? { path, message, scenario: this.scenario } : { path, message });
  }
}

/** An evaluation that failed, its problem recorded. */
export class Fail extends Error {}

/** Evaluates formulas for one scenario: variables per FY, with cycles named. */
export class Evaluator {
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
export function literalPence(pounds: number): Pence {
  return Number.isSafeInteger(pounds * 100) && Number.isInteger(pounds) ? pounds * 100 : poundsToPence(pounds)!;
}

export function pathOf(...parts: (string | number)[]): string {
  let out = '';
  for (const part of parts) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(part)) out += out ? `.${part}` : part;
    else out += `[${JSON.stringify(part)}]`;
  }
  return out;
}

export function define<T>(value: T, path: string, replaced: Defined<T> | null = null): Defined<T> {
  return { value, path, replaced };
}

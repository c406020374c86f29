// The direct formula evaluator (shared/formula-fast.ts) against mathjs's own compiled
// evaluation, on 4,000 seeded random formulas and every formula of the fixture plans: the
// same decimal digit for digit (and sign), or it gives up and mathjs is asked. Through
// evaluateFormula, the same value or an error where mathjs fails; and the pence of every
// result as the fraction arithmetic gives them.
import { all, create, type BigNumber, type MathNode } from 'mathjs';
import { describe, expect, it } from 'vitest';
import {
  decimalFromNumber,
  decimalPence,
  decimalText,
  evaluateFormula,
  FORMULA_CONFIG,
  formulaNames,
  formulaProblem,
  FormulaError,
  type ScopeValue,
} from '../../shared/formula';
import { directFormula, formulaMathOf } from '../../shared/formula-fast';
import { decimalPoundsToPence } from '../../shared/money';
import { isFormula } from '../../shared/parse';
import { generatePlan } from '../bench/generate';
import { authoringPlan, demoPlan, workedExample } from '../fixtures';

const math = create(all, FORMULA_CONFIG);
const fast = formulaMathOf(math);

/** mulberry32: the same formulas on every machine. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NAMES = ['fy', 'base', 'level', 'uplift', 'delay'];
// Ties and near-integers for round, floor and ceil; values a hair apart for min and max.
const AWKWARD = [
  '0.5',
  '2.5',
  '1.5',
  '0.9999999999999',
  '1.0000000000001',
  '2.9999999999999999',
  '1e-13',
  '0.1',
  '0.3',
  '1e-30',
  '1e30',
  '0',
];

function formulaGenerator(seed: number) {
  const rnd = random(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)];
  const number = (): string => {
    const r = rnd();
    if (r < 0.3) return String(int(0, 10_000_000));
    if (r < 0.55) return `${int(0, 999_999)}.${int(0, 99_999)}`;
    if (r < 0.7) return `${int(1, 9)}e${int(-30, 30)}`;
    if (r < 0.85) return pick(AWKWARD);
    return `${int(0, 9)}.${String(int(0, 999_999_999)).padStart(9, '0')}${int(0, 9_999_999)}`;
  };
  const expr = (depth: number): string => {
    const r = rnd();
    if (depth <= 0 || r < 0.2) return rnd() < 0.55 ? number() : pick(NAMES);
    if (r < 0.55) {
      const op = pick(['+', '-', '*', '/', '*', '+']);
      return `${expr(depth - 1)} ${op} ${expr(depth - 1)}`;
    }
    if (r < 0.63) {
      // Mostly whole exponents (as plans write them); some fractional, some from a subexpression.
      const k = rnd();
      const exponent = k < 0.6 ? String(int(-4, 12)) : k < 0.75 ? 'fy' : k < 0.85 ? pick(['0.5', '-0.5', '1.5']) : `(${expr(1)})`;
      return `(${expr(depth - 1)}) ^ ${exponent}`;
    }
    if (r < 0.7) return `(${expr(depth - 1)})`;
    if (r < 0.76) return `-${rnd() < 0.5 ? `(${expr(depth - 1)})` : expr(0)}`;
    if (r < 0.78) return `+${expr(0)}`;
    if (r < 0.8) return `${int(2, 9)} ${pick(NAMES)}`; // implicit multiplication
    if (r < 0.9) {
      const fn = pick(['min', 'max', 'round', 'floor', 'ceil', 'abs']);
      const count = fn === 'min' || fn === 'max' ? int(1, 4) : fn === 'round' && rnd() < 0.3 ? 2 : 1;
      const args = Array.from({ length: count }, (_, i) =>
        fn === 'round' && i === 1 ? pick(['0', '1', '2', '3', '0.5', '-1']) : expr(depth - 1),
      );
      if (fn === 'min' || fn === 'max') {
        // Two arguments a hair apart, as a relative tolerance would see them equal.
        if (rnd() < 0.3) args.push(`${args[0]} * 1.0000000000000001`);
      }
      return `${fn}(${args.join(', ')})`;
    }
    // Outside the direct subset: mathjs evaluates these.
    const other = pick([' > ', ' <= ', ' == ', ' mod ', ' and ']);
    return rnd() < 0.5 ? `(${expr(depth - 1)}${other}${expr(depth - 1)})` : `(${expr(0)} > 1 ? ${expr(depth - 1)} : ${expr(depth - 1)})`;
  };
  const value = (name: string): ScopeValue => {
    if (name === 'fy') return int(0, 12);
    if (name === 'delay') return int(0, 6);
    if (name === 'base') return decimalFromNumber(int(0, 50_000_000) / 100);
    const r = rnd();
    if (r < 0.4) return rnd();
    if (r < 0.6) return -rnd() * 3;
    if (r < 0.8) return int(-5, 5);
    return pick([0, 1, 0.5, 1e-20, 1e20, -0, 0.1 + 0.2]);
  };
  return { formula: () => expr(int(1, 5)), value };
}

function decimals(names: readonly string[], values: Map<string, ScopeValue>): BigNumber[] {
  return names.map((name) => {
    const v = values.get(name)!;
    return (typeof v === 'number' ? math.bignumber(v) : v) as BigNumber;
  });
}

type Outcome = { value: BigNumber } | { error: string };

/** What mathjs's own compiled evaluation gives. */
function byMathjs(root: MathNode, names: readonly string[], args: readonly BigNumber[]): Outcome {
  const scope = new Map<string, unknown>(names.map((name, i) => [name, args[i]]));
  try {
    const result = root.compile().evaluate(scope);
    return math.isBigNumber(result) ? { value: result } : { error: `not a decimal: ${String(result)}` };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

/** The same decimal: its digits, and its sign (-0 prints as 0). */
function same(a: BigNumber, b: BigNumber): boolean {
  return a.toString() === b.toString() && a.isNegative() === b.isNegative();
}

interface Tally {
  direct: number;
  gaveUp: number;
  outside: number;
}

function compare(text: string, values: Map<string, ScopeValue>, tally: Tally): void {
  const root = math.parse(text.slice(1));
  const names = collectNames(root);
  const direct = directFormula(root, names, fast);
  const args = decimals(names, values);
  const expected = byMathjs(root, names, args);
  if (!direct) {
    tally.outside++;
  } else {
    const got = direct(args);
    if (got === undefined) {
      tally.gaveUp++;
    } else {
      tally.direct++;
      if ('error' in expected)
        throw new Error(`${text}: mathjs fails (${expected.error}) but the direct evaluator gives ${got.toString()}`);
      if (!same(got, expected.value)) expect(`${text} = ${got.toString()}`).toBe(`${text} = ${expected.value.toString()}`);
    }
  }
  // Through the public entry point (the lock-down's limits apply there).
  if (formulaProblem(text) !== null) return;
  let value: BigNumber | null = null;
  let error: string | null = null;
  try {
    value = evaluateFormula(text, (name) => values.get(name));
  } catch (e) {
    expect(e).toBeInstanceOf(FormulaError);
    error = (e as Error).message;
  }
  if ('error' in expected) {
    expect(error, text).not.toBeNull();
    if (!expected.error.startsWith('not a decimal')) expect(error).toBe(`formula "${text}" failed: ${expected.error}`);
    return;
  }
  const v = expected.value;
  if (!v.isFinite() || v.abs().gt(1e15)) {
    expect(error, text).not.toBeNull();
    return;
  }
  expect(error, text).toBeNull();
  // A result below 1e-30 counts as 0.
  if (v.isZero() || v.e >= -30) expect(same(value!, v), `${text}: ${value!.toString()} vs ${v.toString()}`).toBe(true);
  else expect(value!.isZero()).toBe(true);
  expect(decimalPence(value!), text).toBe(decimalPoundsToPence(decimalText(value!)));
}

function collectNames(root: MathNode): string[] {
  const names = new Set<string>();
  root.traverse((node, path, parent) => {
    const n = node as MathNode & { name?: string };
    if (n.type === 'SymbolNode' && !(parent?.type === 'FunctionNode' && path === 'fn')) names.add(n.name!);
  });
  return [...names];
}

function formulasIn(value: unknown, into: Set<string>): Set<string> {
  if (typeof value === 'string' && isFormula(value)) into.add(value);
  else if (Array.isArray(value)) for (const entry of value) formulasIn(entry, into);
  else if (value !== null && typeof value === 'object') for (const entry of Object.values(value)) formulasIn(entry, into);
  return into;
}

describe('direct formula evaluation', () => {
  it('gives mathjs decimal, digit for digit, on 4,000 random formulas, or gives up to mathjs', () => {
    const gen = formulaGenerator(20261202);
    const tally: Tally = { direct: 0, gaveUp: 0, outside: 0 };
    for (let k = 0; k < 4000; k++) {
      const text = `=${gen.formula()}`;
      const values = new Map(NAMES.map((name) => [name, gen.value(name)]));
      compare(text, values, tally);
    }
    // The generator reaches every path: evaluated directly (most), given up, and outside the subset.
    expect(tally.direct).toBeGreaterThan(2500);
    expect(tally.gaveUp).toBeGreaterThan(0);
    expect(tally.outside).toBeGreaterThan(100);
  });

  it('gives mathjs decimal for every formula of the fixture plans, at many values of their names', () => {
    const texts = new Set<string>();
    for (const plan of [
      demoPlan(),
      workedExample(),
      authoringPlan(),
      generatePlan({ interventions: 40, months: 60, scenarios: 8, uncertain: true }),
    ])
      formulasIn(plan, texts);
    expect(texts.size).toBeGreaterThan(20);
    const names = [...new Set([...texts].flatMap((text) => formulaNames(text)))];
    const gen = formulaGenerator(7);
    const tally: Tally = { direct: 0, gaveUp: 0, outside: 0 };
    // Every formula at the same values, as in one draw: parts of the same shape ("(1 + uplift) ^ fy") are computed once.
    for (let k = 0; k < 40; k++) {
      const values = new Map<string, ScopeValue>(names.map((name) => [name, gen.value(name)]));
      for (let fy = 0; fy < 4; fy++) {
        values.set('fy', fy);
        for (const text of texts) compare(text, values, tally);
      }
    }
    expect(tally.outside).toBe(0);
    expect(tally.direct).toBeGreaterThan(0);
  });

  it('keeps the sign of zero and the errors of division by zero', () => {
    const tally: Tally = { direct: 0, gaveUp: 0, outside: 0 };
    const values = new Map<string, ScopeValue>([
      ['level', 0],
      ['uplift', -0],
      ['fy', 0],
    ]);
    for (const text of [
      '=1 / level',
      '=0 / level',
      '=-1 / uplift',
      '=(-0) ^ -1',
      '=uplift ^ 0.5',
      '=(-2) ^ 0.5',
      '=(-8) ^ fy',
      '=-level',
      '=round(-0.4)',
    ])
      compare(text, values, tally);
    expect(() => evaluateFormula('=1 / level', () => 0)).toThrow('result is not a finite number');
    expect(() => evaluateFormula('=(-2) ^ 0.5', () => 0)).toThrow('result is not a number');
    expect(tally.gaveUp).toBeGreaterThan(0);
  });

  it('reads the pence of 20,000 decimals as the fraction arithmetic does: ties to even, signs, up to 1e15', () => {
    const rnd = random(99);
    const digits = (n: number) => Array.from({ length: n }, () => Math.floor(rnd() * 10)).join('');
    for (let k = 0; k < 20_000; k++) {
      const r = rnd();
      const whole = r < 0.3 ? '0' : String(BigInt(`1${digits(Math.floor(rnd() * 16))}`));
      // Exact ties (…5), ties with a digit after, and long fractions.
      const frac = r < 0.5 ? `${digits(2)}5` : r < 0.7 ? `${digits(2)}5${digits(20)}` : digits(Math.floor(rnd() * 60));
      const text = `${rnd() < 0.3 ? '-' : ''}${whole}.${frac}`;
      const value = math.bignumber(text) as BigNumber;
      expect(decimalPence(value), text).toBe(decimalPoundsToPence(decimalText(value)));
    }
    for (const text of ['0', '-0', '0.005', '0.015', '0.025', '-0.004', '1e-30', '999999999999999.995', '1000000000000000', '0.1', '7'])
      expect(decimalPence(math.bignumber(text) as BigNumber), text).toBe(
        decimalPoundsToPence(decimalText(math.bignumber(text) as BigNumber)),
      );
  });
});

// A direct evaluator for the plain formulas plans use (numbers, names, + - * / ^, unary
// minus and plus, parentheses and the allowed functions), built once from the formula's
// parsed tree. Each step is the one mathjs's compiled evaluation takes for two decimals:
// x.plus(y) for add, x.div(y) for divide, x.pow(y) for a power that stays real, and each
// function mathjs's expression would call (its own min, max, round, floor, ceil, abs). So a
// result is the same decimal, digit for digit; formula-fast.test.ts checks it against
// mathjs on random formulas. Anything outside the subset (comparisons, logic, `? :`, mod)
// builds no direct evaluator, and anything unusual during an evaluation (a power that would
// be complex, a function's error, a result that is not a decimal) gives up: the caller then
// evaluates with mathjs, which gives the value or the error message as always.
import type { BigNumber, MathJsInstance, MathNode } from 'mathjs';

/** A formula's value from its names' values (in the order given when built), or undefined: ask mathjs. */
export type DirectFormula = (values: readonly BigNumber[]) => BigNumber | undefined;

/** What the direct evaluator takes from the mathjs instance the formulas are checked by. */
export interface FormulaMath {
  isBigNumber(value: unknown): value is BigNumber;
  config(): { predictable?: boolean };
  /** The functions an expression calls, transforms included (mathjs's `mathWithTransform`). */
  readonly functions: Readonly<Record<string, unknown>>;
}

/** What the direct evaluator needs of a mathjs instance. */
export function formulaMathOf(math: MathJsInstance): FormulaMath {
  return {
    isBigNumber: (value: unknown): value is BigNumber => math.isBigNumber(value),
    config: () => (math.config as () => { predictable?: boolean })(),
    // The functions a compiled expression calls: mathjs's own, with its expression transforms.
    functions: (math.expression as unknown as { mathWithTransform: Record<string, unknown> }).mathWithTransform,
  };
}

type Step = (values: readonly BigNumber[]) => BigNumber;

/** Thrown inside an evaluation to give up; never leaves this file. */
const GIVE_UP: unique symbol = Symbol('give up');

/** A part of a formula: how to evaluate it, its shape written out in full, and the names it reads. */
interface Part {
  readonly step: Step;
  readonly shape: string;
  readonly names: ReadonlySet<string>;
}

/** The direct evaluator of a parsed formula whose names are `names`, or null when it uses anything outside the plain subset. */
export function directFormula(root: MathNode, names: readonly string[], math: FormulaMath): DirectFormula | null {
  // In predictable mode mathjs's power of a negative number differs: keep to mathjs there.
  if (math.config().predictable) return null;
  const index = new Map(names.map((name, i) => [name, i]));
  const build = (node: MathNode): Part | null => {
    const n = node as MathNode & Record<string, any>;
    switch (n.type) {
      case 'ConstantNode': {
        if (!math.isBigNumber(n.value)) return null;
        const value = n.value;
        return { step: () => value, shape: value.isNegative() && value.isZero() ? '-0' : value.toString(), names: NO_NAMES };
      }
      case 'SymbolNode': {
        const at = index.get(n.name);
        if (at === undefined) return null;
        return { step: (values) => values[at], shape: n.name, names: new Set([n.name]) };
      }
      case 'ParenthesisNode':
        return build(n.content);
      case 'OperatorNode':
        return operator(n.fn, (n.args as MathNode[]).map(build));
      case 'FunctionNode':
        return n.fn.type === 'SymbolNode' ? call(n.fn.name, (n.args as MathNode[]).map(build)) : null;
      default:
        return null;
    }
  };
  const operator = (fn: string, args: (Part | null)[]): Part | null => {
    if (!args.every((a) => a !== null)) return null;
    const step = operatorStep(fn, args);
    if (!step) return null;
    const part = combine(fn, step, args);
    // A power costs the most of the arithmetic: computed once for the same values (in any formula of the same shape).
    return fn === 'pow' ? { ...part, step: remembered(part, index) } : part;
  };
  const call = (name: string, args: (Part | null)[]): Part | null => {
    if (args.length === 0 || !args.every((a) => a !== null)) return null;
    const steps = args.map((a) => a.step);
    if (name === 'abs' && steps.length === 1) {
      const [a] = steps;
      return combine(name, (v) => a(v).abs(), args);
    }
    const fn = Object.hasOwn(math.functions, name) ? math.functions[name] : undefined;
    if (typeof fn !== 'function' || (fn as { rawArgs?: boolean }).rawArgs) return null;
    const part = combine(
      name,
      (v) => {
        const result: unknown = fn(...steps.map((step) => step(v)));
        if (!math.isBigNumber(result)) throw GIVE_UP;
        return result;
      },
      args,
    );
    // mathjs's functions cost more than the arithmetic: computed once for the same values.
    return { ...part, step: remembered(part, index) };
  };
  const part = build(root);
  if (!part) return null;
  const { step } = part;
  return (values) => {
    try {
      return step(values);
    } catch {
      // GIVE_UP, or an error mathjs will give again with its own message.
      return undefined;
    }
  };
}

const NO_NAMES: ReadonlySet<string> = new Set();

function combine(fn: string, step: Step, args: readonly Part[]): Part {
  const names = new Set<string>();
  for (const arg of args) for (const name of arg.names) names.add(name);
  return { step, shape: `${fn}(${args.map((a) => a.shape).join(',')})`, names };
}

function operatorStep(fn: string, args: readonly Part[]): Step | null {
  const [a, b] = args.map((arg) => arg.step);
  if (args.length === 1) {
    if (fn === 'unaryMinus') return (v) => a(v).neg();
    if (fn === 'unaryPlus') return a;
    return null;
  }
  if (args.length !== 2) return null;
  switch (fn) {
    case 'add':
      return (v) => a(v).plus(b(v));
    case 'subtract':
      return (v) => a(v).minus(b(v));
    case 'multiply':
      return (v) => a(v).times(b(v));
    case 'divide':
      return (v) => a(v).div(b(v));
    case 'pow':
      return (v) => power(a(v), b(v));
    default:
      return null;
  }
}

/** mathjs's pow for two decimals, where it stays real (otherwise it gives a complex number). */
function power(x: BigNumber, y: BigNumber): BigNumber {
  // The same test as mathjs's: `x >= 0` compares x's text as a number, so -0 counts as 0 or more.
  if (!(y.isInteger() || (x as unknown as number) >= 0)) throw GIVE_UP;
  return x.pow(y);
}

// "(1 + uplift) ^ fy" is in many costs of one plan, evaluated for the same FYs with the same
// uplift, and "min(1, 0.5 + 0.25)" reads no name at all: each power and each function call
// keeps its last values, in common with every part of the same shape, by the decimals it read. A number is
// made a decimal once while it is in use (formula.ts), so the same value is the same object;
// the same objects give the same result, as a decimal is never changed.
const KEPT_PER_SHAPE = 16;
const MAX_SHAPES = 4096;

interface Kept {
  readonly inputs: (readonly BigNumber[])[];
  readonly results: BigNumber[];
  next: number;
}

const kept = new Map<string, Kept>();

function remembered(part: Part, index: ReadonlyMap<string, number>): Step {
  // The names in a fixed order, so that formulas naming them in another order share the values.
  const slots = [...part.names].sort().map((name) => index.get(name)!);
  let memo = kept.get(part.shape);
  if (!memo) {
    memo = { inputs: [], results: [], next: 0 };
    if (kept.size < MAX_SHAPES) kept.set(part.shape, memo);
  }
  const own = memo;
  const { step } = part;
  return (values) => {
    for (let k = 0; k < own.inputs.length; k++) {
      const row = own.inputs[k];
      let same = true;
      for (let j = 0; j < slots.length; j++) {
        if (row[j] !== values[slots[j]]) {
          same = false;
          break;
        }
      }
      if (same) return own.results[k];
    }
    const result = step(values);
    const at = own.next;
    own.inputs[at] = slots.map((slot) => values[slot]);
    own.results[at] = result;
    own.next = (at + 1) % KEPT_PER_SHAPE;
    return result;
  };
}

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

// x ^ y for the same x and y in many formulas of one draw ("(1 + uplift) ^ fy" in each cost):
// computed once. A decimal's text with its sign (-0 prints as 0) is its exact value.
const POWERS_KEPT = 4096;
const powers = new Map<string, BigNumber>();

function key(x: BigNumber): string {
  return x.isNegative() ? `-${x.toString()}` : x.toString();
}

/** The direct evaluator of a parsed formula whose names are `names`, or null when it uses anything outside the plain subset. */
export function directFormula(root: MathNode, names: readonly string[], math: FormulaMath): DirectFormula | null {
  // In predictable mode mathjs's power of a negative number differs: keep to mathjs there.
  if (math.config().predictable) return null;
  const index = new Map(names.map((name, i) => [name, i]));
  const build = (node: MathNode): Step | null => {
    const n = node as MathNode & Record<string, any>;
    switch (n.type) {
      case 'ConstantNode': {
        if (!math.isBigNumber(n.value)) return null;
        const value = n.value;
        return () => value;
      }
      case 'SymbolNode': {
        const at = index.get(n.name);
        if (at === undefined) return null;
        return (values) => values[at];
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
  const operator = (fn: string, args: (Step | null)[]): Step | null => {
    if (args.some((a) => a === null)) return null;
    const [a, b] = args as Step[];
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
  };
  const call = (name: string, args: (Step | null)[]): Step | null => {
    if (args.length === 0 || args.some((a) => a === null)) return null;
    const steps = args as Step[];
    if (name === 'abs' && steps.length === 1) {
      const [a] = steps;
      return (v) => a(v).abs();
    }
    const fn = Object.hasOwn(math.functions, name) ? math.functions[name] : undefined;
    if (typeof fn !== 'function' || (fn as { rawArgs?: boolean }).rawArgs) return null;
    return (v) => {
      const result: unknown = fn(...steps.map((step) => step(v)));
      if (!math.isBigNumber(result)) throw GIVE_UP;
      return result;
    };
  };
  const step = build(root);
  if (!step) return null;
  return (values) => {
    try {
      return step(values);
    } catch {
      // GIVE_UP, or an error mathjs will give again with its own message.
      return undefined;
    }
  };
}

/** mathjs's pow for two decimals, where it stays real (otherwise it gives a complex number). */
function power(x: BigNumber, y: BigNumber): BigNumber {
  // The same test as mathjs's: `x >= 0` compares x's text as a number, so -0 counts as 0 or more.
  if (!(y.isInteger() || (x as unknown as number) >= 0)) throw GIVE_UP;
  const k = `${key(x)}^${key(y)}`;
  let result = powers.get(k);
  if (result === undefined) {
    result = x.pow(y);
    if (powers.size >= POWERS_KEPT) powers.clear();
    powers.set(k, result);
  }
  return result;
}

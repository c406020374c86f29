// Formulas: "=180000 * 1.02 ^ fy", "=base * grantLevel", "=min(1, handover)".
// Evaluated by mathjs in a locked-down instance with decimal BigNumbers, so that what a
// person types as 1.015 is 1.015 exactly. Only an allow-list of node types, operators and
// functions passes; names must be declared. See mathjs.org/docs/expressions/security.html.
import { all, create, type BigNumber, type MathNode } from 'mathjs';
import { directFormula, formulaMathOf, type DirectFormula } from './formula-fast';
import { numberToDecimalText } from './money';
import { FORMULA_FUNCTIONS } from './names';
import { isFormula } from './parse';

/** How formulas are read and computed: decimals of 64 significant digits. */
export const FORMULA_CONFIG = { number: 'BigNumber', precision: 64 } as const;
const math = create(all, FORMULA_CONFIG);
// Keep the parser before the public entry points are disabled below.
const parse = math.parse.bind(math);
const bignumber = (value: number) => math.bignumber(value) as BigNumber;
const ZERO = bignumber(0);
const TOO_LARGE = bignumber(1e15);
/** decimal.js's rounding mode, read from the decimal type itself. */
const ROUND_HALF_EVEN = (ZERO.constructor as unknown as { ROUND_HALF_EVEN: 6 }).ROUND_HALF_EVEN;
const FORMULA_MATH = formulaMathOf(math);

function disabled(name: string) {
  return () => {
    throw new Error(`Function ${name} is disabled in Headroom formulas`);
  };
}

const DISABLED = [
  'import',
  'createUnit',
  'reviver',
  'evaluate',
  'parse',
  'compile',
  'simplify',
  'simplifyConstant',
  'simplifyCore',
  'derivative',
  'resolve',
  'parser',
  'rationalize',
] as const;
math.import(Object.fromEntries(DISABLED.map((name) => [name, disabled(name)])), { override: true });

export { FORMULA_FUNCTIONS, RESERVED_NAMES } from './names';
const FUNCTIONS = new Set<string>(FORMULA_FUNCTIONS);

const OPERATORS = new Set([
  'add',
  'subtract',
  'multiply',
  'divide',
  'pow',
  'mod',
  'unaryMinus',
  'unaryPlus',
  'larger',
  'smaller',
  'largerEq',
  'smallerEq',
  'equal',
  'unequal',
  'and',
  'or',
  'not',
  'xor',
]);

export const MAX_FORMULA_LENGTH = 500;
const MAX_NODES = 200;
const MAX_DEPTH = 40;
/**
 * Numbers written in a formula stay within 1e-30..1e30 in size, and a result smaller than
 * 1e-30 counts as 0: a decimal's cost is its digit count, so a tiny exponent would be
 * expanded to millions of zeros on the way to pence (plan-format.md §5).
 */
const MAX_CONSTANT_EXPONENT = 30;
const MIN_RESULT_EXPONENT = -30;
/** A power with a fractional exponent costs milliseconds at 64 digits: a tower of them is refused. */
const MAX_POWERS = 10;

export type Decimal = BigNumber;

// One definition, dependency-free, so the renderer's main bundle reads it without mathjs.
export { isFormula };

interface Checked {
  readonly evaluate: (scope: Map<string, unknown>) => unknown;
  /** The same evaluation done directly (formula-fast.ts), or null outside its subset. */
  readonly direct: DirectFormula | null;
  readonly names: readonly string[];
  readonly root: MathNode;
  /** Its value by mathjs (or the message it failed with) by its inputs (resultKey). */
  readonly results: Map<string | number, Decimal | string>;
}

const cache = new Map<string, Checked | string>();

/** Parses and vets a formula once; the result (or its error message) is cached by text. */
function check(text: string): Checked | string {
  let hit = cache.get(text);
  if (hit === undefined) {
    hit = vet(text);
    if (cache.size > 10_000) {
      // The results of the formulas forgotten go with them.
      cache.clear();
      stored = 0;
    }
    cache.set(text, hit);
  }
  return hit;
}

function vet(text: string): Checked | string {
  if (!isFormula(text)) return `"${text}" is not a formula (a formula starts with "=")`;
  if (text.length > MAX_FORMULA_LENGTH) return `formula is longer than ${MAX_FORMULA_LENGTH} characters`;
  const body = text.slice(1);
  if (body.trim() === '') return 'formula is empty';
  let root: MathNode;
  try {
    root = parse(body);
  } catch (error) {
    return `formula "${text}" cannot be read: ${(error as Error).message}`;
  }
  const names = new Set<string>();
  let count = 0;
  let powers = 0;
  const walk = (node: MathNode, depth: number): string | null => {
    if (++count > MAX_NODES) return `formula has more than ${MAX_NODES} parts`;
    if (depth > MAX_DEPTH) return `formula is nested more than ${MAX_DEPTH} deep`;
    const n = node as MathNode & Record<string, any>;
    switch (n.type) {
      case 'ConstantNode':
        if (typeof n.value === 'string') return `text "${n.value}" is not allowed in a formula`;
        if (typeof n.value === 'number' && !Number.isFinite(n.value)) return `${n.value} is not allowed in a formula`;
        if (math.isBigNumber(n.value) && !n.value.isZero() && Math.abs(n.value.e) > MAX_CONSTANT_EXPONENT) {
          return `the number ${n.value.toString()} is out of range (numbers in a formula are between 1e-${MAX_CONSTANT_EXPONENT} and 1e${MAX_CONSTANT_EXPONENT} in size)`;
        }
        return null;
      case 'SymbolNode':
        names.add(n.name);
        return null;
      case 'ParenthesisNode':
        return walk(n.content, depth + 1);
      case 'ConditionalNode':
        return walk(n.condition, depth + 1) ?? walk(n.trueExpr, depth + 1) ?? walk(n.falseExpr, depth + 1);
      case 'OperatorNode':
        if (!OPERATORS.has(n.fn)) return `operator "${n.op}" is not allowed in a formula`;
        if (n.fn === 'pow' && ++powers > MAX_POWERS) return `formula has more than ${MAX_POWERS} powers (^)`;
        return walkAll(n.args, depth, n.fn);
      case 'FunctionNode': {
        const fn = n.fn as MathNode & Record<string, any>;
        if (fn.type !== 'SymbolNode' || !FUNCTIONS.has(fn.name)) {
          const name = fn.type === 'SymbolNode' ? fn.name : fn.toString();
          return `function "${name}" is not allowed (allowed: ${FORMULA_FUNCTIONS.join(', ')})`;
        }
        if (n.args.length === 0) return `function "${fn.name}" needs an argument`;
        return walkAll(n.args, depth);
      }
      case 'AccessorNode':
      case 'IndexNode':
        return 'property and index access are not allowed in a formula';
      case 'AssignmentNode':
      case 'FunctionAssignmentNode':
        return 'assignment is not allowed in a formula';
      default:
        return `${describeNode(n.type)} is not allowed in a formula`;
    }
  };
  /** A run of one operator (a + b + c + ...) is one level deep, however long: only nesting counts. */
  const walkAll = (args: MathNode[], depth: number, fn?: string): string | null => {
    for (const arg of args) {
      const same = fn !== undefined && arg.type === 'OperatorNode' && (arg as MathNode & { fn: string }).fn === fn;
      const problem = walk(arg, same ? depth : depth + 1);
      if (problem) return problem;
    }
    return null;
  };
  const problem = walk(root, 0);
  if (problem) return problem;
  const compiled = root.compile();
  const list = [...names];
  return {
    evaluate: (scope) => compiled.evaluate(scope),
    direct: directFormula(root, list, FORMULA_MATH),
    names: list,
    root,
    results: new Map(),
  };
}

function describeNode(type: string): string {
  const words: Record<string, string> = {
    ArrayNode: 'a list or matrix',
    ObjectNode: 'an object',
    RangeNode: 'a range',
    BlockNode: 'more than one expression',
    RelationalNode: 'a chained comparison',
  };
  return words[type] ?? `"${type}"`;
}

/** The problem with a formula's shape, or null when it may be evaluated. */
export function formulaProblem(text: string): string | null {
  const hit = check(text);
  return typeof hit === 'string' ? hit : null;
}

/** The names a formula uses (variables, `fy`, `base`, functions), or none for a formula that cannot be read. */
export function formulaNames(text: string): readonly string[] {
  const hit = check(text);
  return typeof hit === 'string' ? [] : hit.names;
}

/**
 * The formula with the variable `from` renamed `to`, rewritten from its parsed tree (never
 * by replacing text, so "grant" in "grantLevel" is left alone); the same text when `from` is
 * not used. Numbers are written out in full ("180000", never "1.8e+5").
 */
export function renameInFormula(text: string, from: string, to: string): string {
  const hit = check(text);
  if (typeof hit === 'string' || !hit.names.includes(from)) return text;
  const renamed = hit.root.transform((node) => {
    const n = node as MathNode & Record<string, any>;
    return n.type === 'SymbolNode' && n.name === from ? new math.SymbolNode(to) : node;
  });
  const handler = (node: MathNode) => {
    const n = node as MathNode & Record<string, any>;
    return n.type === 'ConstantNode' && math.isBigNumber(n.value) ? numberToDecimalText(n.value.toString()) : undefined;
  };
  return `=${renamed.toString({ handler, implicit: 'show' })}`;
}

export class FormulaError extends Error {}

export type ScopeValue = number | Decimal;

/**
 * Evaluates a formula to a finite decimal. `lookup` gives each name's value, or undefined
 * when the name is unknown here. Throws FormulaError with a message for people.
 */
export function evaluateFormula(text: string, lookup: (name: string) => ScopeValue | undefined): Decimal {
  const hit = check(text);
  if (typeof hit === 'string') throw new FormulaError(hit);
  const names = hit.names;
  const values: ScopeValue[] = new Array(names.length);
  for (let i = 0; i < names.length; i++) {
    const value = lookup(names[i]);
    if (value === undefined) throw new FormulaError(`unknown name "${names[i]}"`);
    values[i] = value;
  }
  const decimals = values.map(toDecimal);
  // A plain formula is evaluated directly each time: that costs less than keeping its results.
  const direct = hit.direct?.(decimals);
  if (direct !== undefined) return checkedResult(direct);
  // Any other formula is a pure function of its names' values: the same inputs give the same decimal.
  const key = resultKey(values);
  const known = hit.results.get(key);
  if (typeof known === 'string') throw new FormulaError(known);
  if (known) return known;
  if (++stored > MAX_RESULTS) forgetResults();
  try {
    const value = checkedResult(byMathjs(text, hit, decimals));
    hit.results.set(key, value);
    return value;
  } catch (error) {
    if (error instanceof FormulaError) hit.results.set(key, error.message);
    throw error;
  }
}

/** The inputs as one key: a lone number as itself, else each value's text (a decimal's text is its value). */
function resultKey(values: readonly ScopeValue[]): string | number {
  if (values.length === 1 && typeof values[0] === 'number') return values[0];
  let key = '';
  for (const value of values) key += `${value.toString()}\u0000`;
  return key;
}

/** How many results are kept over every formula: past the bound, all are forgotten. */
const MAX_RESULTS = 50_000;
let stored = 0;

function forgetResults(): void {
  for (const hit of cache.values()) if (typeof hit !== 'string') hit.results.clear();
  stored = 0;
}

function byMathjs(text: string, hit: Checked, decimals: readonly Decimal[]): unknown {
  const scope = new Map<string, unknown>();
  hit.names.forEach((name, i) => scope.set(name, decimals[i]));
  try {
    return hit.evaluate(scope);
  } catch (error) {
    throw new FormulaError(`formula "${text}" failed: ${(error as Error).message}`);
  }
}

/** A formula's result as a finite decimal of sane size, or the problem with it. */
function checkedResult(result: unknown): Decimal {
  if (!math.isBigNumber(result)) {
    throw new FormulaError(typeof result === 'boolean' ? `result is ${result}, not a number` : 'result is not a number');
  }
  if (!result.isFinite()) throw new FormulaError('result is not a finite number');
  // Below 1e15 in size when its first digit is below the 15th place (e < 15): no need to compare.
  if (result.e >= 15 && result.abs().gt(TOO_LARGE)) throw new FormulaError(`result ${result.toString()} is too large`);
  return !result.isZero() && result.e < MIN_RESULT_EXPONENT ? ZERO : result;
}

/**
 * Numbers as decimals, each made once while it is in use: a draw's sampled value is read by
 * many formulas. A decimal is never changed, so one may serve every formula.
 */
const DECIMALS_KEPT = 1024;
const asDecimal = new Map<number, Decimal>();

function toDecimal(value: ScopeValue): Decimal {
  if (typeof value !== 'number') return value;
  let decimal = asDecimal.get(value);
  if (decimal === undefined) {
    decimal = bignumber(value);
    if (asDecimal.size >= DECIMALS_KEPT) asDecimal.clear();
    asDecimal.set(value, decimal);
  }
  return decimal;
}

/**
 * A decimal amount of pounds in pence, to the nearest penny with ties to even: the same
 * number as decimalPoundsToPence(decimalText(value)), read without the detour through text
 * and fractions (toFixed rounds the exact decimal).
 */
export function decimalPence(value: Decimal): number {
  // + 0 turns -0 (from -0.004) into 0, as the integer arithmetic gives.
  return Number(value.toFixed(2, ROUND_HALF_EVEN).replace('.', '')) + 0;
}

export function decimalFromNumber(value: number): Decimal {
  return bignumber(value);
}

/** Plain decimal text of a finite decimal of sane size, never in exponent notation. */
export function decimalText(value: Decimal): string {
  return numberToDecimalText(value.toString());
}

// Formulas: "=180000 * 1.02 ^ fy", "=base * grantLevel", "=min(1, handover)".
// Evaluated by mathjs in a locked-down instance with decimal BigNumbers, so that what a
// person types as 1.015 is 1.015 exactly. Only an allow-list of node types, operators and
// functions passes; names must be declared. See mathjs.org/docs/expressions/security.html.
import { all, create, type BigNumber, type MathNode } from 'mathjs';
import { numberToDecimalText } from './money';

const math = create(all, { number: 'BigNumber', precision: 64 });
// Keep the parser before the public entry points are disabled below.
const parse = math.parse.bind(math);
const bignumber = (value: number) => math.bignumber(value) as BigNumber;

function disabled(name: string) {
  return () => {
    throw new Error(`Function ${name} is disabled in Headroom formulas`);
  };
}

const DISABLED = [
  'import', 'createUnit', 'reviver', 'evaluate', 'parse', 'compile', 'simplify',
  'simplifyConstant', 'simplifyCore', 'derivative', 'resolve', 'parser', 'rationalize',
] as const;
math.import(Object.fromEntries(DISABLED.map((name) => [name, disabled(name)])), { override: true });

export const FORMULA_FUNCTIONS = ['min', 'max', 'round', 'floor', 'ceil', 'abs'] as const;
const FUNCTIONS = new Set<string>(FORMULA_FUNCTIONS);

const OPERATORS = new Set([
  'add', 'subtract', 'multiply', 'divide', 'pow', 'mod', 'unaryMinus', 'unaryPlus',
  'larger', 'smaller', 'largerEq', 'smallerEq', 'equal', 'unequal', 'and', 'or', 'not', 'xor',
]);

/** Names that a variable may not take: they mean something else in a formula. */
export const RESERVED_NAMES = new Set([
  'base', 'fy', ...FORMULA_FUNCTIONS, 'and', 'or', 'not', 'xor', 'mod', 'to', 'in',
  'true', 'false', 'null', 'undefined', 'NaN', 'Infinity',
]);

export const MAX_FORMULA_LENGTH = 500;
const MAX_NODES = 200;
const MAX_DEPTH = 40;

export type Decimal = BigNumber;

export function isFormula(value: unknown): value is string {
  return typeof value === 'string' && value.startsWith('=');
}

interface Checked {
  readonly evaluate: (scope: Map<string, unknown>) => unknown;
  readonly names: readonly string[];
}

const cache = new Map<string, Checked | string>();
const results = new Map<string, Decimal>();

/** Parses and vets a formula once; the result (or its error message) is cached by text. */
function check(text: string): Checked | string {
  let hit = cache.get(text);
  if (hit === undefined) {
    hit = vet(text);
    if (cache.size > 10_000) cache.clear();
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
  const walk = (node: MathNode, depth: number): string | null => {
    if (++count > MAX_NODES) return `formula has more than ${MAX_NODES} parts`;
    if (depth > MAX_DEPTH) return `formula is nested more than ${MAX_DEPTH} deep`;
    const n = node as MathNode & Record<string, any>;
    switch (n.type) {
      case 'ConstantNode':
        if (typeof n.value === 'string') return `text "${n.value}" is not allowed in a formula`;
        if (typeof n.value === 'number' && !Number.isFinite(n.value)) return `${n.value} is not allowed in a formula`;
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
        return walkAll(n.args, depth);
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
  const walkAll = (args: MathNode[], depth: number): string | null => {
    for (const arg of args) {
      const problem = walk(arg, depth + 1);
      if (problem) return problem;
    }
    return null;
  };
  const problem = walk(root, 0);
  if (problem) return problem;
  const compiled = root.compile();
  return { evaluate: (scope) => compiled.evaluate(scope), names: [...names] };
}

function describeNode(type: string): string {
  const words: Record<string, string> = {
    ArrayNode: 'a list or matrix', ObjectNode: 'an object', RangeNode: 'a range',
    BlockNode: 'more than one expression', RelationalNode: 'a chained comparison',
  };
  return words[type] ?? `"${type}"`;
}

/** The problem with a formula's shape, or null when it may be evaluated. */
export function formulaProblem(text: string): string | null {
  const hit = check(text);
  return typeof hit === 'string' ? hit : null;
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
  const values: ScopeValue[] = [];
  let key = text;
  for (const name of hit.names) {
    const value = lookup(name);
    if (value === undefined) throw new FormulaError(`unknown name "${name}"`);
    values.push(value);
    key += `\u0000${value.toString()}`;
  }
  // A formula is a pure function of its names' values: the same inputs give the same decimal.
  const known = results.get(key);
  if (known) return known;
  const scope = new Map<string, unknown>();
  hit.names.forEach((name, i) => scope.set(name, typeof values[i] === 'number' ? bignumber(values[i] as number) : values[i]));
  let result: unknown;
  try {
    result = hit.evaluate(scope);
  } catch (error) {
    throw new FormulaError(`formula "${text}" failed: ${(error as Error).message}`);
  }
  if (!math.isBigNumber(result)) {
    throw new FormulaError(typeof result === 'boolean' ? `result is ${result}, not a number` : 'result is not a number');
  }
  if (!result.isFinite()) throw new FormulaError('result is not a finite number');
  if (result.abs().gt(1e15)) throw new FormulaError(`result ${result.toString()} is too large`);
  if (results.size > 50_000) results.clear();
  results.set(key, result);
  return result;
}

export function decimalFromNumber(value: number): Decimal {
  return bignumber(value);
}

/** Plain decimal text of a finite decimal of sane size, never in exponent notation. */
export function decimalText(value: Decimal): string {
  return numberToDecimalText(value.toString());
}


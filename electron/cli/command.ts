// The shape of a CLI command, and the errors that end one with a plain message and exit 1.
import { parseArgs, type ParseArgsConfig } from 'node:util';

export interface Io {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

export interface Command {
  readonly name: string;
  readonly summary: string;
  readonly usage: string;
  readonly options: NonNullable<ParseArgsConfig['options']>;
  run(positionals: string[], values: Record<string, unknown>, io: Io): Promise<number> | number;
}

/** A mistake in how the command was called: the message and the usage line are shown. */
export class UsageError extends Error {}

/** A problem with an input file or value: the message (possibly several lines) is shown. */
export class InputError extends Error {}

/** A plan that breaks the rules: one line per problem, each starting with its place. */
export class InvalidPlanError extends InputError {
  constructor(
    readonly file: string,
    readonly lines: readonly string[],
  ) {
    super(`${file} is not a valid plan (${lines.length} problem${lines.length === 1 ? '' : 's'}):\n${lines.join('\n')}`);
  }
}

export function parseCommandArgs(command: Command, argv: string[]) {
  try {
    return parseArgs({ args: argv, options: command.options, allowPositionals: true, strict: true });
  } catch (error) {
    // Keep node's hint (e.g. "use '--lo=-2'" for a negative number), on one line.
    throw new UsageError(
      (error as Error).message
        .replace(/^TypeError \[[A-Z_]+\]: /, '')
        .split('\n')
        .join(' '),
    );
  }
}

export function requireCount(positionals: string[], min: number, max: number, what: string) {
  if (positionals.length < min) throw new UsageError(`missing ${what}`);
  if (positionals.length > max) throw new UsageError(`unexpected argument "${positionals[max]}"`);
}

export function numberOption(values: Record<string, unknown>, name: string, fallback?: number): number {
  const raw = values[name];
  if (raw === undefined) {
    if (fallback === undefined) throw new UsageError(`--${name} is required`);
    return fallback;
  }
  const value = Number(raw);
  if (typeof raw !== 'string' || raw.trim() === '' || !Number.isFinite(value))
    throw new UsageError(`--${name} needs a number, not "${String(raw)}"`);
  return value;
}

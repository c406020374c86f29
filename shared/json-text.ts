// JSON as Headroom writes it for people and files: two-space indents. A plan file also ends
// in a newline, so that what is saved, exported and imported is the same text.
import type { Plan } from './plan';

/** Any value as indented JSON (the CLI's --json output). */
export function jsonText(value: unknown): string {
  return JSON.stringify(value, null, 2);
}

/** A plan as the text of its .json file. */
export function planJsonText(plan: Plan): string {
  return `${jsonText(plan)}\n`;
}

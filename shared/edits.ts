// Edits to a plan: small operations on the plan's JSON, each with an exact inverse, so
// that every user command can be validated whole, stored in one transaction and undone.
import { z } from 'zod';

const Segment = z.union([
  z
    .string()
    .min(1)
    .max(100)
    .refine((s) => !['__proto__', 'constructor', 'prototype'].includes(s), { error: 'is not a field of a plan' }),
  z.number().int().min(0),
]);
const EditPath = z.array(Segment).max(12);

export const EditOpSchema = z.discriminatedUnion('op', [
  /** Sets the value at path; without `value` the field is removed. */
  z.strictObject({ op: z.literal('set'), path: EditPath.min(1), value: z.unknown().optional() }),
  /** Inserts into the list at path. */
  z.strictObject({ op: z.literal('insert'), path: EditPath, index: z.number().int().min(0), value: z.unknown() }),
  /** Removes from the list at path. */
  z.strictObject({ op: z.literal('remove'), path: EditPath, index: z.number().int().min(0) }),
]);

/** Operations in one edit. */
export const MAX_EDIT_OPS = 10_000;

export const PlanEditSchema = z.strictObject({
  label: z.string().min(1).max(200),
  ops: z.array(EditOpSchema).min(1).max(MAX_EDIT_OPS),
});

export type EditOp = z.infer<typeof EditOpSchema>;
export type PlanEdit = z.infer<typeof PlanEditSchema>;
type Json = unknown;
type Container = Record<string, Json> | Json[];

export class EditError extends Error {}

function clone<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

function describe(path: readonly (string | number)[]): string {
  return (
    path
      .map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`))
      .join('')
      .replace(/^\./, '') || '(plan)'
  );
}

function containerAt(root: Json, path: readonly (string | number)[]): Container {
  let node = root;
  for (const segment of path) {
    if (node === null || typeof node !== 'object') throw new EditError(`${describe(path)} does not exist`);
    node = Array.isArray(node)
      ? node[segment as number]
      : Object.hasOwn(node, segment)
        ? (node as Record<string, Json>)[segment]
        : undefined;
  }
  if (node === null || typeof node !== 'object') throw new EditError(`${describe(path)} does not exist`);
  return node as Container;
}

/**
 * Applies an edit to a copy of the plan. Returns the new plan (still to be validated) and
 * the edit that undoes it. The input is never changed.
 */
export function applyEdit(plan: Json, edit: PlanEdit): { plan: Json; inverse: PlanEdit } {
  const root = clone(plan);
  const undo: EditOp[] = [];
  for (const op of edit.ops) {
    if (op.op === 'set') {
      const parent = containerAt(root, op.path.slice(0, -1));
      const key = op.path[op.path.length - 1];
      if (Array.isArray(parent)) {
        if (typeof key !== 'number' || key >= parent.length) throw new EditError(`${describe(op.path)} does not exist`);
        if (op.value === undefined) throw new EditError(`${describe(op.path)}: a list item is removed with "remove"`);
        undo.push({ op: 'set', path: op.path, value: clone(parent[key]) });
        parent[key] = clone(op.value);
      } else {
        const had = Object.hasOwn(parent, key);
        undo.push(had ? { op: 'set', path: op.path, value: clone(parent[String(key)]) } : { op: 'set', path: op.path });
        if (op.value === undefined) delete parent[String(key)];
        else parent[String(key)] = clone(op.value);
      }
    } else {
      const list = containerAt(root, op.path);
      if (!Array.isArray(list)) throw new EditError(`${describe(op.path)} is not a list`);
      if (op.op === 'insert') {
        if (op.index > list.length) throw new EditError(`${describe(op.path)}[${op.index}] is past the end of the list`);
        list.splice(op.index, 0, clone(op.value));
        undo.push({ op: 'remove', path: op.path, index: op.index });
      } else {
        if (op.index >= list.length) throw new EditError(`${describe(op.path)}[${op.index}] does not exist`);
        const [removed] = list.splice(op.index, 1);
        undo.push({ op: 'insert', path: op.path, index: op.index, value: removed });
      }
    }
  }
  return { plan: root, inverse: { label: edit.label, ops: undo.reverse() } };
}

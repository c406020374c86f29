// What a stored command touched, by id: the services, funding streams and scenarios its
// operations reach, so that the change history can be filtered by service or by stream.
// Pure: the store records the answer beside each command when it is stored.
import type { EditOp, PlanEdit } from './edits';
import type { Plan } from './plan';
import type { EditSubjects } from './snapshots';
import { variableReach } from './variable-reach';

type Path = readonly (string | number)[];

interface Found {
  readonly interventions: Set<string>;
  readonly streams: Set<string>;
  readonly scenarios: Set<string>;
}

const LISTS = { interventions: 'interventions', fundingStreams: 'streams', scenarios: 'scenarios' } as const;
type ListKey = keyof typeof LISTS;

const isListKey = (key: unknown): key is ListKey => typeof key === 'string' && Object.hasOwn(LISTS, key);

function asObject(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

const asList = (value: unknown): readonly unknown[] => (Array.isArray(value) ? value : []);

function idOf(value: unknown): string | undefined {
  const id = asObject(value)?.id;
  return typeof id === 'string' ? id : undefined;
}

/** Items in one list and not the other (compared as JSON text, counting repeats). */
function differing(before: readonly unknown[], after: readonly unknown[]): unknown[] {
  const counts = new Map<string, number>();
  for (const item of before) counts.set(JSON.stringify(item), (counts.get(JSON.stringify(item)) ?? 0) + 1);
  const added: unknown[] = [];
  for (const item of after) {
    const key = JSON.stringify(item);
    const n = counts.get(key) ?? 0;
    if (n > 0) counts.set(key, n - 1);
    else added.push(item);
  }
  const removed = before.filter((item) => {
    const key = JSON.stringify(item);
    const n = counts.get(key) ?? 0;
    if (n === 0) return false;
    counts.set(key, n - 1);
    return true;
  });
  return [...removed, ...added];
}

/** The services and streams a scenario change or an actuals entry names ("intervention", "stream"). */
function addReferences(value: unknown, found: Found): void {
  const item = asObject(value);
  if (!item) return;
  if (typeof item.intervention === 'string') found.interventions.add(item.intervention);
  if (typeof item.stream === 'string') found.streams.add(item.stream);
}

/** A scenario's changes that differ between two versions of it, by what they name. */
function addChangedChanges(before: unknown, after: unknown, found: Found): void {
  for (const change of differing(asList(asObject(before)?.changes), asList(asObject(after)?.changes))) addReferences(change, found);
}

function add(set: Set<string>, id: string | undefined): void {
  if (id !== undefined) set.add(id);
}

/** An operation on a list of things with ids: the items it names, and for scenarios what their changes name. */
function listOp(key: ListKey, op: EditOp, before: Plan, after: Plan, found: Found): void {
  const set = found[LISTS[key]];
  const was = asList(before[key]);
  const now = asList(after[key]);
  const path: Path = op.path;
  if (path.length === 1) {
    if (op.op === 'insert') {
      add(set, idOf(op.value));
      if (key === 'scenarios') addChangedChanges(undefined, op.value, found);
    } else if (op.op === 'remove') {
      add(set, idOf(was[op.index]));
      if (key === 'scenarios') addChangedChanges(was[op.index], undefined, found);
    } else {
      for (const item of differing(was, now)) {
        const id = idOf(item);
        add(set, id);
        if (key === 'scenarios') {
          const byId = (list: readonly unknown[]) => list.find((s) => idOf(s) === id);
          addChangedChanges(byId(was), byId(now), found);
        }
      }
    }
    return;
  }
  const index = path[1];
  if (typeof index !== 'number') return;
  add(set, idOf(was[index]));
  add(set, idOf(now[index]));
  if (key !== 'scenarios') return;
  if (path.length === 2 || path[2] !== 'changes') {
    if (path.length === 2) addChangedChanges(was[index], now[index], found);
    return;
  }
  const changesBefore = asList(asObject(was[index])?.changes);
  const changesAfter = asList(asObject(now[index])?.changes);
  changeListOp(path.slice(3), op, changesBefore, changesAfter, found);
}

/**
 * An operation on a list of entries that name a service or stream (a scenario's changes,
 * actual spend, commentary), `rest` being its path below the list.
 */
function changeListOp(rest: Path, op: EditOp, before: readonly unknown[], after: readonly unknown[], found: Found): void {
  if (rest.length === 0) {
    if (op.op === 'insert') addReferences(op.value, found);
    else if (op.op === 'remove') addReferences(before[op.index], found);
    else for (const item of differing(before, after)) addReferences(item, found);
    return;
  }
  const index = rest[0];
  if (typeof index !== 'number') return;
  addReferences(before[index], found);
  addReferences(after[index], found);
}

function actualsOp(op: EditOp, before: Plan, after: Plan, found: Found): void {
  const path: Path = op.path;
  for (const list of ['spend', 'commentary'] as const) {
    const was = asList(before.actuals?.[list]);
    const now = asList(after.actuals?.[list]);
    if (path.length === 1) {
      for (const item of differing(was, now)) addReferences(item, found);
    } else if (path[1] === list) {
      changeListOp(path.slice(2), op, was, now, found);
    }
  }
}

const sorted = (set: Set<string>) => [...set].sort();

/** The plan's or a scenario's variables an operation sets: by name, or every name that differs when the whole set is replaced. */
function changedVariables(op: EditOp, before: Plan, after: Plan, out: Set<string>): void {
  const path: Path = op.path;
  const at = path[0] === 'variables' ? 0 : path[0] === 'scenarios' && typeof path[1] === 'number' && path[2] === 'variables' ? 2 : -1;
  if (at < 0) {
    // A scenario inserted, removed or replaced whole: its variables count as changed.
    if (path[0] === 'scenarios' && path.length <= 2) {
      const was = asList(before.scenarios);
      const now = asList(after.scenarios);
      for (const item of differing(was, now)) for (const name of Object.keys(asObject(asObject(item)?.variables) ?? {})) out.add(name);
    }
    return;
  }
  if (path.length > at + 1 && typeof path[at + 1] === 'string') {
    out.add(path[at + 1] as string);
    return;
  }
  const holder = (plan: Plan) => asObject(at === 0 ? plan.variables : asObject(asList(plan.scenarios)[path[1] as number])?.variables) ?? {};
  const was = holder(before);
  const now = holder(after);
  for (const name of new Set([...Object.keys(was), ...Object.keys(now)])) {
    if (JSON.stringify(was[name]) !== JSON.stringify(now[name])) out.add(name);
  }
}

/** The ids of the services, streams and scenarios `edit` touched, taking `before` to `after`: sorted, each once. */
export function editSubjects(before: Plan, after: Plan, edit: PlanEdit): EditSubjects {
  const found: Found = { interventions: new Set(), streams: new Set(), scenarios: new Set() };
  const variables = new Set<string>();
  for (const op of edit.ops) {
    const key = op.path[0];
    if (isListKey(key)) listOp(key, op, before, after, found);
    else if (key === 'actuals') actualsOp(op, before, after, found);
    changedVariables(op, before, after, variables);
  }
  // What the changed variables feed, in the plan before and after (a formula may have gone or come).
  for (const plan of [before, after]) {
    const reach = variableReach(plan, variables);
    for (const id of reach.interventions) found.interventions.add(id);
    for (const id of reach.streams) found.streams.add(id);
  }
  return { interventions: sorted(found.interventions), streams: sorted(found.streams), scenarios: sorted(found.scenarios) };
}

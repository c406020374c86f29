// Ids of interventions, funding streams and scenarios (plan-format.md §2): where each is
// referred to, the one edit that renames it everywhere, the check of a new id, and the rule
// by which a new thing's id follows its name. Variables are renamed elsewhere.
import type { EditOp, PlanEdit } from './edits';
import { plural } from './format';
import { BASE_SCENARIO_ID, freshId, readId, slug } from './parse';
import type { Plan } from './plan';

export type IdKind = 'intervention' | 'stream' | 'scenario';
type Path = (string | number)[];

/** One place an id is referred to, in words ("Scenario “25% cut”: change 3"), and the fields it covers. */
export interface IdPlace {
  readonly words: string;
  readonly paths: readonly Path[];
}

const LIST: Record<IdKind, 'interventions' | 'fundingStreams' | 'scenarios'> = {
  intervention: 'interventions',
  stream: 'fundingStreams',
  scenario: 'scenarios',
};
const NOUN: Record<IdKind, string> = { intervention: 'intervention', stream: 'funding stream', scenario: 'scenario' };
/** What a name with no letters or digits gives (addInterventionEdit, addStreamEdit, newScenarioId). */
const FALLBACK: Record<IdKind, string> = { intervention: 'item', stream: 'item', scenario: 'scenario' };

function things(plan: Plan, kind: IdKind): readonly { id: string; name: string }[] {
  return kind === 'scenario' ? (plan.scenarios ?? []) : kind === 'stream' ? plan.fundingStreams : plan.interventions;
}

/** Every place in the plan that refers to the id; scenarios are referred to by nothing in the plan. */
export function idPlaces(plan: Plan, kind: IdKind, id: string): IdPlace[] {
  const places: IdPlace[] = [];
  if (kind === 'scenario') return places;
  if (kind === 'intervention') {
    plan.fundingStreams.forEach((stream, si) => {
      // Every entry: a repeated id in a ring-fence is allowed, and each must follow the rename.
      const paths = (stream.restrictedTo ?? []).flatMap((entry, ri) => (entry === id ? [['fundingStreams', si, 'restrictedTo', ri]] : []));
      if (paths.length) places.push({ words: `${stream.name}: ring-fence`, paths });
    });
  }
  (plan.scenarios ?? []).forEach((scenario, si) => {
    (scenario.changes ?? []).forEach((change, ci) => {
      const refers =
        kind === 'intervention' ? 'intervention' in change && change.intervention === id : 'stream' in change && change.stream === id;
      if (!refers) return;
      const field = kind === 'intervention' ? 'intervention' : 'stream';
      places.push({ words: `Scenario “${scenario.name}”: change ${ci + 1}`, paths: [['scenarios', si, 'changes', ci, field]] });
    });
  });
  if (kind === 'intervention' && plan.actuals) {
    const spend: Path[] = [];
    plan.actuals.spend.forEach((entry, ei) => {
      if (entry.intervention === id) spend.push(['actuals', 'spend', ei, 'intervention']);
    });
    if (spend.length) places.push({ words: `Actuals: ${plural(spend.length, 'month')} of spend`, paths: spend });
    (plan.actuals.commentary ?? []).forEach((note, ni) => {
      if (note.intervention === id)
        places.push({ words: `Actuals: commentary on ${note.fy}`, paths: [['actuals', 'commentary', ni, 'intervention']] });
    });
  }
  return places;
}

/** The problem with `text` as the new id of the `index`-th thing of its kind, or null. */
export function idProblem(plan: Plan, kind: IdKind, index: number, text: string): string | null {
  const read = readId(text);
  if (!read.ok) return read.message;
  if (kind === 'scenario' && read.value === BASE_SCENARIO_ID) return '"base" is the plan itself and cannot name a scenario';
  const other = things(plan, kind).find((thing, i) => i !== index && thing.id === read.value);
  return other ? `"${read.value}" is already the id of another ${NOUN[kind]} (“${other.name}”)` : null;
}

/** The effective priority of each intervention in the plan and in each scenario (its last change wins). */
function priorityTables(plan: Plan): Map<string, number>[] {
  const base = new Map(plan.interventions.map((item) => [item.id, item.priority]));
  const tables = [base];
  for (const scenario of plan.scenarios ?? []) {
    const table = new Map(base);
    for (const change of scenario.changes ?? [])
      if ('intervention' in change && change.priority !== undefined) table.set(change.intervention, change.priority);
    tables.push(table);
  }
  return tables;
}

/**
 * Names of interventions of the same priority (in the plan or a scenario) that `to` would
 * sort on the other side of than `from`: ties go by id (§3.3), so the rename changes who is funded first.
 */
export function tieOrderChanges(plan: Plan, from: string, to: string): string[] {
  const names = new Set<string>();
  for (const table of priorityTables(plan)) {
    const priority = table.get(from);
    for (const item of plan.interventions) {
      if (item.id === from || table.get(item.id) !== priority) continue;
      if (item.id < from !== item.id < to) names.add(item.name);
    }
  }
  return [...names];
}

export function tieOrderWords(names: readonly string[]): string {
  return `Ties in priority go by id: this id changes whether it is funded before ${names.map((n) => `“${n}”`).join(', ')}.`;
}

/** One edit that gives the `index`-th thing of its kind the id `to`, and every place that refers to it. */
export function renameIdEdit(plan: Plan, kind: IdKind, index: number, to: string): PlanEdit {
  const from = things(plan, kind)[index].id;
  const places = idPlaces(plan, kind, from);
  const label = places.length ? `Rename ${from} → ${to} (${plural(places.length, 'place')})` : `Rename id ${from} → ${to}`;
  if (from === to) return { label, ops: [] };
  const ops: EditOp[] = [{ op: 'set', path: [LIST[kind], index, 'id'], value: to }];
  for (const place of places) for (const path of place.paths) ops.push({ op: 'set', path, value: to });
  return { label, ops };
}

/** The id a name gives, unique among the others of its kind (never "base" for a scenario). */
export function idForName(plan: Plan, kind: IdKind, index: number, name: string): string {
  const taken = things(plan, kind)
    .filter((_, i) => i !== index)
    .map((thing) => thing.id);
  return freshId(slug(name, FALLBACK[kind]), kind === 'scenario' ? [BASE_SCENARIO_ID, ...taken] : taken);
}

/** Whether `id` is still what `name` gave it: the name's slug, or the slug with "-2", "-3"… */
export function idFollowsName(kind: IdKind, id: string, name: string): boolean {
  const s = slug(name, FALLBACK[kind]);
  return id === s || (id.startsWith(`${s}-`) && /^[1-9][0-9]*$/.test(id.slice(s.length + 1)));
}

/**
 * The id that follows a new name (plan-format.md "project choices"), or null when the id
 * stays: only while the id is still what the previous name gave it, nothing refers to it,
 * and (for an intervention) the new id does not change who is funded first among ties.
 */
export function followingId(plan: Plan, kind: IdKind, index: number, name: string): string | null {
  const thing = things(plan, kind)[index];
  if (!idFollowsName(kind, thing.id, thing.name) || idPlaces(plan, kind, thing.id).length > 0) return null;
  const id = idForName(plan, kind, index, name);
  if (id === thing.id) return null;
  if (kind === 'intervention' && tieOrderChanges(plan, thing.id, id).length > 0) return null;
  return id;
}

/** Ids that changed between two versions of a plan (a rename, its undo): old id → new id, by kind. */
export function renamedIds(before: Plan, after: Plan): Record<IdKind, Map<string, string>> {
  const out = {} as Record<IdKind, Map<string, string>>;
  for (const kind of ['intervention', 'stream', 'scenario'] as const) {
    const map = new Map<string, string>();
    const a = things(before, kind);
    const b = things(after, kind);
    if (a.length === b.length) {
      const oldIds = new Set(a.map((t) => t.id));
      const newIds = new Set(b.map((t) => t.id));
      a.forEach((thing, i) => {
        const id = b[i].id;
        if (id !== thing.id && !newIds.has(thing.id) && !oldIds.has(id)) map.set(thing.id, id);
      });
    }
    out[kind] = map;
  }
  return out;
}

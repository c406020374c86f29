// Builders for the Scenarios screen: each turns one user command into a PlanEdit (JSON ops
// on the plan), and each reader says what a control shows for the scenario as it stands.
import type { EditOp, PlanEdit } from '../../shared/edits';
import type { InterventionChange, PartnerShare, Plan, Scenario, StreamChange } from '../../shared/plan';
import { formatPercent } from '../../shared/money';
import { BASE_SCENARIO_ID, freshId, slug } from '../../shared/parse';
import { followingId } from '../../shared/rename-id';

type Json = Record<string, unknown>;

// ---- ids and names ----

/** "25% cut, June" → "25-cut-june": the one id slug (shared/parse.ts), unique and never "base". */
export function newScenarioId(name: string, taken: Iterable<string>): string {
  return freshId(slug(name, 'scenario'), [BASE_SCENARIO_ID, ...taken]);
}

export function uniqueName(wanted: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  if (!used.has(wanted)) return wanted;
  for (let n = 2; ; n++) if (!used.has(`${wanted} (${n})`)) return `${wanted} (${n})`;
}

export function scenarioIndex(plan: Plan, id: string): number {
  const index = (plan.scenarios ?? []).findIndex((s) => s.id === id);
  if (index < 0) throw new Error(`no scenario "${id}"`);
  return index;
}

function scenarioOf(plan: Plan, id: string): { scenario: Scenario; index: number } {
  const index = scenarioIndex(plan, id);
  return { scenario: plan.scenarios![index], index };
}

function appendScenario(plan: Plan, scenario: Scenario): EditOp {
  return plan.scenarios
    ? { op: 'insert', path: ['scenarios'], index: plan.scenarios.length, value: scenario }
    : { op: 'set', path: ['scenarios'], value: [scenario] };
}

// ---- create, duplicate, rename, delete ----

export function addScenarioEdit(plan: Plan, name = 'New scenario'): { edit: PlanEdit; id: string } {
  const scenarios = plan.scenarios ?? [];
  const unique = uniqueName(
    name,
    scenarios.map((s) => s.name),
  );
  const id = newScenarioId(
    unique,
    scenarios.map((s) => s.id),
  );
  const scenario: Scenario = { id, name: unique, stance: 'wait', changes: [] };
  return { id, edit: { label: `Add scenario "${unique}"`, ops: [appendScenario(plan, scenario)] } };
}

export function duplicateScenarioEdit(plan: Plan, sourceId: string): { edit: PlanEdit; id: string } {
  const scenarios = plan.scenarios ?? [];
  const { scenario } = scenarioOf(plan, sourceId);
  const name = uniqueName(
    `${scenario.name} (copy)`,
    scenarios.map((s) => s.name),
  );
  const id = newScenarioId(
    `${scenario.id}-copy`,
    scenarios.map((s) => s.id),
  );
  const copy: Scenario = { ...(JSON.parse(JSON.stringify(scenario)) as Scenario), id, name };
  return { id, edit: { label: `Duplicate scenario "${scenario.name}"`, ops: [appendScenario(plan, copy)] } };
}

/** A new name; the id follows it while it is still what the previous name gave (followingId). */
export function renameScenarioEdit(plan: Plan, id: string, name: string): PlanEdit {
  const { scenario, index } = scenarioOf(plan, id);
  const ops: EditOp[] = [{ op: 'set', path: ['scenarios', index, 'name'], value: name }];
  const following = followingId(plan, 'scenario', index, name);
  if (following) ops.push({ op: 'set', path: ['scenarios', index, 'id'], value: following });
  return { label: `Rename "${scenario.name}" to "${name}"`, ops };
}

export function deleteScenarioEdit(plan: Plan, id: string): PlanEdit {
  const { scenario, index } = scenarioOf(plan, id);
  return { label: `Delete scenario "${scenario.name}"`, ops: [{ op: 'remove', path: ['scenarios'], index }] };
}

export function setStanceEdit(plan: Plan, id: string, stance: 'wait' | 'prudent'): PlanEdit {
  const { scenario, index } = scenarioOf(plan, id);
  const words = stance === 'wait' ? 'wait for confirmation' : 'serve notice where unconfirmed';
  return { label: `"${scenario.name}": ${words}`, ops: [{ op: 'set', path: ['scenarios', index, 'stance'], value: stance }] };
}

export function setUnderwritingLimitEdit(plan: Plan, id: string, limit: number | string | undefined): PlanEdit {
  const { scenario, index } = scenarioOf(plan, id);
  const path = ['scenarios', index, 'underwriting'];
  const value = limit === undefined ? undefined : { ...(scenario.underwriting ?? {}), limit };
  return { label: `"${scenario.name}": underwriting limit`, ops: [{ op: 'set', path, value }] };
}

// ---- changes: find, set a field, drop a change left empty ----

const isStream = (c: unknown): c is StreamChange => typeof c === 'object' && c !== null && 'stream' in c;
const isIntervention = (c: unknown): c is InterventionChange => typeof c === 'object' && c !== null && 'intervention' in c;

/** The last change for a stream allocation (later changes win). */
export function streamChangeIndex(scenario: Scenario, stream: string, fy: string): number {
  const changes = scenario.changes ?? [];
  for (let i = changes.length - 1; i >= 0; i--) {
    const c = changes[i];
    if (isStream(c) && c.stream === stream && c.fy === fy) return i;
  }
  return -1;
}

export function interventionChangeIndex(scenario: Scenario, intervention: string): number {
  const changes = scenario.changes ?? [];
  for (let i = changes.length - 1; i >= 0; i--) {
    const c = changes[i];
    if (isIntervention(c) && c.intervention === intervention) return i;
  }
  return -1;
}

function setChangeField(scenario: Scenario, index: number, changeIndex: number, fresh: Json, field: string, value: unknown): EditOp[] {
  const changesPath = ['scenarios', index, 'changes'];
  if (changeIndex < 0) {
    if (value === undefined) return [];
    const change = { ...fresh, [field]: value };
    return scenario.changes
      ? [{ op: 'insert', path: changesPath, index: scenario.changes.length, value: change }]
      : [{ op: 'set', path: changesPath, value: [change] }];
  }
  const existing = scenario.changes![changeIndex] as unknown as Json;
  if (value === undefined && !(field in existing)) return [];
  const remaining = Object.keys(existing).filter((k) => k !== field && !(k in fresh));
  if (value === undefined && remaining.length === 0) return [{ op: 'remove', path: changesPath, index: changeIndex }];
  return [{ op: 'set', path: [...changesPath, changeIndex, field], value }];
}

function streamField(plan: Plan, id: string, stream: string, fy: string, field: 'amount' | 'confirmedOn', value: unknown): EditOp[] {
  const { scenario, index } = scenarioOf(plan, id);
  return setChangeField(scenario, index, streamChangeIndex(scenario, stream, fy), { stream, fy }, field, value);
}

function interventionField(plan: Plan, id: string, intervention: string, field: keyof InterventionChange, value: unknown): EditOp[] {
  const { scenario, index } = scenarioOf(plan, id);
  return setChangeField(scenario, index, interventionChangeIndex(scenario, intervention), { intervention }, field, value);
}

function streamName(plan: Plan, stream: string): string {
  return plan.fundingStreams.find((s) => s.id === stream)?.name ?? stream;
}

// ---- grant level per FY ----

export type GrantLevel =
  /** The plan's amount (level 100%). */
  | { readonly kind: 'plan'; readonly level: 1 }
  /** `=base * L`, which the slider controls. */
  | { readonly kind: 'level'; readonly level: number }
  /** Some other amount or formula, shown as written; the slider replaces it. */
  | { readonly kind: 'custom'; readonly level: null; readonly amount: number | string };

const LEVEL_RE = /^=\s*base\s*\*\s*(\d+(?:\.\d+)?|\.\d+)\s*$/;

export function grantLevelOf(scenario: Scenario, stream: string, fy: string): GrantLevel {
  const changes = scenario.changes ?? [];
  for (let i = changes.length - 1; i >= 0; i--) {
    const c = changes[i];
    if (!isStream(c) || c.stream !== stream || c.fy !== fy || c.amount === undefined) continue;
    if (typeof c.amount === 'string') {
      const m = LEVEL_RE.exec(c.amount);
      if (m) return { kind: 'level', level: Number(m[1]) };
    }
    return { kind: 'custom', level: null, amount: c.amount };
  }
  return { kind: 'plan', level: 1 };
}

/** A level as the slider holds it: a fraction with at most 4 decimals (0.7525 = 75.25%). */
export function roundLevel(level: number): number {
  return Math.round(Math.max(0, level) * 10_000) / 10_000;
}

/** Writes `{stream, fy, amount: "=base * L"}`; 100% takes the change's amount away again. */
export function setGrantLevelEdit(plan: Plan, id: string, stream: string, fy: string, level: number): PlanEdit {
  const { scenario } = scenarioOf(plan, id);
  const rounded = roundLevel(level);
  const value = rounded === 1 ? undefined : `=base * ${rounded}`;
  return {
    label: `${streamName(plan, stream)} ${fy} at ${formatPercent(rounded, 2)} in "${scenario.name}"`,
    ops: streamField(plan, id, stream, fy, 'amount', value),
  };
}

// ---- when an FY's funding is confirmed ----

export interface Confirmation {
  /** The date the scenario assumes; null: known at the start of the FY. */
  readonly date: string | null;
  /** True when the scenario sets it, false when it is the plan's. */
  readonly fromScenario: boolean;
}

export function confirmationOf(plan: Plan, scenario: Scenario, stream: string, fy: string): Confirmation {
  const changes = scenario.changes ?? [];
  for (let i = changes.length - 1; i >= 0; i--) {
    const c = changes[i];
    if (isStream(c) && c.stream === stream && c.fy === fy && c.confirmedOn !== undefined)
      return { date: c.confirmedOn, fromScenario: true };
  }
  const allocation = plan.fundingStreams.find((s) => s.id === stream)?.allocations.find((a) => a.fy === fy);
  return { date: allocation?.confirmedOn ?? null, fromScenario: false };
}

/** `date` null: known at the FY's start; undefined: as in the plan. */
export function setConfirmationEdit(plan: Plan, id: string, stream: string, fy: string, date: string | null | undefined): PlanEdit {
  const { scenario } = scenarioOf(plan, id);
  const words = date === undefined ? 'as in the plan' : date === null ? 'known in April' : `confirmed ${date}`;
  return {
    label: `${streamName(plan, stream)} ${fy} ${words} in "${scenario.name}"`,
    ops: streamField(plan, id, stream, fy, 'confirmedOn', date),
  };
}

// ---- variables ----

/** The plan's variables that stream amounts depend on (such as grantLevel): shown as levels. */
export function fundingVariables(plan: Plan): string[] {
  const names = Object.keys(plan.variables ?? {});
  const formulas: string[] = [];
  for (const stream of plan.fundingStreams) for (const a of stream.allocations) if (typeof a.amount === 'string') formulas.push(a.amount);
  return names.filter((name) => formulas.some((f) => new RegExp(`(^|[^A-Za-z0-9_])${name}([^A-Za-z0-9_]|$)`).test(f)));
}

export interface VariableValue {
  readonly value: number | string | undefined;
  readonly fromScenario: boolean;
}

export function variableOf(plan: Plan, scenario: Scenario, name: string): VariableValue {
  const own = scenario.variables?.[name];
  if (own !== undefined) return { value: own, fromScenario: true };
  return { value: plan.variables?.[name], fromScenario: false };
}

/** Sets (or, with undefined, takes away) a scenario's own value of a variable. */
export function setVariableEdit(plan: Plan, id: string, name: string, value: number | string | undefined): PlanEdit {
  const { scenario, index } = scenarioOf(plan, id);
  const label = `"${scenario.name}": ${name} ${value === undefined ? 'as in the plan' : `= ${value}`}`;
  if (!scenario.variables) {
    if (value === undefined) return { label, ops: [] };
    return { label, ops: [{ op: 'set', path: ['scenarios', index, 'variables'], value: { [name]: value } }] };
  }
  return { label, ops: [{ op: 'set', path: ['scenarios', index, 'variables', name], value }] };
}

// ---- handover (a partner taking the whole cost) ----

export interface Handover {
  /** The plan's taper list, and the one in force in the scenario. */
  readonly planShares: readonly PartnerShare[];
  readonly shares: readonly PartnerShare[];
  readonly fromScenario: boolean;
  /** The month the partner takes the whole cost in the scenario, if it does. */
  readonly month: string | null;
  readonly planMonth: string | null;
  readonly partner: string | null;
}

const handoverEntry = (shares: readonly PartnerShare[]) => shares.find((s) => s.share === 1) ?? null;

export function handoverOf(plan: Plan, scenario: Scenario, intervention: string): Handover {
  const planShares = plan.interventions.find((i) => i.id === intervention)?.partnerShares ?? [];
  let shares: readonly PartnerShare[] = planShares;
  let fromScenario = false;
  const changes = scenario.changes ?? [];
  for (let i = changes.length - 1; i >= 0; i--) {
    const c = changes[i];
    if (isIntervention(c) && c.intervention === intervention && c.partnerShares !== undefined) {
      shares = c.partnerShares ?? [];
      fromScenario = true;
      break;
    }
  }
  const entry = handoverEntry(shares);
  const planEntry = handoverEntry(planShares);
  const partner = entry?.partner ?? planEntry?.partner ?? planShares[planShares.length - 1]?.partner ?? null;
  return { planShares, shares, fromScenario, month: entry?.from ?? null, planMonth: planEntry?.from ?? null, partner };
}

export type HandoverSetting =
  { readonly mode: 'plan' } | { readonly mode: 'off' } | { readonly mode: 'from'; readonly month: string; readonly partner?: string };

/** The taper list a setting gives: the plan's tapers up to the handover, then share 1. */
export function handoverShares(planShares: readonly PartnerShare[], setting: HandoverSetting): PartnerShare[] | null {
  if (setting.mode === 'plan') return [...planShares];
  const tapers = planShares.filter((s) => s.share !== 1);
  if (setting.mode === 'off') return tapers.length ? tapers : null;
  const partner = setting.partner ?? handoverEntry(planShares)?.partner ?? planShares[planShares.length - 1]?.partner ?? 'Partner';
  return [...tapers.filter((s) => s.from < setting.month), { from: setting.month, share: 1, partner }];
}

export function setHandoverEdit(plan: Plan, id: string, intervention: string, setting: HandoverSetting): PlanEdit {
  const { scenario } = scenarioOf(plan, id);
  const item = plan.interventions.find((i) => i.id === intervention);
  const name = item?.name ?? intervention;
  const value = setting.mode === 'plan' ? undefined : handoverShares(item?.partnerShares ?? [], setting);
  const words =
    setting.mode === 'plan' ? 'handover as in the plan' : setting.mode === 'off' ? 'no handover' : `handed over from ${setting.month}`;
  return { label: `${name}: ${words} in "${scenario.name}"`, ops: interventionField(plan, id, intervention, 'partnerShares', value) };
}

// ---- priority ----

export function priorityOf(plan: Plan, scenario: Scenario, intervention: string): { value: number | null; fromScenario: boolean } {
  const changes = scenario.changes ?? [];
  for (let i = changes.length - 1; i >= 0; i--) {
    const c = changes[i];
    if (isIntervention(c) && c.intervention === intervention && c.priority !== undefined) return { value: c.priority, fromScenario: true };
  }
  return { value: plan.interventions.find((i) => i.id === intervention)?.priority ?? null, fromScenario: false };
}

/** undefined: as in the plan. */
export function setPriorityEdit(plan: Plan, id: string, intervention: string, priority: number | undefined): PlanEdit {
  const { scenario } = scenarioOf(plan, id);
  const name = plan.interventions.find((i) => i.id === intervention)?.name ?? intervention;
  const words = priority === undefined ? 'priority as in the plan' : `priority ${priority}`;
  return { label: `${name}: ${words} in "${scenario.name}"`, ops: interventionField(plan, id, intervention, 'priority', priority) };
}

/** The path of a scenario's change for a stream allocation (to match problems to fields). */
export function streamChangePath(plan: Plan, id: string, stream: string, fy: string): (string | number)[] | null {
  const { scenario, index } = scenarioOf(plan, id);
  const ci = streamChangeIndex(scenario, stream, fy);
  return ci < 0 ? null : ['scenarios', index, 'changes', ci];
}

export function interventionChangePath(plan: Plan, id: string, intervention: string): (string | number)[] | null {
  const { scenario, index } = scenarioOf(plan, id);
  const ci = interventionChangeIndex(scenario, intervention);
  return ci < 0 ? null : ['scenarios', index, 'changes', ci];
}

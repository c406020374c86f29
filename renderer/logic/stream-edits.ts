// Builders for the Funding screen's stream commands (plan-format.md §2, §3.2, §9): kind and
// notes, adding and removing an allocation, deleting a stream with what refers to it, and an
// allocation's confirmation as one of its explicit choices. One user command, one PlanEdit.
import type { EditOp, PlanEdit } from '../../shared/edits';
import { dateLong } from '../../shared/format';
import { variableNameProblem } from '../../shared/names';
import { isFormula } from '../../shared/parse';
import type { Allocation, FundingStream, Plan } from '../../shared/plan';
import type { Uncertainty } from '../../shared/uncertainty/distributions';
import { expectedWords } from '../../shared/words';
import { addUncertaintyEdit, removeUncertaintyEdit, replaceUncertaintyEdit } from './uncertainty-edits';

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function setStreamKindEdit(plan: Plan, si: number, kind: FundingStream['kind']): PlanEdit {
  const stream = plan.fundingStreams[si];
  return {
    label: `${stream.name}: kind ${kind}`,
    ops: stream.kind === kind ? [] : [{ op: 'set', path: ['fundingStreams', si, 'kind'], value: kind }],
  };
}

/** Notes; empty takes them away. */
export function setStreamNotesEdit(plan: Plan, si: number, notes: string | undefined): PlanEdit {
  const stream = plan.fundingStreams[si];
  const value = notes?.trim() ? notes.trim() : undefined;
  return {
    label: `${stream.name}: notes`,
    ops: stream.notes === value ? [] : [{ op: 'set', path: ['fundingStreams', si, 'notes'], value }],
  };
}

/** An allocation for an FY of the horizon that has none, kept in FY order. */
export function addAllocationEdit(plan: Plan, si: number, fy: string, amount: number | string): PlanEdit {
  const stream = plan.fundingStreams[si];
  const label = `${stream.name}: add the ${fy} allocation`;
  if (stream.allocations.some((a) => a.fy === fy)) return { label, ops: [] };
  const index = stream.allocations.filter((a) => a.fy < fy).length;
  return { label, ops: [{ op: 'insert', path: ['fundingStreams', si, 'allocations'], index, value: { fy, amount } }] };
}

// ---- deleting a stream ----

/** A scenario change that names the stream: the scenario (by name) and the FY it changes. */
export interface StreamReference {
  readonly scenarioIndex: number;
  readonly changeIndex: number;
  readonly scenarioName: string;
  readonly fy: string;
}

/** What refers to a stream and goes with it: scenario changes (actuals never name a stream). */
export function streamReferences(plan: Plan, si: number): StreamReference[] {
  const id = plan.fundingStreams[si].id;
  const found: StreamReference[] = [];
  (plan.scenarios ?? []).forEach((scenario, scenarioIndex) => {
    (scenario.changes ?? []).forEach((change, changeIndex) => {
      if ('stream' in change && change.stream === id)
        found.push({ scenarioIndex, changeIndex, scenarioName: scenario.name, fy: change.fy });
    });
  });
  return found;
}

/** "its 2021/22 change in “Flat grant”", one per reference, for the confirmation. */
export function referenceWords(ref: StreamReference): string {
  return `the ${ref.fy} change in scenario “${ref.scenarioName}”`;
}

/** Removes the stream and every scenario change to it, as one edit. */
export function deleteStreamEdit(plan: Plan, si: number): PlanEdit {
  const stream = plan.fundingStreams[si];
  // Highest index first within each scenario, so earlier indices stay valid.
  const ops: EditOp[] = streamReferences(plan, si)
    .reverse()
    .map((ref) => ({ op: 'remove', path: ['scenarios', ref.scenarioIndex, 'changes'], index: ref.changeIndex }));
  ops.push({ op: 'remove', path: ['fundingStreams'], index: si });
  return { label: `Delete funding stream "${stream.name}"`, ops };
}

// ---- confirmation ----

/** The allocation's confirmation as the Funding screen offers it. */
export type Confirmation =
  | { readonly kind: 'fy-start' }
  | { readonly kind: 'date'; readonly date: string }
  | { readonly kind: 'delay'; readonly months: number }
  | { readonly kind: 'uncertain'; readonly formula: string; readonly variable: string | null };

export type ConfirmationKind = Confirmation['kind'];

/** A delay formula that is one variable ("=delay") names it; anything else is a formula of its own. */
export function delayVariable(formula: string): string | null {
  const m = /^=\s*([A-Za-z_][A-Za-z0-9_]*)\s*$/.exec(formula);
  return m ? m[1] : null;
}

/** Which choice an allocation holds: a delay beats a date (plan-format.md §3.2). */
export function confirmationOf(allocation: Allocation): Confirmation {
  const delay = allocation.confirmDelay;
  if (typeof delay === 'number') return { kind: 'delay', months: delay };
  if (isFormula(delay)) return { kind: 'uncertain', formula: delay, variable: delayVariable(delay) };
  if (allocation.confirmedOn) return { kind: 'date', date: allocation.confirmedOn };
  return { kind: 'fy-start' };
}

function allocationAt(plan: Plan, si: number, fy: string): { stream: FundingStream; ai: number; allocation: Allocation } {
  const stream = plan.fundingStreams[si];
  const ai = stream.allocations.findIndex((a) => a.fy === fy);
  if (ai < 0) throw new Error(`${stream.name} has no ${fy} allocation`);
  return { stream, ai, allocation: stream.allocations[ai] };
}

/** Ops that give the allocation exactly these confirmation fields (undefined takes one away). */
function confirmationOps(
  si: number,
  ai: number,
  allocation: Allocation,
  fields: Pick<Allocation, 'confirmedOn' | 'confirmDelay'>,
): EditOp[] {
  const ops: EditOp[] = [];
  for (const key of ['confirmedOn', 'confirmDelay'] as const) {
    if (sameJson(allocation[key], fields[key])) continue;
    ops.push({ op: 'set', path: ['fundingStreams', si, 'allocations', ai, key], value: fields[key] });
  }
  return ops;
}

/** Known from April, confirmed on a date, or expected N months after April (which replaces the date). */
export function setConfirmationEdit(plan: Plan, si: number, fy: string, choice: Exclude<Confirmation, { kind: 'uncertain' }>): PlanEdit {
  const { stream, ai, allocation } = allocationAt(plan, si, fy);
  const name = `${stream.name} ${fy}`;
  switch (choice.kind) {
    case 'fy-start':
      return {
        label: `${name}: known from April (no confirmation)`,
        ops: confirmationOps(si, ai, allocation, { confirmedOn: undefined, confirmDelay: undefined }),
      };
    case 'date':
      return {
        label: `${name}: confirmed on ${dateLong(choice.date)}`,
        ops: confirmationOps(si, ai, allocation, { confirmedOn: choice.date, confirmDelay: undefined }),
      };
    case 'delay':
      return {
        label: `${name}: confirmation ${expectedWords(choice.months)}`,
        ops: confirmationOps(si, ai, allocation, { confirmedOn: undefined, confirmDelay: choice.months }),
      };
  }
}

/** An uncertain confirmation: the variable the delay names, its plan default and its draws. */
export interface UncertainConfirmation {
  readonly variable: string;
  /**
   * The plan variable's value: the months expected when nothing is drawn (Base, Scenarios); a
   * formula (a by-year table from the Plan screen) is kept as it is, never replaced by a number.
   */
  readonly expected: number | string;
  /** Months after April that a draw picks from, and their weights (equal when left out). */
  readonly months: readonly number[];
  readonly weights?: readonly number[];
  /** The scenarios whose risk draws pick the delay. */
  readonly scenarioIds: readonly string[];
}

/**
 * Why a name cannot carry this allocation's uncertain delay: not a variable name, or a variable
 * the plan already has for something else (its value and draws would be overwritten). The
 * allocation's own delay variable may be kept.
 */
export function uncertainVariableProblem(plan: Plan, si: number, fy: string, name: string): string | null {
  if (!name) return 'Name the variable the delay is drawn as';
  const problem = variableNameProblem(name);
  if (problem) return problem;
  const current = confirmationOf(allocationAt(plan, si, fy).allocation);
  const own = current.kind === 'uncertain' ? current.variable : null;
  return name !== own && variableTaken(plan, name)
    ? `${name} is already a variable of the plan; choose another name, so its value and draws stay as they are`
    : null;
}

function variableTaken(plan: Plan, name: string): boolean {
  if (plan.variables && Object.hasOwn(plan.variables, name)) return true;
  return (plan.scenarios ?? []).some(
    (s) => (s.variables && Object.hasOwn(s.variables, name)) || (s.uncertainty ?? []).some((u) => u.variable === name),
  );
}

/** A fresh variable name for the stream's delay: "youthFundDelay", else "youthFundDelay2"… */
export function suggestDelayVariable(plan: Plan, si: number): string {
  const words = plan.fundingStreams[si].id.split('-').filter(Boolean);
  const stem = words.map((w, i) => (i === 0 ? w : w[0].toUpperCase() + w.slice(1))).join('');
  const base = `${/^[a-z_]/i.test(stem) ? stem : `s${stem}`}Delay`;
  for (let n = 1; ; n++) {
    const name = n === 1 ? base : `${base}${n}`;
    if (!variableTaken(plan, name) && !variableNameProblem(name)) return name;
  }
}

/** What the uncertain form starts from: the allocation's own variable and draws, else a suggestion. */
export function uncertainConfirmationOf(plan: Plan, si: number, fy: string, scenarioInView: string): UncertainConfirmation {
  const { allocation } = allocationAt(plan, si, fy);
  const current = confirmationOf(allocation);
  const variable = (current.kind === 'uncertain' && current.variable) || suggestDelayVariable(plan, si);
  const own = plan.variables?.[variable];
  const expected = own !== undefined ? own : current.kind === 'delay' ? current.months : 0;
  const drawn = (plan.scenarios ?? []).flatMap((s) =>
    (s.uncertainty ?? []).filter((u) => u.variable === variable && u.dist === 'discrete').map((u) => ({ id: s.id, u })),
  );
  const first = drawn[0]?.u;
  const inView = (plan.scenarios ?? []).some((s) => s.id === scenarioInView) ? [scenarioInView] : [];
  return {
    variable,
    expected,
    months: first && first.dist === 'discrete' ? first.values : [typeof expected === 'number' ? expected : 0],
    weights: first && first.dist === 'discrete' ? first.weights : undefined,
    scenarioIds: drawn.length ? drawn.map((d) => d.id) : inView,
  };
}

/**
 * The delay becomes "=variable" (replacing any date), the variable's plan value the expected
 * months, and each picked scenario draws it from the listed months; a listed-values draw of the
 * same variable in a scenario not picked is taken away. One edit.
 */
export function setUncertainConfirmationEdit(plan: Plan, si: number, fy: string, u: UncertainConfirmation): PlanEdit {
  const { stream, ai, allocation } = allocationAt(plan, si, fy);
  const ops = confirmationOps(si, ai, allocation, { confirmedOn: undefined, confirmDelay: `=${u.variable}` });
  if (!plan.variables) ops.push({ op: 'set', path: ['variables'], value: { [u.variable]: u.expected } });
  else if (plan.variables[u.variable] !== u.expected) ops.push({ op: 'set', path: ['variables', u.variable], value: u.expected });
  const entry: Uncertainty = {
    variable: u.variable,
    dist: 'discrete',
    values: [...u.months],
    ...(u.weights && u.weights.length ? { weights: [...u.weights] } : {}),
  };
  for (const scenario of plan.scenarios ?? []) {
    const k = (scenario.uncertainty ?? []).findIndex((x) => x.variable === u.variable);
    if (u.scenarioIds.includes(scenario.id)) {
      if (k < 0) ops.push(...addUncertaintyEdit(plan, scenario.id, entry).ops);
      else if (!sameJson(scenario.uncertainty![k], entry)) ops.push(...replaceUncertaintyEdit(plan, scenario.id, k, entry).ops);
    } else if (k >= 0 && scenario.uncertainty![k].dist === 'discrete') {
      ops.push(...removeUncertaintyEdit(plan, scenario.id, k).ops);
    }
  }
  const expectedText = typeof u.expected === 'number' ? expectedWords(u.expected) : `expected as ${u.expected}`;
  return { label: `${stream.name} ${fy}: confirmation uncertain (${u.variable}), ${expectedText}`, ops };
}

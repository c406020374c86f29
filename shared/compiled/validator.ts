// Validation of one plan after another (the app's worker: every edit sends the whole plan).
// Each gives exactly validatePlan's answer; what the previous valid plan already proved is
// not proved again: its funding streams, interventions and scenarios that are unchanged are
// taken as parsed before, and the compiled plan resolves only what the edit reaches.
import { FundingStreamSchema, InterventionSchema, PlanSchema, ScenarioSchema, type Plan } from '../plan';
import { validateCompiled, type Validation } from '../validate';
import { CompiledPlan } from './compile';
import { sameJson } from './same-json';

interface Valid {
  /** A copy of the input, so that a caller changing its own object afterwards changes nothing here. */
  readonly raw: Record<string, unknown>;
  readonly compiled: CompiledPlan;
}

type Schema = typeof FundingStreamSchema | typeof InterventionSchema | typeof ScenarioSchema;

const LISTS: readonly [key: 'fundingStreams' | 'interventions' | 'scenarios', schema: Schema][] = [
  ['fundingStreams', FundingStreamSchema],
  ['interventions', InterventionSchema],
  ['scenarios', ScenarioSchema],
];

/** A deep copy (the structured clone of workers and Node). */
const copy = <T>(value: T): T => (globalThis as unknown as { structuredClone: <V>(v: V) => V }).structuredClone(value);

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

export class PlanValidator {
  private last: Valid | null = null;

  validate(input: unknown): { validation: Validation; compiled: CompiledPlan | null } {
    const last = this.last;
    const parsed = last ? parseAgainst(input, last) : null;
    const compile = (plan: Plan) => (last ? last.compiled.withEdit(plan) : CompiledPlan.of(plan));
    const outcome = validateCompiled(input, compile, parsed ?? undefined);
    if (outcome.compiled && isRecord(input)) this.last = { raw: copy(input), compiled: outcome.compiled };
    return outcome;
  }
}

/**
 * The plan as PlanSchema.parse gives it, or null when that is not shown here (then the
 * whole input is parsed). The schema is a strict object whose lists are checked entry by
 * entry: it passes exactly when the object without its lists passes and every entry
 * passes, and parses each entry alone as it does in the list.
 */
function parseAgainst(input: unknown, last: Valid): Plan | null {
  if (!isRecord(input)) return null;
  const shell: Record<string, unknown> = { ...input };
  for (const [key] of LISTS) {
    if (!(key in input)) continue;
    if (!Array.isArray(input[key])) return null;
    shell[key] = [];
  }
  const top = PlanSchema.safeParse(shell);
  if (!top.success) return null;
  const plan: Record<string, unknown> = { ...top.data };
  const before = last.compiled.plan as unknown as Record<string, unknown>;
  for (const [key, schema] of LISTS) {
    if (!(key in input)) continue;
    const entries = input[key] as unknown[];
    const raws = Array.isArray(last.raw[key]) ? (last.raw[key] as unknown[]) : [];
    const parsedBefore = Array.isArray(before[key]) ? (before[key] as unknown[]) : [];
    const out: unknown[] = [];
    for (let i = 0; i < entries.length; i++) {
      if (i < raws.length && i < parsedBefore.length && sameJson(entries[i], raws[i])) {
        out.push(parsedBefore[i]);
        continue;
      }
      const entry = schema.safeParse(entries[i]);
      if (!entry.success) return null;
      out.push(entry.data);
    }
    plan[key] = out;
  }
  return plan as unknown as Plan;
}

// Builders for edits of the plan itself (Funding and Interventions screens): one user
// command, one PlanEdit. Builders return an edit with no ops when there is nothing to do.
import type { EditOp, PlanEdit } from '../../shared/edits';
import { ALLOCATION_FIELDS, INTERVENTION_FIELDS, STREAM_FIELDS, type InterventionFieldKey } from '../../shared/fields';
import { idFromName } from '../../shared/parse';
import type { FundingStream, Intervention, PartnerShare, Plan } from '../../shared/plan';
import { followingId } from '../../shared/rename-id';

export type InterventionField = Exclude<InterventionFieldKey, 'id'>;

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Sets a field of an intervention; undefined takes an optional field away. A new name may take the id with it (followingId). */
export function setInterventionFieldEdit(plan: Plan, index: number, field: InterventionField, value: unknown): PlanEdit {
  const item = plan.interventions[index];
  const label = `${item.name}: ${INTERVENTION_FIELDS[field].noun}`;
  if (sameJson((item as Record<string, unknown>)[field], value)) return { label, ops: [] };
  const ops: EditOp[] = [{ op: 'set', path: ['interventions', index, field], value }];
  const id = field === 'name' && typeof value === 'string' ? followingId(plan, 'intervention', index, value) : null;
  if (id) ops.push({ op: 'set', path: ['interventions', index, 'id'], value: id });
  return { label, ops };
}

export function setPartnerSharesEdit(plan: Plan, index: number, shares: readonly PartnerShare[]): PlanEdit {
  const item = plan.interventions[index];
  const value = shares.length ? [...shares].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0)) : undefined;
  return {
    label: `${item.name}: partner contributions`,
    ops: sameJson(item.partnerShares, value) ? [] : [{ op: 'set', path: ['interventions', index, 'partnerShares'], value }],
  };
}

export function setTransitionEdit(plan: Plan, index: number, transition: { to: string; capacity: number } | undefined): PlanEdit {
  const item = plan.interventions[index];
  return {
    label: `${item.name}: transition route`,
    ops: sameJson(item.transition, transition) ? [] : [{ op: 'set', path: ['interventions', index, 'transition'], value: transition }],
  };
}

/** A new intervention with sensible defaults, at the end of the list. */
export function addInterventionEdit(plan: Plan, name = 'New intervention'): { edit: PlanEdit; id: string } {
  const id = idFromName(
    name,
    plan.interventions.map((i) => i.id),
  );
  const priority = Math.max(0, ...plan.interventions.map((i) => i.priority)) + 1;
  const value: Intervention = { id, name, category: 'commissioned', annualCost: 0, noticeMonths: 0, serviceUsers: 0, priority };
  return {
    id,
    edit: {
      label: `Add intervention "${name}"`,
      ops: [{ op: 'insert', path: ['interventions'], index: plan.interventions.length, value }],
    },
  };
}

/** Removes an intervention and every reference to it (ring-fences, scenario changes). */
export function deleteInterventionEdit(plan: Plan, index: number): PlanEdit {
  const item = plan.interventions[index];
  const ops: EditOp[] = [];
  plan.fundingStreams.forEach((stream, si) => {
    const list = stream.restrictedTo;
    if (list?.includes(item.id))
      ops.push({ op: 'set', path: ['fundingStreams', si, 'restrictedTo'], value: list.filter((id) => id !== item.id) });
  });
  (plan.scenarios ?? []).forEach((scenario, si) => {
    const changes = scenario.changes ?? [];
    // Highest index first, so earlier indices stay valid.
    for (let ci = changes.length - 1; ci >= 0; ci--) {
      const c = changes[ci] as { intervention?: string };
      if (c.intervention === item.id) ops.push({ op: 'remove', path: ['scenarios', si, 'changes'], index: ci });
    }
  });
  ops.push({ op: 'remove', path: ['interventions'], index });
  return { label: `Delete intervention "${item.name}"`, ops };
}

// ---- funding ----

export type AllocationField = 'amount' | 'confirmedOn';

/** Sets an allocation's amount or confirmation; an amount for an FY without one adds it. */
export function setAllocationEdit(plan: Plan, streamIndex: number, fy: string, field: AllocationField, value: unknown): PlanEdit {
  const stream = plan.fundingStreams[streamIndex];
  const ai = stream.allocations.findIndex((a) => a.fy === fy);
  const label = `${stream.name} ${fy}: ${ALLOCATION_FIELDS[field].noun}`;
  if (ai < 0) {
    if (field !== 'amount' || value === undefined) return { label, ops: [] };
    const allocations = [...stream.allocations, { fy, amount: value as number | string }].sort((a, b) => (a.fy < b.fy ? -1 : 1));
    return { label, ops: [{ op: 'set', path: ['fundingStreams', streamIndex, 'allocations'], value: allocations }] };
  }
  const current = (stream.allocations[ai] as Record<string, unknown>)[field];
  if (sameJson(current, value)) return { label, ops: [] };
  return { label, ops: [{ op: 'set', path: ['fundingStreams', streamIndex, 'allocations', ai, field], value }] };
}

export function removeAllocationEdit(plan: Plan, streamIndex: number, fy: string): PlanEdit {
  const stream = plan.fundingStreams[streamIndex];
  const ai = stream.allocations.findIndex((a) => a.fy === fy);
  return {
    label: `${stream.name}: remove the ${fy} allocation`,
    ops: ai < 0 ? [] : [{ op: 'remove', path: ['fundingStreams', streamIndex, 'allocations'], index: ai }],
  };
}

export function setRingFenceEdit(plan: Plan, streamIndex: number, ids: readonly string[] | undefined): PlanEdit {
  const stream = plan.fundingStreams[streamIndex];
  const value = ids && ids.length ? [...ids] : undefined;
  return {
    label: `${stream.name}: ring-fence`,
    ops: sameJson(stream.restrictedTo, value) ? [] : [{ op: 'set', path: ['fundingStreams', streamIndex, 'restrictedTo'], value }],
  };
}

export function setConditionEdit(plan: Plan, streamIndex: number, minShare: number | string | undefined): PlanEdit {
  const stream = plan.fundingStreams[streamIndex];
  const value = minShare === undefined ? undefined : { ...(stream.conditions ?? {}), minCommissionedShare: minShare };
  return {
    label: `${stream.name}: ${STREAM_FIELDS.minCommissionedShare.noun}`,
    ops: sameJson(stream.conditions, value) ? [] : [{ op: 'set', path: ['fundingStreams', streamIndex, 'conditions'], value }],
  };
}

/** Sets a stream's name or funder; a new name may take the id with it (followingId). */
export function setStreamTextEdit(plan: Plan, streamIndex: number, field: 'name' | 'funder', value: string): PlanEdit {
  const stream = plan.fundingStreams[streamIndex];
  const label = `${stream.name}: ${STREAM_FIELDS[field].noun}`;
  if (stream[field] === value) return { label, ops: [] };
  const ops: EditOp[] = [{ op: 'set', path: ['fundingStreams', streamIndex, field], value }];
  const id = field === 'name' ? followingId(plan, 'stream', streamIndex, value) : null;
  if (id) ops.push({ op: 'set', path: ['fundingStreams', streamIndex, 'id'], value: id });
  return { label, ops };
}

export function addStreamEdit(
  plan: Plan,
  name = 'New funding stream',
  details: { funder?: string; kind?: FundingStream['kind'] } = {},
): PlanEdit {
  const id = idFromName(
    name,
    plan.fundingStreams.map((s) => s.id),
  );
  return {
    label: `Add funding stream "${name}"`,
    ops: [
      {
        op: 'insert',
        path: ['fundingStreams'],
        index: plan.fundingStreams.length,
        value: { id, name, funder: details.funder || 'Funder', kind: details.kind ?? 'grant', allocations: [] },
      },
    ],
  };
}

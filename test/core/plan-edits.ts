// Edits of a plan, each a copy with one thing changed (the input is untouched): the kinds a
// person or the app makes, and some that break the plan, for tests of resolving and
// validating one plan after another.
import { formatMonth, parseMonth } from '../../shared/months';
import type { Plan } from '../../shared/plan';

export type Edit = (plan: Plan, pick: number) => Plan;

const at = <T>(list: readonly T[], pick: number): number => pick % list.length;

/** Kinds of edit a person (or the app) makes, each a copy of the plan with one thing changed. */
export const EDITS: Record<string, Edit> = {
  annualCost: (plan, pick) => {
    const interventions = plan.interventions.slice();
    const i = at(interventions, pick);
    interventions[i] = { ...interventions[i], annualCost: 10_000 + (pick % 977) * 13.37 };
    return { ...plan, interventions };
  },
  costFormula: (plan, pick) => {
    const interventions = plan.interventions.slice();
    const i = at(interventions, pick);
    interventions[i] = { ...interventions[i], annualCost: `=${20_000 + pick} * grantLevel * (1 + uplift) ^ fy` };
    return { ...plan, interventions };
  },
  planVariable: (plan, pick) => ({ ...plan, variables: { ...plan.variables, grantLevel: [0.5, 0.8, 1, 1.2][pick % 4] } }),
  variableFormula: (plan, pick) => ({ ...plan, variables: { ...plan.variables, uplift: pick % 2 ? '=grantLevel / 50' : 0.03 } }),
  newVariable: (plan, pick) => ({ ...plan, variables: { ...plan.variables, extra: pick % 3 } }),
  scenarioVariable: (plan, pick) => {
    if (!plan.scenarios?.length) return plan;
    const scenarios = plan.scenarios.slice();
    const s = at(scenarios, pick);
    scenarios[s] = { ...scenarios[s], variables: { ...scenarios[s].variables, grantLevel: 0.5 + (pick % 5) / 10 } };
    return { ...plan, scenarios };
  },
  allocation: (plan, pick) => {
    const fundingStreams = plan.fundingStreams.slice();
    const s = at(fundingStreams, pick);
    const allocations = fundingStreams[s].allocations.slice();
    if (allocations.length === 0) return plan;
    const a = at(allocations, pick);
    allocations[a] = { ...allocations[a], amount: pick % 2 ? 123_456.78 : '=400000 * grantLevel' };
    fundingStreams[s] = { ...fundingStreams[s], allocations };
    return { ...plan, fundingStreams };
  },
  addChange: (plan, pick) => {
    if (!plan.scenarios?.length) return plan;
    const scenarios = plan.scenarios.slice();
    const s = at(scenarios, pick);
    const target = plan.interventions[at(plan.interventions, pick)];
    const change = { intervention: target.id, annualCost: '=base * 0.9', noticeMonths: pick % 4 };
    scenarios[s] = { ...scenarios[s], changes: [...(scenarios[s].changes ?? []), change] };
    return { ...plan, scenarios };
  },
  dropChange: (plan, pick) => {
    const scenarios = (plan.scenarios ?? []).slice();
    const s = scenarios.findIndex((sc) => (sc.changes ?? []).length > 0);
    if (s < 0) return plan;
    const changes = scenarios[s].changes!.slice();
    changes.splice(at(changes, pick), 1);
    scenarios[s] = { ...scenarios[s], changes };
    return { ...plan, scenarios };
  },
  removeIntervention: (plan, pick) => {
    const interventions = plan.interventions.slice();
    interventions.splice(at(interventions, pick), 1);
    return { ...plan, interventions };
  },
  moveIntervention: (plan, pick) => {
    const interventions = plan.interventions.slice();
    const [item] = interventions.splice(at(interventions, pick), 1);
    interventions.unshift(item);
    return { ...plan, interventions };
  },
  horizon: (plan, pick) => ({ ...plan, horizon: { ...plan.horizon, months: Math.max(13, plan.horizon.months - 1 - (pick % 12)) } }),
  horizonStart: (plan) => ({ ...plan, horizon: { ...plan.horizon, start: formatMonth(parseMonth(plan.horizon.start) + 1) } }),
  negativeCost: (plan, pick) => {
    const interventions = plan.interventions.slice();
    const i = at(interventions, pick);
    interventions[i] = { ...interventions[i], annualCost: '=-5 * grantLevel' };
    return { ...plan, interventions };
  },
  unknownName: (plan, pick) => {
    const interventions = plan.interventions.slice();
    const i = at(interventions, pick);
    interventions[i] = { ...interventions[i], exitCost: '=nowhere * 2' };
    return { ...plan, interventions };
  },
  cycle: (plan) => ({ ...plan, variables: { ...plan.variables, grantLevel: '=uplift * 40', uplift: '=grantLevel / 40' } }),
  actuals: (plan, pick) => ({
    ...plan,
    actuals: {
      asAt: plan.horizon.start,
      spend: [{ intervention: plan.interventions[at(plan.interventions, pick)].id, month: plan.horizon.start, amount: 1234.5 + pick }],
    },
  }),
  copy: (plan) => structuredClone(plan),
};

/** Edits that break the plan's structure: validation must refuse them as a first validation does. */
export const BREAKING_EDITS: Record<string, Edit> = {
  unknownField: (plan, pick) => {
    const interventions = plan.interventions.slice();
    const i = at(interventions, pick);
    interventions[i] = { ...interventions[i], colour: 'red' } as never;
    return { ...plan, interventions };
  },
  badMonth: (plan, pick) => {
    const interventions = plan.interventions.slice();
    const i = at(interventions, pick);
    interventions[i] = { ...interventions[i], start: '2021-13' };
    return { ...plan, interventions };
  },
  repeatedId: (plan) => ({ ...plan, interventions: [...plan.interventions, plan.interventions[0]] }),
  badScenario: (plan) => ({ ...plan, scenarios: [...(plan.scenarios ?? []), { id: 'x', name: 'X', stance: 'sideways' } as never] }),
  noStreams: (plan) => {
    const copy: Partial<Plan> = { ...plan };
    delete copy.fundingStreams;
    return copy as Plan;
  },
};

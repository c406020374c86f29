// The plans the uncertainty suites share: the demo plan with uncertain variables, and a
// two-service plan whose partner may take one service over.
import type { Plan } from '../../shared/plan';
import { formatProblem } from '../../shared/resolve';
import { validatePlan } from '../../shared/validate';
import { DEMO_PLAN_PATH, intervention, plan, readJson, stream } from '../core/helpers';

/** The plan `raw` validated; a test that gets an invalid one fails with its problems. */
export function valid(raw: unknown): Plan {
  const validation = validatePlan(raw);
  if (!validation.ok) throw new Error(validation.problems.map(formatProblem).join('\n'));
  return validation.plan;
}

/** The demo plan (as JSON) with the 2021/22 grant level and its month of confirmation uncertain. */
export function uncertainDemoJson() {
  const raw = readJson(DEMO_PLAN_PATH);
  raw.scenarios.push({
    id: 'uncertain',
    name: 'Grant level and confirmation uncertain',
    uncertainty: [
      { variable: 'grantLevel', dist: 'triangular', min: 0.6, mode: 1, max: 1 },
      { variable: 'delay', dist: 'discrete', values: [0, 1, 2, 3], weights: [4, 3, 2, 1] },
    ],
    changes: [{ stream: 'ho-core', fy: '2021/22', confirmDelay: '=delay' }],
  });
  return raw;
}

/**
 * A plan as JSON. 2022/23 has £60,000 known from April: a (£60,000) takes it all. b costs
 * £48,000 unless its partner takes it over from April 2022 (handover = 1, drawn from the
 * distribution `handover`): then it costs the plan nothing, is funded and transitions;
 * otherwise it closes.
 */
export function handoverPlanJson(handover: Record<string, unknown>) {
  return plan({
    fundingStreams: [
      stream('core', [
        { fy: '2021/22', amount: 120000, confirmedOn: '2021-03-01' },
        { fy: '2022/23', amount: 60000, confirmedOn: '2022-04-01' },
      ]),
    ],
    interventions: [intervention('a', 60000, 1, { serviceUsers: 50 }), intervention('b', 48000, 2, { noticeMonths: 3, serviceUsers: 30 })],
    scenarios: [
      {
        id: 'maybe',
        name: 'CCG may take b over',
        uncertainty: [{ variable: 'handover', ...handover }],
        changes: [{ intervention: 'b', partnerShares: [{ from: '2022-04', share: '=handover', partner: 'CCG' }] }],
      },
    ],
  });
}

/** Section 4's core stream with the 2022/23 grant £60,000 × the variable `level`, and a 20% commissioned condition. */
export function levelledCoreStream() {
  return stream(
    'core',
    [
      { fy: '2021/22', amount: 120000, confirmedOn: '2021-03-01' },
      { fy: '2022/23', amount: '=60000 * level', confirmedOn: '2022-06-10' },
    ],
    { conditions: { minCommissionedShare: 0.2 } },
  );
}

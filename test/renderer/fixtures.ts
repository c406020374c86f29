// Small plans for the renderer's logic tests, and the demo plan.
import demo from '../../shared/demo/wmvru-plan.json';
import type { Plan } from '../../shared/plan';

export const demoPlan = (): Plan => JSON.parse(JSON.stringify(demo)) as Plan;

/** The spec's worked example (section 4): three services, one stream, wait against prudent. */
export const workedExample = (): Plan => ({
  format: 'headroom-plan',
  version: 1,
  name: 'Worked example: wait against prudent',
  horizon: { start: '2021-04', months: 24 },
  underwriting: { by: 'OPCC', limit: 50000 },
  fundingStreams: [
    {
      id: 'core', name: 'Core grant', funder: 'Home Office', kind: 'grant',
      conditions: { minCommissionedShare: 0.2 },
      allocations: [
        { fy: '2021/22', amount: 120000, confirmedOn: '2021-03-01' },
        { fy: '2022/23', amount: 60000, confirmedOn: '2022-06-10' },
      ],
    },
  ],
  interventions: [
    { id: 'a', name: 'Service A', category: 'commissioned', annualCost: 60000, priority: 1, noticeMonths: 3, serviceUsers: 50 },
    { id: 'b', name: 'Service B', category: 'commissioned', annualCost: 48000, priority: 2, noticeMonths: 3, exitCost: 6000, serviceUsers: 30, transition: { to: 'Early help', capacity: 10 } },
    { id: 'c', name: 'Central team', category: 'central', annualCost: 12000, priority: 3, noticeMonths: 1 },
  ],
  scenarios: [{ id: 'prudent', name: 'Serve notice unless confirmed', stance: 'prudent', changes: [] }],
});

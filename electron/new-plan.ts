// The plan a "New plan" starts from: three FYs from the current one, nothing in it yet.
import { formatMonth, fyOfMonth, fyStart } from '../shared/months';
import type { Plan } from '../shared/plan';

export function blankPlan(today: Date): Plan {
  const month = today.getFullYear() * 12 + today.getMonth();
  return {
    format: 'headroom-plan',
    version: 1,
    name: 'New plan',
    horizon: { start: formatMonth(fyStart(fyOfMonth(month))), months: 36 },
    underwriting: { by: 'Underwriter', limit: 0 },
    fundingStreams: [],
    interventions: [],
    scenarios: [],
  };
}

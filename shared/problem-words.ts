// A problem's place in words for people, as the app's banners show it: "Youth outreach:
// annual cost", "Serious Violence Fund 2021/22: amount", never `interventions[11].annualCost`.
// The nouns are the field tables' (shared/fields); the CLI keeps the file's own spelling.
import { ALLOCATION_FIELDS, INTERVENTION_FIELDS, STREAM_FIELDS } from './fields';
import type { Plan } from './plan';
import { formatProblem, type PlanProblem } from './problem';

type Nouns = Record<string, { readonly noun: string }>;

function noun(fields: Nouns, key: string | undefined): string {
  if (!key) return '';
  return Object.hasOwn(fields, key) ? fields[key].noun : key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

/** The place of a path in words, or null when it names nothing the plan has. */
export function placeInWords(plan: Plan, path: string): string | null {
  const item = /^interventions\[(\d+)\](?:\.([A-Za-z]+))?/.exec(path);
  if (item) {
    const found = plan.interventions[Number(item[1])];
    return found ? `${found.name}${item[2] ? `: ${noun(INTERVENTION_FIELDS as Nouns, item[2])}` : ''}` : null;
  }
  const allocation = /^fundingStreams\[(\d+)\]\.allocations\[(\d+)\](?:\.([A-Za-z]+))?/.exec(path);
  if (allocation) {
    const stream = plan.fundingStreams[Number(allocation[1])];
    const found = stream?.allocations[Number(allocation[2])];
    if (!stream || !found) return null;
    return `${stream.name} ${found.fy}${allocation[3] ? `: ${noun(ALLOCATION_FIELDS as Nouns, allocation[3])}` : ''}`;
  }
  const stream = /^fundingStreams\[(\d+)\](?:\.([A-Za-z]+))?/.exec(path);
  if (stream) {
    const found = plan.fundingStreams[Number(stream[1])];
    return found ? `${found.name}${stream[2] ? `: ${noun(STREAM_FIELDS as Nouns, stream[2])}` : ''}` : null;
  }
  const scenario = /^scenarios\[(\d+)\](?:\.(.+))?/.exec(path);
  if (scenario) {
    const found = plan.scenarios?.[Number(scenario[1])];
    return found ? `Scenario “${found.name}”${scenario[2] ? `: ${scenario[2]}` : ''}` : null;
  }
  return null;
}

/** "Youth outreach: annual cost: unknown name "fte"", or the file's spelling where the plan has no such place. */
export function problemInWords(plan: Plan | null, problem: PlanProblem): string {
  const place = plan ? placeInWords(plan, problem.path) : null;
  if (!place) return formatProblem(problem);
  return `${place}: ${problem.message}${problem.scenario ? ` (scenario "${problem.scenario}")` : ''}`;
}

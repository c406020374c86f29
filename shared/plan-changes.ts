// What changed between two whole plans (a document's plan and the plan imported over it), in
// words: the inputs of base that differ (shared/input-changes.ts), then for each other scenario
// both plans have, the differences base does not already show, named with the scenario, then
// the scenarios added and removed. [] when every input of every scenario is the same.
import { inputChanges, type InputChange } from './input-changes';
import type { Plan } from './plan';
import { validPlan } from './valid-plan';

export function planChanges(before: Plan, after: Plan): InputChange[] {
  const then = validPlan(before, 'the plan before');
  const now = validPlan(after, 'the plan after');
  const [baseThen, ...othersThen] = then.scenarios;
  const [baseNow, ...othersNow] = now.scenarios;
  const changes = inputChanges(baseThen, baseNow, then.plan, now.plan);
  const seen = new Set(changes.map((c) => c.text));
  for (const scenario of othersNow) {
    const was = othersThen.find((s) => s.id === scenario.id);
    if (!was) continue;
    for (const change of inputChanges(was, scenario, then.plan, now.plan)) {
      if (seen.has(change.text)) continue;
      changes.push({ ...change, text: `In "${scenario.name}": ${change.text}` });
    }
  }
  for (const s of othersNow)
    if (!othersThen.some((t) => t.id === s.id)) changes.push({ kind: 'scenario', subject: s.id, text: `Added scenario: ${s.name}` });
  for (const s of othersThen)
    if (!othersNow.some((t) => t.id === s.id)) changes.push({ kind: 'scenario', subject: s.id, text: `Removed scenario: ${s.name}` });
  return changes;
}

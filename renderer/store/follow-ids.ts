// What the person is looking at follows a renamed id (a rename, its undo or redo): the
// scenario in view and being edited, Compare's ticks, the risk scenario and the selected
// intervention. (A scenario's last risk runs stay under its old id: run again.)
import type { Plan } from '../../shared/plan';
import { renamedIds } from '../../shared/rename-id';
import type { Store } from './store';

type FollowedView = Pick<Store, 'scenarioId' | 'editingScenarioId' | 'compareIds' | 'riskScenarioId' | 'selectedInterventionId'>;

/** The view with renamed ids followed, or null when no id was renamed. */
export function followRenamedIds(before: Plan, after: Plan, s: Store): FollowedView | null {
  if (before === after) return null;
  const renamed = renamedIds(before, after);
  const scenarios = renamed.scenario;
  const interventions = renamed.intervention;
  if (scenarios.size === 0 && interventions.size === 0) return null;
  const to = (id: string) => scenarios.get(id) ?? id;
  return {
    scenarioId: to(s.scenarioId),
    editingScenarioId: s.editingScenarioId === null ? null : to(s.editingScenarioId),
    compareIds: scenarios.size ? s.compareIds.map(to) : s.compareIds,
    riskScenarioId: s.riskScenarioId === null ? null : to(s.riskScenarioId),
    selectedInterventionId:
      s.selectedInterventionId === null ? null : (interventions.get(s.selectedInterventionId) ?? s.selectedInterventionId),
  };
}

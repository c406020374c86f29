// Scenarios: create, duplicate, rename and delete them, and change what each assumes:
// grant level and confirmation date per FY, stance, handovers, priorities and variables.
// Sliders simulate a draft while they move; the edit is stored on release. The parts are
// in screens/scenarios/, one job each.
import { Empty, ScreenHeader } from '../components/common';
import { FyPicker } from '../components/FyPicker';
import { usePlan } from '../store/hooks';
import { useStore } from '../store/store';
import { ScenarioEditor } from './scenarios/ScenarioEditor';
import { ScenarioList } from './scenarios/ScenarioList';
import './scenarios/scenarios.css';

export function Scenarios() {
  const plan = usePlan();
  const editing = useStore((s) => s.editingScenarioId);
  const setEditing = useStore((s) => s.setEditingScenarioId);
  if (!plan) return null;
  const scenarios = plan.scenarios ?? [];
  const index = scenarios.findIndex((s) => s.id === editing);
  const current = index >= 0 ? scenarios[index] : (scenarios[0] ?? null);
  const currentIndex = index >= 0 ? index : 0;
  return (
    <div className="screen" data-testid="screen-scenarios">
      <ScreenHeader title="Scenarios" lede="What might happen to the funding, and how the unit would respond. Base is the plan as written.">
        <FyPicker />
      </ScreenHeader>
      <div className="scenario-layout">
        <ScenarioList plan={plan} selected={current?.id ?? null} onSelect={setEditing} />
        {current ? (
          <ScenarioEditor key={current.id} plan={plan} scenario={current} index={currentIndex} onSelect={setEditing} />
        ) : (
          <Empty>No scenarios yet. Create one to try a different grant level or confirmation date.</Empty>
        )}
      </div>
    </div>
  );
}

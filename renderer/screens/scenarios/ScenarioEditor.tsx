// One scenario's editor: its name, live result, levels and dates, stance, variables,
// break-even, handovers and priorities, each a component of its own.
import { useState } from 'react';
import type { Plan, Scenario } from '../../../shared/plan';
import { Breakeven } from '../../components/Breakeven';
import { Card } from '../../components/common';
import { plural } from '../../logic/format';
import { EditorHead } from './EditorHead';
import { GrantLevels } from './GrantLevels';
import { Handovers } from './Handovers';
import { LiveSummary } from './LiveSummary';
import { Priorities } from './Priorities';
import { StanceCard } from './StanceCard';
import { Variables } from './Variables';

export function ScenarioEditor(props: { plan: Plan; scenario: Scenario; index: number; onSelect: (id: string | null) => void }) {
  const { plan, scenario, index } = props;
  const [showPriorities, setShowPriorities] = useState(false);
  return (
    <div className="scenario-editor" data-testid="scenario-editor">
      <EditorHead plan={plan} scenario={scenario} index={index} onSelect={props.onSelect} />

      <LiveSummary scenarioId={scenario.id} />

      <Card
        title="Funding levels and confirmation dates"
        subtitle="Drag a slider to see the result at once; it is saved when you let go. 100% is the plan’s amount."
      >
        <GrantLevels plan={plan} scenario={scenario} />
      </Card>

      <div className="two-col">
        <StanceCard plan={plan} scenario={scenario} index={index} />
        <Card title="Variables" subtitle="Values that formulas in the plan use.">
          <Variables plan={plan} scenario={scenario} index={index} />
        </Card>
      </div>

      <Breakeven plan={plan} scenario={scenario} />

      <Card title="Handovers" subtitle="When a partner takes over the whole cost.">
        <Handovers plan={plan} scenario={scenario} />
      </Card>

      <Card title="Priorities" subtitle="1 is funded first; leave empty to keep the plan’s priority.">
        <details onToggle={(e) => setShowPriorities(e.currentTarget.open)}>
          <summary>Show priorities for {plural(plan.interventions.length, 'intervention')}</summary>
          {showPriorities ? <Priorities plan={plan} scenario={scenario} /> : null}
        </details>
      </Card>
    </div>
  );
}

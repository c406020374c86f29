// One stream's allocation for one FY in a scenario: its level (slider and number), the
// amount that gives, the confirmation date, and when the money is known as resolved.
import type { FundingStream, Plan, Scenario } from '../../../shared/plan';
import { InlineField } from '../../components/InlineField';
import { LevelControl } from '../../components/LevelControl';
import { dateLong } from '../../logic/format';
import { effectiveLevel, levelEdit, levelSourceOf, levelSourceWords } from '../../logic/level-source';
import { confirmationOf, grantLevelOf, setConfirmationEdit, streamChangePath } from '../../logic/scenario-edits';
import { readDate, valueText } from '../../logic/values';
import { previewEdit, resimulateStored } from '../../store/actions';
import { useReadOnly } from '../../store/hooks';
import { LevelAmount, ScenarioKnown, useAllocation } from './allocation-values';
import { resimulateIfNeeded, store } from './store-edit';

export function LevelCell(props: { plan: Plan; scenario: Scenario; stream: FundingStream; fyYear: number; fy: string }) {
  const { plan, scenario, stream, fyYear, fy } = props;
  const readOnly = useReadOnly();
  const planAllocation = stream.allocations.find((a) => a.fy === fy);
  const level = grantLevelOf(scenario, stream.id, fy);
  const source = levelSourceOf(plan, scenario, stream.id, fy);
  const amount = useAllocation(scenario.id, stream.id, fyYear)?.amount ?? null;
  const planAmount = useAllocation('base', stream.id, fyYear)?.amount ?? null;
  const edit = (l: number) => levelEdit(plan, scenario.id, stream.id, fy, source, l);
  const confirmation = confirmationOf(plan, scenario, stream.id, fy);
  const changePath = streamChangePath(plan, scenario.id, stream.id, fy);
  const testId = `level-${stream.id}-${fy}`;
  if (!planAllocation && level.kind === 'plan') {
    return <td className="muted">No allocation</td>;
  }
  return (
    <td className="level-cell">
      <LevelControl
        label={`${stream.name} ${fy} level`}
        level={effectiveLevel(source, amount, planAmount)}
        disabled={readOnly}
        testId={testId}
        onPreview={(l) => previewEdit(edit(l))}
        onCommit={(l) => store(edit(l)).then(() => resimulateIfNeeded())}
        onCancel={() => resimulateStored()}
      />
      <div className="muted small level-source" data-testid={`${testId}-source`}>
        {levelSourceWords(source)}
      </div>
      <LevelAmount scenarioId={scenario.id} stream={stream.id} fy={fyYear} testId={`${testId}-amount`} />
      {level.kind === 'custom' ? <div className="muted small">Set by a formula: {valueText(level.amount)}</div> : null}
      <InlineField
        label="Confirmed on"
        ariaLabel={`${stream.name} ${fy}: confirmed on`}
        size="medium"
        value={confirmation.date ? dateLong(confirmation.date) : ''}
        placeholder="No date"
        path={changePath ? [...changePath, 'confirmedOn'] : null}
        read={(t) => (t.trim() === '' ? { ok: true, value: null } : readDate(t))}
        edit={(v) => setConfirmationEdit(plan, scenario.id, stream.id, fy, v as string | null)}
        testId={`confirm-${stream.id}-${fy}`}
        hint={<span className="muted small">{confirmation.fromScenario ? 'this scenario' : 'as in the plan'}</span>}
      />
      <ScenarioKnown
        scenarioId={scenario.id}
        stream={stream.id}
        fy={fyYear}
        dateGiven={Boolean(confirmation.date)}
        testId={`known-${stream.id}-${fy}`}
      />
      {confirmation.fromScenario ? (
        <button
          type="button"
          className="link-button small"
          disabled={readOnly}
          onClick={() => void store(setConfirmationEdit(plan, scenario.id, stream.id, fy, undefined))}
        >
          Use the plan’s date
        </button>
      ) : null}
    </td>
  );
}

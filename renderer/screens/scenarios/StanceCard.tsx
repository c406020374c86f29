// What the unit does at a notice deadline before the year's funding is known, and how much
// the underwriter may cover a year.
import { useId } from 'react';
import type { Plan, Scenario } from '../../../shared/plan';
import { stanceLabel } from '../../../shared/words';
import { Card } from '../../components/common';
import { InlineField } from '../../components/InlineField';
import { setStanceEdit, setUnderwritingLimitEdit } from '../../logic/scenario-edits';
import { readAmount, valueText } from '../../logic/values';
import { useReadOnly } from '../../store/hooks';
import { store } from './store-edit';

const STANCES = [
  ['wait', stanceLabel('wait'), 'The underwriter covers the months until the grant is known; notice is served then if needed.'],
  ['prudent', stanceLabel('prudent'), 'At each deadline, notice goes to whatever the money known by then cannot fund.'],
] as const;

export function StanceCard(props: { plan: Plan; scenario: Scenario; index: number }) {
  const { plan, scenario, index } = props;
  const readOnly = useReadOnly();
  const stanceName = useId();
  return (
    <Card title="Stance" subtitle="What the unit does at a notice deadline before the year’s funding is known.">
      <fieldset className="radio-group">
        <legend className="visually-hidden">Stance</legend>
        {STANCES.map(([value, title, text]) => (
          <label key={value} className="radio">
            <input
              type="radio"
              name={stanceName}
              value={value}
              checked={(scenario.stance ?? 'wait') === value}
              disabled={readOnly}
              onChange={() => void store(setStanceEdit(plan, scenario.id, value))}
              data-testid={`stance-${value}`}
            />
            <span>
              <span className="radio-title">{title}</span>
              <span className="radio-text">{text}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <InlineField
        label="Underwriting limit a year"
        size="medium"
        align="right"
        value={valueText(scenario.underwriting?.limit)}
        placeholder={plan.underwriting ? `${valueText(plan.underwriting.limit)} (plan)` : '0'}
        path={['scenarios', index, 'underwriting', 'limit']}
        read={(t) => (t.trim() === '' ? { ok: true, value: undefined } : readAmount(t))}
        edit={(v) => setUnderwritingLimitEdit(plan, scenario.id, v as number | string | undefined)}
        hint={<span className="muted small">pounds; empty uses the plan’s</span>}
      />
    </Card>
  );
}

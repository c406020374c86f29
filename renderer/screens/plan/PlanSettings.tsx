// Plan: everything at the plan's top level (name, horizon, underwriting, notes) and the plan
// variables. Each field stores at once as one undoable edit; the validator refuses what breaks.
import { horizonInWords, outsideHorizon, variablesCountedFromStart } from '../../../shared/horizon';
import { monthName, parseMonth } from '../../../shared/months';
import { Card, ScreenHeader } from '../../components/common';
import { InlineField } from '../../components/InlineField';
import { fyLabel, money } from '../../logic/format';
import { poundsWords, setPlanFieldEdit } from '../../logic/plan-settings-edits';
import { readAmount, readMonth, readText, readWholeNumber, valueText, type Read } from '../../logic/values';
import { usePlan, useScenario } from '../../store/hooks';
import { PlanVariables } from './PlanVariables';
import './plan.css';

const requiredText = (t: string): Read<string> => (t.trim() ? { ok: true, value: t.trim() } : { ok: false, message: 'is required' });

export function PlanSettings() {
  const plan = usePlan();
  const { result } = useScenario('base');
  if (!plan) return null;
  const outside = outsideHorizon(plan);
  const byYear = variablesCountedFromStart(plan);
  const limit = plan.underwriting?.limit ?? 0;
  const limits = result?.years.map((y) => `${fyLabel(y.fy)} ${money(y.limit)}`) ?? [];
  return (
    <div className="screen plan-settings" data-testid="screen-plan">
      <ScreenHeader title="Plan" lede="The plan’s name, the years it covers, who underwrites it, and the variables its formulas use." />
      <div className="plan-cards">
        <Card title="About the plan">
          <div className="plan-fields">
            <InlineField
              label="Plan name"
              size="wide"
              value={plan.name}
              path={['name']}
              read={requiredText}
              edit={(v) => setPlanFieldEdit(plan, 'name', v)}
              testId="plan-field-name"
            />
            <InlineField
              label="Notes"
              size="wide"
              value={plan.notes ?? ''}
              placeholder="None"
              path={['notes']}
              read={(t) => readText(t)}
              edit={(v) => setPlanFieldEdit(plan, 'notes', v)}
              testId="plan-field-notes"
            />
          </div>
        </Card>
        <Card title="Horizon" subtitle={horizonInWords(plan.horizon)}>
          <div className="plan-fields">
            <InlineField
              label="First month"
              size="medium"
              value={plan.horizon.start}
              display={monthName(parseMonth(plan.horizon.start))}
              path={['horizon', 'start']}
              read={(t) => readMonth(t)}
              edit={(v) => setPlanFieldEdit(plan, 'horizon.start', v)}
              hint="a financial year starts in April"
              testId="plan-field-horizon-start"
            />
            <InlineField
              label="Months"
              size="narrow"
              align="right"
              value={String(plan.horizon.months)}
              path={['horizon', 'months']}
              read={(t) => readWholeNumber(t, 'a number of months')}
              edit={(v) => setPlanFieldEdit(plan, 'horizon.months', v)}
              hint="12 a year, up to 240"
              testId="plan-field-horizon-months"
            />
          </div>
          {byYear.length ? (
            <p className="hint" data-testid="horizon-by-year">
              {byYear.join(', ')} {byYear.length === 1 ? 'is' : 'are'} given by year from the first FY: moving the first month moves{' '}
              {byYear.length === 1 ? 'its' : 'their'} values with it. Costs and allocations given for an FY stay in that FY.
            </p>
          ) : null}
          {outside.length ? (
            <div className="banner warn" role="status" data-testid="horizon-outside">
              <div>
                <strong>Outside the horizon, so left out of every result:</strong>
                <ul>
                  {outside.map((w) => (
                    <li key={w}>{w}</li>
                  ))}
                </ul>
              </div>
            </div>
          ) : null}
        </Card>
        <Card title="Underwriting" subtitle="Who covers spending before a grant is confirmed, and up to how much.">
          <div className="plan-fields">
            <InlineField
              label="Underwritten by"
              size="wide"
              value={plan.underwriting?.by ?? ''}
              placeholder="Underwriter"
              path={['underwriting', 'by']}
              read={(t) => readText(t)}
              edit={(v) => setPlanFieldEdit(plan, 'underwriting.by', v)}
              testId="plan-field-underwriter"
            />
            <InlineField
              label="Underwriting limit (£)"
              size="medium"
              align="right"
              value={valueText(limit)}
              display={typeof limit === 'number' ? poundsWords(limit) : undefined}
              path={['underwriting', 'limit']}
              read={(t) => readAmount(t)}
              edit={(v) => setPlanFieldEdit(plan, 'underwriting.limit', v)}
              hint={
                typeof limit === 'string' && limits.length ? (
                  <span className="formula-value">= {limits.join(' · ')}</span>
                ) : (
                  'an amount or a formula'
                )
              }
              testId="plan-field-limit"
            />
          </div>
        </Card>
      </div>
      <PlanVariables plan={plan} />
    </div>
  );
}

// The selected intervention: its outcome in the plan, handover, taper schedule (partner
// shares, TaperSchedule.tsx), transition route and notes.
import type { InterventionResult } from '../../../shared/engine';
import type { Plan } from '../../../shared/plan';
import { parseMonth } from '../../../shared/months';
import { Card } from '../../components/common';
import { ConfirmDelete } from '../../components/ConfirmDelete';
import { IdField } from '../../components/IdField';
import { InlineField } from '../../components/InlineField';
import { fyLabel, monthLong, outcomeText } from '../../logic/format';
import type { ResolvedView } from '../../logic/resolved';
import { deleteInterventionEdit, setInterventionFieldEdit, setTransitionEdit } from '../../logic/plan-edits';
import { readText, readWholeNumber } from '../../logic/values';
import { statusRuns, STATUS_LABELS } from '../../logic/timeline';
import { applyEdit } from '../../store/actions';
import { useReadOnly } from '../../store/hooks';
import { useStore } from '../../store/store';
import { CostByYear } from './CostByYear';
import { TaperSchedule } from './TaperSchedule';
import './InterventionDetail.css';

function StatusStrip(props: { result: InterventionResult; horizonStart: number }) {
  const runs = statusRuns(props.result.status, props.horizonStart);
  const total = props.result.status.length;
  return (
    <div
      className="status-strip"
      role="img"
      aria-label={runs
        .filter((r) => r.status !== 'inactive')
        .map((r) => `${STATUS_LABELS[r.status]} ${monthLong(r.from)} to ${monthLong(r.to)}`)
        .join('; ')}
    >
      {runs.map((r) => (
        <span key={r.offset} className={`run status-${r.status}`} style={{ width: `${(r.length / total) * 100}%` }} />
      ))}
    </div>
  );
}

export function InterventionDetail(props: {
  plan: Plan;
  index: number;
  result: InterventionResult | null;
  horizonStart: number;
  /** The plan as resolved (the base scenario): the cost editor shows each FY's value from it. */
  resolved?: ResolvedView | null;
}) {
  const { plan, index, result } = props;
  const item = plan.interventions[index];
  const readOnly = useReadOnly();
  const select = useStore((s) => s.selectIntervention);
  const shares = item.partnerShares ?? [];
  const handover = shares.find((s) => s.share === 1);

  return (
    <Card
      title={item.name}
      subtitle={`${item.category === 'commissioned' ? 'Commissioned intervention' : 'Central capability'} · ${item.id}`}
      className="detail"
      id="intervention-detail"
    >
      <div className="detail-grid" data-testid="intervention-detail">
        <section>
          <h3>In the plan as written</h3>
          {result ? (
            <>
              <p className="detail-outcome">{outcomeText(result)}</p>
              <StatusStrip result={result} horizonStart={props.horizonStart} />
            </>
          ) : null}
          <h3>Handover</h3>
          <p>
            {handover
              ? `${handover.partner} takes on the whole cost from ${monthLong(parseMonth(handover.from))}.`
              : shares.length
                ? 'A partner pays part of the cost; no full handover is planned.'
                : 'No partner contributes; no handover is planned.'}
          </p>
          <IdField plan={plan} kind="intervention" index={index} testId={() => 'intervention-id'} label="Id in the plan file" />
        </section>

        <CostByYear
          plan={plan}
          index={index}
          resolved={props.resolved?.interventions.find((r) => r.id === item.id) ?? null}
          fys={(props.resolved?.fys ?? []).map(fyLabel)}
        />

        <TaperSchedule plan={plan} index={index} />

        <section>
          <h3>If it closes</h3>
          <div className="form-grid">
            <InlineField
              label="People move to"
              value={item.transition?.to ?? ''}
              placeholder="No transition route"
              path={['interventions', index, 'transition']}
              read={(t) => readText(t)}
              edit={(v) => setTransitionEdit(plan, index, v ? { to: v as string, capacity: item.transition?.capacity ?? 0 } : undefined)}
            />
            <InlineField
              label="Places available"
              size="narrow"
              align="right"
              value={item.transition ? String(item.transition.capacity) : ''}
              placeholder="0"
              path={['interventions', index, 'transition', 'capacity']}
              read={(t) => readWholeNumber(t.trim() === '' ? '0' : t)}
              edit={(v) => setTransitionEdit(plan, index, { to: item.transition?.to ?? 'Other support', capacity: v as number })}
            />
          </div>
          {result && result.outcome === 'closes' ? (
            <p className="hint">
              In the plan it closes: {result.usersMoved} move to {result.transitionTo ?? 'other support'}, {result.usersLosingSupport} lose
              support.
            </p>
          ) : null}
          <InlineField
            label="Notes"
            size="wide"
            value={item.notes ?? ''}
            path={['interventions', index, 'notes']}
            read={(t) => readText(t)}
            edit={(v) => setInterventionFieldEdit(plan, index, 'notes', v)}
          />
          <div className="button-row">
            <ConfirmDelete
              name={item.name}
              ask="Delete intervention…"
              readOnly={readOnly}
              onDelete={async () => {
                const r = await applyEdit(deleteInterventionEdit(plan, index));
                if (r.ok) select(null);
              }}
            />
          </div>
        </section>
      </div>
    </Card>
  );
}

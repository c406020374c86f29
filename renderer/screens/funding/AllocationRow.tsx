// One FY of a stream: its allocation (amount or formula with its value, confirmation, the
// month it is known as the resolver gives it) or, for an FY of the horizon with none, a way
// to add one. Clearing an amount asks whether to remove the allocation.
import { useEffect, useRef, useState } from 'react';
import type { Plan } from '../../../shared/plan';
import { isFormula } from '../../../shared/parse';
import { InlineField } from '../../components/InlineField';
import { KnownNote } from '../../components/KnownNote';
import { amountText } from '../../logic/cost-edits';
import { askBeforeReplacingFormula } from '../../logic/edit-questions';
import { money, monthLong } from '../../logic/format';
import { removeAllocationEdit, setAllocationEdit } from '../../logic/plan-edits';
import type { ResolvedAllocationView } from '../../logic/resolved';
import { addAllocationEdit, confirmationOf, type ConfirmationKind } from '../../logic/stream-edits';
import { readAmount, valueText } from '../../logic/values';
import { applyEdit } from '../../store/actions';
import { useReadOnly } from '../../store/hooks';
import { Confirmation } from './Confirmation';
import { UncertainForm } from './UncertainForm';

const COLUMNS = 5;

function KnownCell(props: {
  plan: Plan;
  value: ResolvedAllocationView | undefined;
  dateGiven: boolean;
  variable: string | null;
  testId: string;
}) {
  const { value } = props;
  if (!value) return <span className="muted">—</span>;
  const drawnIn = props.variable
    ? (props.plan.scenarios ?? []).filter((s) => (s.uncertainty ?? []).some((u) => u.variable === props.variable)).map((s) => s.name)
    : [];
  return (
    <div className="known-cell">
      {value.knownSource === 'confirmed-on' ? (
        <div className="confirm-note confirmed" data-testid={props.testId}>
          Known {monthLong(value.known)}
        </div>
      ) : (
        <KnownNote fact={value} dateGiven={props.dateGiven} testId={props.testId} />
      )}
      {drawnIn.length ? <div className="muted small">Drawn in risk runs of {drawnIn.map((n) => `“${n}”`).join(', ')}</div> : null}
    </div>
  );
}

export function AllocationRow(props: {
  plan: Plan;
  si: number;
  fy: string;
  value: ResolvedAllocationView | undefined;
  inHorizon: boolean;
}) {
  const { plan, si, fy, value } = props;
  const stream = plan.fundingStreams[si];
  const readOnly = useReadOnly();
  const ai = stream.allocations.findIndex((a) => a.fy === fy);
  const allocation = ai >= 0 ? stream.allocations[ai] : null;
  const key = `${stream.id}-${fy}`;
  const stored = allocation ? confirmationOf(allocation) : null;
  const [pending, setPending] = useState<ConfirmationKind | null>(null);
  const [editingUncertain, setEditingUncertain] = useState(false);
  const [askingRemove, setAskingRemove] = useState(false);
  const [adding, setAdding] = useState(false);
  const addCell = useRef<HTMLTableCellElement>(null);
  const removeQuestion = useRef<HTMLSpanElement>(null);
  const storedKind = stored?.kind ?? null;
  useEffect(() => setPending(null), [storedKind]);
  // Adding ends once the allocation exists (or is removed again later).
  const hasAllocation = ai >= 0;
  const row = useRef<HTMLTableRowElement>(null);
  const focusAmount = useRef(false);
  useEffect(() => {
    setAdding(false);
    // The added allocation's amount field replaces the one typed in: keep the focus there.
    if (hasAllocation && focusAmount.current) row.current?.querySelector<HTMLInputElement>('input')?.focus();
    focusAmount.current = false;
  }, [hasAllocation]);
  useEffect(() => {
    if (adding) addCell.current?.querySelector('input')?.focus();
  }, [adding]);
  useEffect(() => {
    if (askingRemove) removeQuestion.current?.focus();
  }, [askingRemove]);

  if (!allocation) {
    return (
      <tr data-testid={`alloc-${key}`} className="no-allocation">
        <th scope="row">{fy}</th>
        <td
          ref={addCell}
          className="amount-cell"
          onKeyDown={(e) => {
            // Escape gives up adding: back to the "Add" button.
            if (e.key !== 'Escape' || !adding) return;
            setAdding(false);
            requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-testid="add-alloc-${key}"]`)?.focus());
          }}
        >
          {adding ? (
            <InlineField
              label={`${stream.name} ${fy}: amount of the new allocation`}
              hideLabel
              align="right"
              value=""
              placeholder="Amount, e.g. 250,000"
              path={['fundingStreams', si, 'allocations']}
              read={(t) => (t.trim() === '' ? { ok: true, value: undefined } : readAmount(t))}
              edit={(v) => {
                if (v === undefined) {
                  setAdding(false);
                  return { label: 'No allocation added', ops: [] };
                }
                focusAmount.current = true;
                return addAllocationEdit(plan, si, fy, v as number | string);
              }}
              testId={`amount-${key}`}
            />
          ) : (
            <span className="muted">No allocation</span>
          )}
        </td>
        <td colSpan={COLUMNS - 2}>
          {adding ? (
            <span className="muted small">Type the amount (or a formula) and press Enter; Escape adds none.</span>
          ) : (
            <button
              type="button"
              className="link-button small"
              disabled={readOnly || !props.inHorizon}
              onClick={() => setAdding(true)}
              data-testid={`add-alloc-${key}`}
            >
              + Add the {fy} allocation<span className="visually-hidden"> of {stream.name}</span>
            </button>
          )}
        </td>
      </tr>
    );
  }

  const shown = pending ?? stored!.kind;
  const variable = stored?.kind === 'uncertain' ? stored.variable : null;
  const showForm = shown === 'uncertain' && (editingUncertain || stored!.kind !== 'uncertain');
  const path = ['fundingStreams', si, 'allocations', ai];
  return (
    <>
      <tr data-testid={`alloc-${key}`} ref={row}>
        <th scope="row">
          {fy}
          {props.inHorizon ? null : <div className="muted small">outside the horizon</div>}
        </th>
        <td className="amount-cell">
          <InlineField
            label={`${stream.name} ${fy}: amount`}
            hideLabel
            align="right"
            quiet
            value={valueText(allocation.amount)}
            display={typeof allocation.amount === 'number' && value ? money(value.amount) : undefined}
            path={[...path, 'amount']}
            read={(t) => (t.trim() === '' ? { ok: true, value: undefined } : readAmount(t))}
            edit={(v) => {
              if (v === undefined) {
                setAskingRemove(true);
                return { label: `${stream.name}: keep the ${fy} allocation`, ops: [] };
              }
              return setAllocationEdit(plan, si, fy, 'amount', v);
            }}
            // Clearing asks whether to remove the allocation instead (above).
            ask={(v) =>
              v === undefined
                ? null
                : askBeforeReplacingFormula(allocation.amount, (t) => setAllocationEdit(plan, si, fy, 'amount', t), amountText)(v)
            }
            hint={isFormula(allocation.amount) && value ? <span className="formula-value">= {money(value.amount)}</span> : null}
            testId={`amount-${key}`}
          />
        </td>
        <td>
          <Confirmation
            plan={plan}
            si={si}
            fy={fy}
            allocation={allocation}
            shown={shown}
            onChoose={(kind) => {
              setPending(kind);
              setEditingUncertain(false);
            }}
            onEditUncertain={() => setEditingUncertain(true)}
          />
        </td>
        <td>
          <KnownCell plan={plan} value={value} dateGiven={Boolean(allocation.confirmedOn)} variable={variable} testId={`known-${key}`} />
        </td>
        <td className="actions">
          <button
            type="button"
            className="link-button small danger-link"
            disabled={readOnly}
            onClick={() => void applyEdit(removeAllocationEdit(plan, si, fy))}
            data-testid={`remove-alloc-${key}`}
          >
            Remove
            <span className="visually-hidden">
              {' '}
              the {fy} allocation of {stream.name}
            </span>
          </button>
        </td>
      </tr>
      {askingRemove ? (
        <tr className="sub-row">
          <td colSpan={COLUMNS}>
            <div
              className="ask-remove"
              role="group"
              aria-label={`Remove the ${fy} allocation?`}
              data-testid={`remove-alloc-ask-${key}`}
              onKeyDown={(e) => {
                if (e.key === 'Escape') {
                  e.preventDefault();
                  setAskingRemove(false);
                }
              }}
            >
              <span className="strong-text" ref={removeQuestion} tabIndex={-1}>
                Remove the {fy} allocation?
              </span>
              <button
                type="button"
                className="danger"
                onClick={async () => {
                  const result = await applyEdit(removeAllocationEdit(plan, si, fy));
                  if (result.ok) setAskingRemove(false);
                }}
                data-testid={`remove-alloc-confirm-${key}`}
              >
                Remove
                <span className="visually-hidden">
                  {' '}
                  the {fy} allocation of {stream.name}
                </span>
              </button>
              <button type="button" onClick={() => setAskingRemove(false)} data-testid={`remove-alloc-keep-${key}`}>
                Keep it
              </button>
            </div>
          </td>
        </tr>
      ) : null}
      {showForm ? (
        <tr className="sub-row">
          <td colSpan={COLUMNS}>
            <UncertainForm
              plan={plan}
              si={si}
              fy={fy}
              onDone={() => {
                setPending(null);
                setEditingUncertain(false);
                document.getElementById(`confirm-kind-${key}`)?.focus();
              }}
            />
          </td>
        </tr>
      ) : null}
    </>
  );
}

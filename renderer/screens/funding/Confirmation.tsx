// An allocation's confirmation as one of its explicit choices (plan-format.md §3.2): known
// from April (neither field), confirmed on a date, expected N months after April, or uncertain
// (a delay variable drawn in risk runs, edited in UncertainForm). Choosing a kind that needs a
// value waits for the value; the edit is stored when it is typed.
import type { Allocation, Plan } from '../../../shared/plan';
import { required } from '../../../shared/fields';
import { readDate, readMonthOffset } from '../../../shared/parse';
import { InlineField } from '../../components/InlineField';
import { dateLong } from '../../logic/format';
import { confirmationOf, setConfirmationEdit, type ConfirmationKind } from '../../logic/stream-edits';
import { applyEdit } from '../../store/actions';
import { useReadOnly } from '../../store/hooks';

export const CONFIRMATION_KINDS: readonly { readonly kind: ConfirmationKind; readonly label: string }[] = [
  { kind: 'fy-start', label: 'Known from April (no confirmation)' },
  { kind: 'date', label: 'Confirmed on a date' },
  { kind: 'delay', label: 'Expected N months after April' },
  { kind: 'uncertain', label: 'Uncertain (drawn in risk runs)' },
];

export function Confirmation(props: {
  plan: Plan;
  si: number;
  fy: string;
  allocation: Allocation;
  /** The kind chosen but not yet stored, if any. */
  shown: ConfirmationKind;
  onChoose: (kind: ConfirmationKind | null) => void;
  onEditUncertain: () => void;
}) {
  const { plan, si, fy, allocation, shown } = props;
  const stream = plan.fundingStreams[si];
  const readOnly = useReadOnly();
  const stored = confirmationOf(allocation);
  const name = `${stream.name} ${fy}`;
  const key = `${stream.id}-${fy}`;
  const path = ['fundingStreams', si, 'allocations', stream.allocations.indexOf(allocation)];
  return (
    <div className="confirmation">
      <label className="visually-hidden" htmlFor={`confirm-kind-${key}`}>
        {name}: how the amount is confirmed
      </label>
      <select
        id={`confirm-kind-${key}`}
        value={shown}
        disabled={readOnly}
        data-testid={`confirm-kind-${key}`}
        onChange={(e) => {
          const kind = e.target.value as ConfirmationKind;
          if (kind === 'fy-start') {
            props.onChoose(null);
            void applyEdit(setConfirmationEdit(plan, si, fy, { kind: 'fy-start' }));
          } else props.onChoose(kind === stored.kind ? null : kind);
        }}
      >
        {CONFIRMATION_KINDS.map((k) => (
          <option key={k.kind} value={k.kind}>
            {k.label}
          </option>
        ))}
      </select>
      {shown === 'date' ? (
        <InlineField
          label={`${name}: confirmed on`}
          hideLabel
          size="medium"
          value={allocation.confirmedOn ? dateLong(allocation.confirmedOn) : ''}
          placeholder="e.g. 4 June 2021"
          path={[...path, 'confirmedOn']}
          read={required(readDate, 'Type the date it was confirmed')}
          edit={(v) => setConfirmationEdit(plan, si, fy, { kind: 'date', date: v as string })}
          testId={`confirm-${key}`}
        />
      ) : null}
      {shown === 'delay' ? (
        <InlineField
          label={`${name}: months after April`}
          hideLabel
          size="narrow"
          align="right"
          value={stored.kind === 'delay' ? String(stored.months) : ''}
          placeholder="2"
          path={[...path, 'confirmDelay']}
          read={required(readMonthOffset, 'Type the months after April (0 is April)')}
          edit={(v) => setConfirmationEdit(plan, si, fy, { kind: 'delay', months: v as number })}
          hint="months after April"
          testId={`confirm-delay-${key}`}
        />
      ) : null}
      {shown === 'uncertain' && stored.kind === 'uncertain' ? (
        <div className="confirm-uncertain">
          <code data-testid={`confirm-formula-${key}`}>{stored.formula}</code>
          <button
            type="button"
            className="link-button small"
            disabled={readOnly}
            onClick={props.onEditUncertain}
            data-testid={`uncertain-edit-${key}`}
          >
            Change<span className="visually-hidden"> the uncertain confirmation of {name}</span>
          </button>
        </div>
      ) : null}
    </div>
  );
}

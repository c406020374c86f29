// How one intervention is handed over in a scenario: as in the plan, not at all, or from a month.
import { useId } from 'react';
import { parseMonth } from '../../../shared/months';
import { monthLong } from '../../logic/format';
import type { HandoverSetting } from '../../logic/scenario-edits';

export function HandoverChoice(props: {
  label: string;
  mode: 'plan' | 'off' | 'from';
  month: string;
  months: readonly string[];
  disabled: boolean;
  onChange: (setting: HandoverSetting) => void;
}) {
  const modeId = useId();
  const monthId = useId();
  return (
    <div className="handover-choice">
      <label htmlFor={modeId} className="visually-hidden">
        {props.label}
      </label>
      <select
        id={modeId}
        value={props.mode}
        disabled={props.disabled}
        onChange={(e) => {
          const mode = e.target.value as 'plan' | 'off' | 'from';
          props.onChange(mode === 'from' ? { mode, month: props.month } : { mode });
        }}
      >
        <option value="plan">As in the plan</option>
        <option value="off">No handover</option>
        <option value="from">Hand over from…</option>
      </select>
      {props.mode === 'from' ? (
        <>
          <label htmlFor={monthId} className="visually-hidden">
            {props.label}: month
          </label>
          <select
            id={monthId}
            value={props.month}
            disabled={props.disabled}
            onChange={(e) => props.onChange({ mode: 'from', month: e.target.value })}
          >
            {props.months.map((m) => (
              <option key={m} value={m}>
                {monthLong(parseMonth(m))}
              </option>
            ))}
          </select>
        </>
      ) : null}
    </div>
  );
}

// The month axis shared by the cliff-edge and outcome timelines: a label every quarter.
import type { ReactNode } from 'react';
import type { MonthTick } from '../logic/timeline';
import './TimelineTicks.css';

/** A month offset as a left position (or width) across the horizon. */
export const pct = (offset: number, months: number) => `${(offset / months) * 100}%`;

export function TimelineTicks(props: { ticks: readonly MonthTick[]; months: number; children?: ReactNode }) {
  return (
    <div className="tl-row tl-ticks">
      <div className="tl-name" />
      <div className="tl-track">
        {props.ticks.map((t) =>
          t.offset % 3 === 0 ? (
            <div key={t.offset} className={`tl-tick${t.fyStart ? ' fy-start' : ''}`} style={{ left: pct(t.offset, props.months) }}>
              {t.label}
            </div>
          ) : null,
        )}
      </div>
      {props.children}
    </div>
  );
}

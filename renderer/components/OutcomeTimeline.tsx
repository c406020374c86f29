// What happens to each service, month by month (from the engine's status line), with its
// notice deadline and the month notice is served.
import type { CSSProperties } from 'react';
import type { SimulationResult } from '../../shared/engine';
import { count, money, monthLong, monthShort, outcomeShort, outcomeText } from '../logic/format';
import { fyStart } from '../../shared/months';
import { monthTicks, statusRuns, STATUS_LABELS, STATUS_SHORT } from '../logic/timeline';
import { StatusLegend } from './common';
import { DataTable, num } from './DataTable';
import { pct, TimelineTicks } from './TimelineTicks';
import './OutcomeTimeline.css';

export function OutcomeTimeline(props: { result: SimulationResult }) {
  const { result } = props;
  const M = result.horizonMonths;
  const ticks = monthTicks(result.horizonStart, M);
  const vars = { '--months': M } as CSSProperties;
  return (
    <div>
      <StatusLegend />
      <div className="timeline outcomes" style={vars} aria-hidden="true">
        <TimelineTicks ticks={ticks} months={M}>
          <div className="tl-outcome" />
        </TimelineTicks>
        <div className="tl-body">
          <div className="tl-guides">
            <div className="tl-name" />
            <div className="tl-track">
              {result.years.map((y) => (
                <div key={y.fy} className="guide fy-line" style={{ left: pct(Math.max(0, fyStart(y.fy) - result.horizonStart), M) }} />
              ))}
            </div>
            <div className="tl-outcome" />
          </div>
          {result.interventions.map((r) => (
            <div key={r.id} className="tl-row">
              <div className="tl-name" title={r.name}>
                {r.name}
              </div>
              <div className="tl-track">
                {statusRuns(r.status, result.horizonStart).map((run) =>
                  run.status === 'inactive' ? null : (
                    <div
                      key={run.offset}
                      className={`run status-${run.status}`}
                      style={{ left: pct(run.offset, M), width: pct(run.length, M) }}
                      title={`${STATUS_LABELS[run.status]}: ${monthShort(run.from)} to ${monthShort(run.to)}`}
                    >
                      {run.length >= 3 ? <span>{STATUS_SHORT[run.status]}</span> : null}
                    </div>
                  ),
                )}
                {r.noticeDeadline !== null && r.noticeDeadline >= result.horizonStart ? (
                  <div className="deadline closes" style={{ left: pct(r.noticeDeadline - result.horizonStart, M) }} />
                ) : null}
              </div>
              <div className={`tl-outcome outcome-${r.outcome}`}>{outcomeShort(r)}</div>
            </div>
          ))}
        </div>
      </div>
    </div>
  );
}

export function OutcomeTable(props: { result: SimulationResult }) {
  return (
    <DataTable
      caption="Outcome of each intervention"
      columns={[
        'Intervention',
        'Outcome',
        'Notice deadline',
        'Notice served',
        num('Run-on cost'),
        num('Exit cost'),
        num('People moved'),
        num('People losing support'),
        'Avoidable',
      ]}
    >
      {props.result.interventions.map((r) => (
        <tr key={r.id}>
          <th scope="row">{r.name}</th>
          <td>{outcomeText(r)}</td>
          <td>{r.noticeDeadline !== null ? `1 ${monthLong(r.noticeDeadline)}` : '–'}</td>
          <td>{r.noticeServed !== null ? monthLong(r.noticeServed) : '–'}</td>
          <td className="num">{r.outcome === 'closes' ? money(r.runOn) : '–'}</td>
          <td className="num">{r.outcome === 'closes' ? money(r.exitCost) : '–'}</td>
          <td className="num">{r.outcome === 'closes' ? count(r.usersMoved) : '–'}</td>
          <td className="num">{r.outcome === 'closes' ? count(r.usersLosingSupport) : '–'}</td>
          <td>{r.outcome === 'closes' ? (r.avoidable ? 'Yes' : 'No') : '–'}</td>
        </tr>
      ))}
    </DataTable>
  );
}

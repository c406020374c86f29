// The cliff edge: months across; per FY the month its funding becomes known, and per
// intervention its notice deadline. The hatched span between them is the time a decision
// must be taken before anyone knows the money.
import { Fragment, type CSSProperties } from 'react';
import type { CliffEdgeLayout } from '../logic/timeline';
import { fyLabel, monthLong, monthShort, plural } from '../logic/format';
import { knownWords, verdictWords } from '../../shared/words';
import { pct, TimelineTicks } from './TimelineTicks';
import './CliffEdge.css';

export function CliffEdgeChart(props: { layout: CliffEdgeLayout }) {
  const { layout } = props;
  const M = layout.months;
  const vars = { '--months': M } as CSSProperties;
  return (
    <div className="timeline cliff" style={vars} aria-hidden="true">
      <div className="tl-row tl-axis">
        <div className="tl-name" />
        <div className="tl-track">
          {layout.fys.map((fy) => (
            <div key={fy.fy} className="tl-fy" style={{ left: pct(fy.offset, M), width: pct(fy.length, M) }}>
              {fy.label}
            </div>
          ))}
        </div>
      </div>
      <TimelineTicks ticks={layout.ticks} months={M} />
      <div className="tl-row tl-known">
        <div className="tl-name">Funding known</div>
        <div className="tl-track">
          {layout.fys.map((fy) =>
            fy.knownOffset >= 0 && fy.knownOffset < M ? (
              <div key={fy.fy} className="known-flag" style={{ left: pct(fy.knownOffset, M) }} title={`${fy.label}: ${knownWords(fy)}`}>
                <span className="known-dot" />
                <span className="known-text">
                  {fyLabel(fy.fy)}: {monthShort(fy.known)}
                </span>
              </div>
            ) : null,
          )}
        </div>
      </div>
      <div className="tl-body">
        <div className="tl-guides">
          <div className="tl-name" />
          <div className="tl-track">
            {layout.fys.map((fy) => (
              <div key={`s${fy.fy}`} className="guide fy-line" style={{ left: pct(fy.offset, M) }} />
            ))}
            {layout.fys.map((fy) =>
              fy.knownOffset > 0 && fy.knownOffset < M ? (
                <div key={`k${fy.fy}`} className="guide known-line" style={{ left: pct(fy.knownOffset, M) }} />
              ) : null,
            )}
          </div>
        </div>
        {layout.rows.map((row) => (
          <div key={row.id} className="tl-row">
            <div className="tl-name" title={row.name}>
              {row.name}
            </div>
            <div className="tl-track">
              {row.marks.map((mark) => (
                <Fragment key={mark.fy}>
                  {mark.blindMonths > 0 ? (
                    <div
                      className={`blind-gap${mark.closes ? ' closes' : ''}`}
                      style={{ left: pct(mark.offset, M), width: pct(mark.knownOffset - mark.offset, M) }}
                    />
                  ) : null}
                  <div className={`deadline${mark.closes ? ' closes' : ''}`} style={{ left: pct(mark.offset, M) }} />
                  {mark.noticeServedOffset !== null && mark.noticeServedOffset !== mark.offset ? (
                    <div className="served" style={{ left: pct(mark.noticeServedOffset, M) }} />
                  ) : null}
                </Fragment>
              ))}
            </div>
          </div>
        ))}
      </div>
    </div>
  );
}

export function CliffEdgeLegend() {
  return (
    <ul className="legend" aria-label="Key">
      <li>
        <span className="key-deadline" aria-hidden="true" /> Notice deadline (must decide)
      </li>
      <li>
        <span className="key-known" aria-hidden="true" /> Funding known
      </li>
      <li>
        <span className="key-gap" aria-hidden="true" /> Deciding before the money is known
      </li>
      <li>
        <span className="key-deadline closes" aria-hidden="true" /> Closes in this scenario
      </li>
      <li>
        <span className="key-served" aria-hidden="true" /> Notice actually served
      </li>
    </ul>
  );
}

export function CliffEdgeTable(props: { layout: CliffEdgeLayout }) {
  const { layout } = props;
  const known = new Map(layout.fys.map((f) => [f.fy, f]));
  const rows = layout.rows.flatMap((row) => row.marks.map((mark) => ({ row, mark })));
  rows.sort((a, b) => a.mark.deadline - b.mark.deadline);
  return (
    <table className="data">
      <caption className="visually-hidden">Notice deadlines against the month each year's funding is known</caption>
      <thead>
        <tr>
          <th scope="col">Intervention</th>
          <th scope="col">For FY</th>
          <th scope="col">Notice deadline</th>
          <th scope="col">Funding known</th>
          <th scope="col" className="num">
            Deciding blind
          </th>
          <th scope="col">In this scenario</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(({ row, mark }) => (
          <tr key={`${row.id}-${mark.fy}`}>
            <th scope="row">{row.name}</th>
            <td>{fyLabel(mark.fy)}</td>
            <td>1 {monthLong(mark.deadline)}</td>
            <td>{knownWords(known.get(mark.fy)!)}</td>
            <td className="num">{mark.blindMonths ? plural(mark.blindMonths, 'month') : 'No'}</td>
            <td>
              {mark.closes
                ? `${verdictWords('closes')} (notice ${mark.noticeServed !== null ? monthShort(mark.noticeServed) : ''})`
                : verdictWords('continues')}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

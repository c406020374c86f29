// Upcoming decisions: the engine's notice deadlines in the next N months from an "as at" month.
import { useId, useMemo } from 'react';
import type { SimulationResult } from '../../shared/engine';
import { clampAsAt, groupDecisions, upcomingDecisions } from '../logic/decisions';
import { count, fyLabel, money, monthLong, monthShort, plural } from '../logic/format';
import { knownAside, outcomePhrase } from '../../shared/words';
import { useStore } from '../store/store';
import { Empty } from './common';
import { DataTable, num } from './DataTable';
import './Decisions.css';

const WINDOWS = [3, 6, 12, 24];

export function UpcomingDecisions(props: { result: SimulationResult }) {
  const { result } = props;
  const asAtChoice = useStore((s) => s.asAt);
  const months = useStore((s) => s.lookAheadMonths);
  const setAsAt = useStore((s) => s.setAsAt);
  const setMonths = useStore((s) => s.setLookAheadMonths);
  const asAt = clampAsAt(asAtChoice, result);
  const groups = useMemo(() => groupDecisions(upcomingDecisions(result, asAt, months)), [result, asAt, months]);
  const asAtId = useId();
  const windowId = useId();
  const horizon = Array.from({ length: result.horizonMonths }, (_, i) => result.horizonStart + i);

  return (
    <div className="decisions">
      <div className="controls-row">
        <div className="field inline">
          <label htmlFor={asAtId}>As at</label>
          <select id={asAtId} value={asAt} onChange={(e) => setAsAt(Number(e.target.value))} data-testid="as-at">
            {horizon.map((m) => (
              <option key={m} value={m}>
                1 {monthLong(m)}
              </option>
            ))}
          </select>
        </div>
        <div className="field inline">
          <label htmlFor={windowId}>Looking ahead</label>
          <select id={windowId} value={months} onChange={(e) => setMonths(Number(e.target.value))}>
            {WINDOWS.map((w) => (
              <option key={w} value={w}>
                {w} months
              </option>
            ))}
          </select>
        </div>
      </div>
      {groups.length === 0 ? (
        <Empty>
          No notice deadlines fall in the {months} months from 1 {monthLong(asAt)}.
        </Empty>
      ) : (
        <div className="decision-groups" data-testid="decision-list">
          {groups.map((g) => (
            <section
              key={`${g.deadline}-${g.fy}`}
              className="decision-group"
              aria-label={`Notice deadline 1 ${monthLong(g.deadline)} for ${fyLabel(g.fy)}`}
            >
              <div className="group-head">
                <div className="group-date">
                  <span className="decision-date">1 {monthLong(g.deadline)}</span>
                  <span className="decision-fy">
                    notice deadline for {fyLabel(g.fy)} · {plural(g.decisions.length, 'service')}
                    {g.serviceUsers ? ` · ${plural(g.serviceUsers, 'person', 'people')} supported` : ''}
                  </span>
                </div>
                {g.blindMonths > 0 ? (
                  <span className="pill warn">
                    {plural(g.blindMonths, 'month')} before {fyLabel(g.fy)} funding is known ({knownAside(g)})
                  </span>
                ) : (
                  <span className="pill ok">Funding known by then ({knownAside(g)})</span>
                )}
              </div>
              <DataTable
                className="data compact decision-table"
                caption={`Services whose notice falls due on 1 ${monthLong(g.deadline)}`}
                columns={['Service', num('People'), num('Cost for the year'), num('Exit cost'), num('Notice'), 'In this scenario']}
              >
                {g.decisions.map((d) => (
                  <tr key={d.interventionId} className={`verdict-${d.verdict}`}>
                    <th scope="row">{d.name}</th>
                    <td className="num">{d.serviceUsers ? count(d.serviceUsers) : '–'}</td>
                    <td className="num">{money(d.annualCost)}</td>
                    <td className="num">{d.exitCost ? money(d.exitCost) : '–'}</td>
                    <td className="num">{plural(d.noticeMonths, 'month')}</td>
                    <td>
                      {d.verdict === 'closes' ? (
                        <>
                          <span className="status-text">{outcomePhrase({ outcome: 'closes', month: d.lastMonth })}</span>
                          <span className="decision-sub">
                            {' '}
                            notice {monthShort(d.noticeServed!)}
                            {d.usersLosingSupport ? ` · ${count(d.usersLosingSupport)} lose support` : ''}
                            {d.avoidable ? ' · avoidable' : ''}
                          </span>
                        </>
                      ) : d.verdict === 'transitions' ? (
                        <span className="status-text">{outcomePhrase({ outcome: 'transitions', month: d.handoverMonth })}</span>
                      ) : (
                        <span className="status-text">{outcomePhrase({ outcome: 'continues', month: null })}</span>
                      )}
                    </td>
                  </tr>
                ))}
              </DataTable>
            </section>
          ))}
        </div>
      )}
    </div>
  );
}

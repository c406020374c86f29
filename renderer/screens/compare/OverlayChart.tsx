// Spend (and funding) month by month in each compared scenario, overlaid; and the same as a table.
import { useRef } from 'react';
import { CartesianGrid, Line, LineChart, ReferenceArea, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { SimulationResult } from '../../../shared/engine';
import { ChartExport } from '../../components/ChartExport';
import { axisMoney, niceTicks, overlayRows } from '../../logic/chart-data';
import { money, monthShort } from '../../logic/format';
import { axisLabel, gridStroke, seriesColour, tooltipStyle, xAxisProps, yAxisProps } from '../../components/chart-theme';

const DASHES = ['', '6 3', '2 3', '10 4 2 4'];

export function OverlayChart(props: { results: readonly SimulationResult[] }) {
  const ref = useRef<HTMLDivElement>(null);
  const rows = overlayRows(props.results);
  const ticks = niceTicks(
    Math.max(0, ...rows.flatMap((r) => props.results.map((_, i) => Math.max(Number(r[`spend${i}`]), Number(r[`funding${i}`]))))),
  );
  // Actual months are the same in every scenario (plan-format.md §10): shade them once.
  const first = props.results[0];
  const actualTo =
    first?.asAt !== null && first?.asAt !== undefined && first.months.some((m) => m.actual)
      ? monthShort(Math.min(first.asAt, first.horizonStart + first.horizonMonths - 1))
      : null;
  return (
    <div className="chart" ref={ref} data-testid="compare-chart">
      <ResponsiveContainer width="100%" height={300}>
        <LineChart
          title={`Spend by month, ${props.results.map((r) => r.name).join(' vs ')}`}
          data={rows}
          margin={{ top: 16, right: 16, bottom: 8, left: 8 }}
        >
          <CartesianGrid vertical={false} stroke={gridStroke} />
          {actualTo ? (
            <ReferenceArea
              x1={monthShort(first.horizonStart)}
              x2={actualTo}
              fill="var(--accent-soft)"
              fillOpacity={1}
              stroke="none"
              label={{ value: `Actuals to ${actualTo}`, position: 'insideTop', ...axisLabel }}
            />
          ) : null}
          <XAxis dataKey="label" {...xAxisProps} interval={2} />
          <YAxis ticks={ticks} domain={[0, ticks[ticks.length - 1]]} tickFormatter={axisMoney} {...yAxisProps} width={56} />
          <Tooltip
            isAnimationActive={false}
            formatter={(value, name) => [axisMoney(Number(value)), String(name)]}
            contentStyle={tooltipStyle}
          />
          {props.results.map((r, i) => (
            <Line
              key={r.id}
              dataKey={`spend${i}`}
              name={`${r.name}: spend`}
              type="stepAfter"
              stroke={seriesColour(i)}
              strokeWidth={2}
              strokeDasharray={DASHES[i]}
              dot={false}
              isAnimationActive={false}
            />
          ))}
          {props.results.map((r, i) => (
            <Line
              key={`f${r.id}`}
              dataKey={`funding${i}`}
              name={`${r.name}: funding`}
              type="stepAfter"
              stroke={seriesColour(i)}
              strokeOpacity={0.45}
              strokeWidth={1.5}
              strokeDasharray="1 3"
              dot={false}
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
      <ul className="legend chart-legend" aria-hidden="true">
        {props.results.map((r, i) => (
          <li key={r.id}>
            <span className="series-key" data-series={i + 1} /> {r.name}
          </li>
        ))}
        <li className="muted">Solid/dashed: spend · dotted: funding{actualTo ? ` · shaded: actual months, to ${actualTo}` : ''}</li>
      </ul>
      <ChartExport title={`Spend by month, ${props.results.map((r) => r.name).join(' vs ')}`} target={ref} />
    </div>
  );
}

export function OverlayTable(props: { results: readonly SimulationResult[] }) {
  const first = props.results[0];
  return (
    <table className="data compact">
      <caption className="visually-hidden">Spend by month in each scenario</caption>
      <thead>
        <tr>
          <th scope="col">Month</th>
          {props.results.map((r) => (
            <th key={r.id} scope="col" className="num">
              {r.name}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {first.months.map((m, i) => (
          <tr key={m.month}>
            <th scope="row">
              {monthShort(m.month)}
              {m.actual ? <span className="muted small"> actual</span> : null}
            </th>
            {props.results.map((r) => (
              <td key={r.id} className="num">
                {money(r.months[i]?.spend ?? 0)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

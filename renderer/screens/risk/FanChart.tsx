// The underwriter's exposure by month: the P10 to P90 band and the median, and the same as a table.
import { Area, CartesianGrid, ComposedChart, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { axisMoney, niceTicks } from '../../logic/chart-data';
import { money, monthShort } from '../../logic/format';
import { fanRows, type RiskView } from '../../logic/risk-run';
import { colours, gridStroke, xAxisProps, yAxisProps } from '../../components/chart-theme';
import { DataTable, num } from '../../components/DataTable';

export const FAN_CAPTION =
  'Exposure at each month’s end. Until a year’s funding is confirmed, everything spent in that year so far is at risk; once it is confirmed, only the spend so far that the year’s funding does not cover. It starts again at £0 each April.';

export function FanChart(props: { view: RiskView }) {
  const rows = fanRows(props.view.fan);
  const ticks = niceTicks(Math.max(0, ...rows.map((r) => r.band[1])));
  return (
    <div className="chart" data-testid="risk-fan-chart">
      <ResponsiveContainer width="100%" height={300}>
        <ComposedChart
          title="The underwriter's exposure by month"
          data={rows as never[]}
          margin={{ top: 16, right: 16, bottom: 8, left: 8 }}
        >
          <CartesianGrid vertical={false} stroke={gridStroke} />
          <XAxis dataKey="label" {...xAxisProps} interval={2} />
          <YAxis ticks={ticks} domain={[0, ticks[ticks.length - 1]]} tickFormatter={axisMoney} {...yAxisProps} width={56} />
          <Tooltip
            isAnimationActive={false}
            content={({ active, payload }) => {
              const row = (payload?.[0] as { payload?: (typeof rows)[number] } | undefined)?.payload;
              if (!active || !row) return null;
              return (
                <div className="chart-tip">
                  <div className="tip-title">{row.label}</div>
                  <div>P90: {money(row.point.p90)}</div>
                  <div>Median: {money(row.point.p50)}</div>
                  <div>P10: {money(row.point.p10)}</div>
                </div>
              );
            }}
          />
          <Area
            dataKey="band"
            name="P10 to P90"
            type="stepAfter"
            stroke="none"
            fill={colours.partner}
            fillOpacity={0.55}
            isAnimationActive={false}
          />
          <Line
            dataKey="median"
            name="Median"
            type="stepAfter"
            stroke={colours.spend}
            strokeWidth={2.5}
            dot={false}
            isAnimationActive={false}
          />
        </ComposedChart>
      </ResponsiveContainer>
      <ul className="legend chart-legend" aria-hidden="true">
        <li>
          <span className="swatch" data-kind="partner" /> P10 to P90 of the draws
        </li>
        <li>
          <span className="swatch line" data-kind="spend-line" /> Median
        </li>
      </ul>
    </div>
  );
}

export function FanTable(props: { view: RiskView }) {
  return (
    <DataTable
      className="data compact"
      testId="risk-fan-table"
      caption="Underwriter’s exposure by month: P10, median and P90 of the draws"
      columns={['Month', num('P10'), num('Median'), num('P90')]}
    >
      {props.view.fan.map((p) => (
        <tr key={p.month}>
          <th scope="row">{monthShort(p.month)}</th>
          <td className="num">{money(p.p10)}</td>
          <td className="num">{money(p.p50)}</td>
          <td className="num">{money(p.p90)}</td>
        </tr>
      ))}
    </DataTable>
  );
}

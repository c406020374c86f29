// The chance of each service closing or being handed over: bars, and the same as a table.
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { gridStroke, nameTick, seriesColour, tooltipCursor, tooltipStyle, xAxisProps, yAxisProps } from '../../components/chart-theme';
import { Empty } from '../../components/common';
import { DataTable, num } from '../../components/DataTable';
import { percent, plural } from '../../logic/format';
import type { RiskView } from '../../logic/risk-run';
import { probability } from './words';

export function ChanceChart(props: { view: RiskView }) {
  const rows = props.view.interventions.filter((r) => r.pClose > 0 || r.pTransition > 0);
  const others = props.view.interventions.length - rows.length;
  if (rows.length === 0) return <Empty>Every service continues in every draw.</Empty>;
  return (
    <div className="chart" data-testid="risk-chance-chart">
      <ResponsiveContainer width="100%" height={Math.max(120, rows.length * 30 + 50)}>
        <BarChart
          title="Chance of each service closing or being handed over"
          data={rows}
          layout="vertical"
          margin={{ top: 4, right: 24, bottom: 4, left: 8 }}
          barGap={2}
          barCategoryGap={6}
        >
          <CartesianGrid horizontal={false} stroke={gridStroke} />
          <XAxis
            type="number"
            domain={[0, 1]}
            ticks={[0, 0.25, 0.5, 0.75, 1]}
            tickFormatter={(v: number) => percent(v, 0)}
            {...xAxisProps}
          />
          <YAxis type="category" dataKey="name" width={230} {...yAxisProps} tick={nameTick} interval={0} />
          <Tooltip
            isAnimationActive={false}
            formatter={(value, name) => [probability(Number(value)), String(name)]}
            contentStyle={tooltipStyle}
            cursor={tooltipCursor}
          />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Bar dataKey="pClose" name="Closes" fill={seriesColour(1)} isAnimationActive={false} />
          <Bar dataKey="pTransition" name="Handed over" fill={seriesColour(2)} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
      {others > 0 ? (
        <p className="hint">
          {plural(others, 'other service')} continue{others === 1 ? 's' : ''} in every draw.
        </p>
      ) : null}
    </div>
  );
}

export function ChanceTable(props: { view: RiskView }) {
  return (
    <DataTable
      className="data compact"
      testId="risk-chance-table"
      caption="Chance of each service closing or being handed over, most likely to close first"
      columns={['Service', num('Closes'), num('Handed over')]}
    >
      {props.view.interventions.map((r) => (
        <tr key={r.id}>
          <th scope="row">{r.name}</th>
          <td className="num">{probability(r.pClose)}</td>
          <td className="num">{probability(r.pTransition)}</td>
        </tr>
      ))}
    </DataTable>
  );
}

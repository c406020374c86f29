// The histogram of people losing support across the draws, and the same as a table.
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { count, percent } from '../../logic/format';
import type { RiskView } from '../../logic/risk-run';
import { axisLabel, colours, gridStroke, tooltipCursor, tooltipStyle, xAxisProps, yAxisProps } from '../../components/chart-theme';
import { DataTable, num } from '../../components/DataTable';
import { probability } from './words';

export function PeopleChart(props: { view: RiskView }) {
  return (
    <div className="chart" data-testid="risk-people-chart">
      <ResponsiveContainer width="100%" height={240}>
        <BarChart
          title="People losing support across the draws"
          data={props.view.people as never[]}
          margin={{ top: 8, right: 16, bottom: 20, left: 8 }}
          barCategoryGap={2}
        >
          <CartesianGrid vertical={false} stroke={gridStroke} />
          <XAxis
            dataKey="label"
            {...xAxisProps}
            label={{ value: 'People losing support', position: 'insideBottom', offset: -12, ...axisLabel, fontSize: 12 }}
          />
          <YAxis tickFormatter={(v: number) => percent(v, 0)} {...yAxisProps} width={48} dataKey="share" />
          <Tooltip
            isAnimationActive={false}
            formatter={(value) => [probability(Number(value)), 'Share of draws']}
            labelFormatter={(label) => `${String(label)} people`}
            contentStyle={tooltipStyle}
            cursor={tooltipCursor}
          />
          <Bar dataKey="share" name="Share of draws" fill={colours.spend} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

export function PeopleTable(props: { view: RiskView }) {
  return (
    <DataTable
      className="data compact"
      testId="risk-people-table"
      caption="Draws by the number of people losing support"
      columns={['People losing support', num('Draws'), num('Share')]}
    >
      {props.view.people.map((b) => (
        <tr key={b.label}>
          <th scope="row">{b.label}</th>
          <td className="num">{count(b.draws)}</td>
          <td className="num">{probability(b.share)}</td>
        </tr>
      ))}
    </DataTable>
  );
}

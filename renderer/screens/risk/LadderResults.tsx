// A completed ladder: services closing and money drawn at each value, chart or table, and its CSV.
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Scenario } from '../../../shared/plan';
import { poundsToPence } from '../../../shared/money';
import { axisLabel, gridStroke, seriesColour, tooltipStyle, xAxisProps, yAxisProps } from '../../components/chart-theme';
import { Card, ChartOrTable } from '../../components/common';
import { DataTable, num } from '../../components/DataTable';
import { axisMoney, niceTicks } from '../../logic/chart-data';
import { count, money } from '../../logic/format';
import { ladderChartRows } from '../../logic/risk-run';
import type { CompletedLadder } from '../../store/analysis-slice';
import { downloadLadderCsv } from './downloads';

/** Ladder totals are pounds exact to the penny, as in the ladder JSON. */
const money2 = (pounds: number) => money(poundsToPence(pounds) ?? Math.round(pounds * 100));

export function LadderResults(props: { ladder: CompletedLadder; names: ReadonlyMap<string, string>; scenario: Scenario }) {
  const { ladder, names } = props;
  const rows = ladderChartRows(ladder.rows);
  const download = () => downloadLadderCsv(ladder, names);
  const ticks = niceTicks(Math.max(0, ...rows.map((r) => r.drawn)));
  const chart = (
    <div className="chart" data-testid="ladder-chart">
      <ResponsiveContainer width="100%" height={280}>
        <LineChart data={rows} margin={{ top: 16, right: 16, bottom: 20, left: 8 }}>
          <CartesianGrid vertical={false} stroke={gridStroke} />
          <XAxis
            dataKey="value"
            {...xAxisProps}
            label={{ value: ladder.variable, position: 'insideBottom', offset: -12, ...axisLabel, fontSize: 12 }}
          />
          <YAxis yAxisId="count" allowDecimals={false} {...yAxisProps} width={40} />
          <YAxis
            yAxisId="money"
            orientation="right"
            ticks={ticks}
            domain={[0, ticks[ticks.length - 1]]}
            tickFormatter={axisMoney}
            {...yAxisProps}
            width={56}
          />
          <Tooltip
            isAnimationActive={false}
            formatter={(value, name) => [name === 'Drawn' ? axisMoney(Number(value)) : count(Number(value)), String(name)]}
            labelFormatter={(label) => `${ladder.variable} = ${String(label)}`}
            contentStyle={tooltipStyle}
          />
          <Legend verticalAlign="top" height={28} wrapperStyle={{ fontSize: 12 }} />
          <Line
            yAxisId="count"
            dataKey="closures"
            name="Services closing"
            type="stepAfter"
            stroke={seriesColour(1)}
            strokeWidth={2}
            dot={false}
            isAnimationActive={false}
          />
          <Line
            yAxisId="money"
            dataKey="drawn"
            name="Drawn"
            type="stepAfter"
            stroke={seriesColour(0)}
            strokeWidth={2}
            strokeDasharray="6 3"
            dot={false}
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
  const table = (
    <DataTable
      className="data compact"
      testId="ladder-table"
      caption={`The scenario at each value of ${ladder.variable}`}
      columns={[num(ladder.variable), num('Spend'), num('Drawn'), num('Closures'), num('People losing support'), 'Services that close']}
    >
      {ladder.rows.map((r) => (
        <tr key={r.value}>
          <th scope="row" className="num">
            {r.value}
          </th>
          <td className="num">{money2(r.totals.spend)}</td>
          <td className="num">{money2(r.totals.drawn)}</td>
          <td className="num">{count(r.totals.closures)}</td>
          <td className="num">{count(r.totals.usersLosingSupport)}</td>
          <td className="closes-cell">
            {r.closes.length ? r.closes.map((id) => names.get(id) ?? id).join(', ') : <span className="muted">None</span>}
          </td>
        </tr>
      ))}
    </DataTable>
  );
  return (
    <Card
      title={`${props.scenario.name} at each value of ${ladder.variable}`}
      actions={
        <button type="button" onClick={download} data-testid="ladder-download">
          Download CSV
        </button>
      }
    >
      <ChartOrTable
        label={`Services closing and money drawn at each value of ${ladder.variable}`}
        chart={chart}
        table={table}
        testId="ladder-results"
      />
    </Card>
  );
}

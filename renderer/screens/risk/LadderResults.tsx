// A completed ladder: the sentence saying where services start closing, services closing and
// money drawn at each value (a grant level as % of the planned grant), chart or table, its
// CSV, and the break-even for the same scenario and variable.
import { useState } from 'react';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Plan, Scenario } from '../../../shared/plan';
import { ladderAxisTitle, ladderSentence, ladderValueShort, type LadderVariable } from '../../../shared/uncertainty/ladder-words';
import { Breakeven } from '../../components/Breakeven';
import { axisLabel, gridStroke, seriesColour, tooltipStyle, xAxisProps, yAxisProps } from '../../components/chart-theme';
import { Card, ChartOrTable } from '../../components/common';
import { DataTable, num } from '../../components/DataTable';
import { axisMoney, niceTicks } from '../../logic/chart-data';
import { count, moneyOfPounds } from '../../logic/format';
import { ladderChartRows } from '../../logic/risk-run';
import type { CompletedLadder } from '../../store/analysis-slice';
import { downloadLadderCsv } from './downloads';

export function LadderResults(props: {
  ladder: CompletedLadder;
  names: ReadonlyMap<string, string>;
  plan: Plan;
  scenario: Scenario;
  isLevel: boolean;
}) {
  const { ladder, names } = props;
  const [breakeven, setBreakeven] = useState(false);
  const variable: LadderVariable = { name: ladder.variable, isLevel: props.isLevel };
  const valueText = (value: number) => ladderValueShort(value, variable);
  const values = ladder.rows.map((r) => r.value);
  const range = { lo: String(Math.min(...values)), hi: String(Math.max(...values)) };
  const rows = ladderChartRows(ladder.rows);
  const download = () => downloadLadderCsv(ladder, names);
  const ticks = niceTicks(Math.max(0, ...rows.map((r) => r.drawn)));
  const chart = (
    <div className="chart" data-testid="ladder-chart">
      <ResponsiveContainer width="100%" height={280}>
        <LineChart title="The scenario at each value of the ladder" data={rows} margin={{ top: 16, right: 8, bottom: 24, left: 24 }}>
          <CartesianGrid vertical={false} stroke={gridStroke} />
          <XAxis
            dataKey="value"
            {...xAxisProps}
            tickFormatter={(v) => valueText(Number(v))}
            label={{ value: ladderAxisTitle(variable), position: 'insideBottom', offset: -16, ...axisLabel, fontSize: 12 }}
          />
          <YAxis
            yAxisId="count"
            allowDecimals={false}
            {...yAxisProps}
            width={40}
            label={{
              value: 'Services closing',
              angle: -90,
              position: 'insideLeft',
              offset: -12,
              ...axisLabel,
              style: { textAnchor: 'middle' },
            }}
          />
          <YAxis
            yAxisId="money"
            orientation="right"
            ticks={ticks}
            domain={[0, ticks[ticks.length - 1]]}
            tickFormatter={axisMoney}
            {...yAxisProps}
            width={76}
            label={{
              value: 'Drawn from the underwriter',
              angle: 90,
              position: 'insideRight',
              offset: 2,
              ...axisLabel,
              style: { textAnchor: 'middle' },
            }}
          />
          <Tooltip
            isAnimationActive={false}
            formatter={(value, name) => [name === 'Drawn' ? axisMoney(Number(value)) : count(Number(value)), String(name)]}
            labelFormatter={(label) =>
              props.isLevel ? `${valueText(Number(label))} of the planned grant` : `${ladder.variable} = ${String(label)}`
            }
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
      columns={[
        num(props.isLevel ? `${ladder.variable} (% of planned)` : ladder.variable),
        num('Spend'),
        num('Drawn'),
        num('Closures'),
        num('People losing support'),
        'Services that close',
      ]}
    >
      {ladder.rows.map((r) => (
        <tr key={r.value}>
          <th scope="row" className="num">
            {valueText(r.value)}
          </th>
          <td className="num">{moneyOfPounds(r.totals.spend)}</td>
          <td className="num">{moneyOfPounds(r.totals.drawn)}</td>
          <td className="num">{count(r.totals.closures)}</td>
          <td className="num">{count(r.totals.usersLosingSupport)}</td>
          <td className="closes-cell">
            {r.closes.length ? (
              <ul className="closes-list">
                {r.closes.map((id) => (
                  <li key={id}>{names.get(id) ?? id}</li>
                ))}
              </ul>
            ) : (
              <span className="muted">None</span>
            )}
          </td>
        </tr>
      ))}
    </DataTable>
  );
  return (
    <>
      <Card
        title={`${props.scenario.name} at each value of ${ladder.variable}`}
        actions={
          <div className="button-row">
            <button type="button" onClick={() => setBreakeven(true)} aria-expanded={breakeven} data-testid="ladder-breakeven">
              Find the break-even for {ladder.variable}
            </button>
            <button type="button" onClick={download} data-testid="ladder-download">
              Download CSV
            </button>
          </div>
        }
      >
        <p className="ladder-sentence" data-testid="ladder-sentence">
          {ladderSentence(ladder.rows, variable, names, ladder.threshold ?? null)}
        </p>
        <ChartOrTable
          label={`Services closing and money drawn at each value of ${ladder.variable}`}
          chart={chart}
          table={table}
          testId="ladder-results"
        />
      </Card>
      {breakeven ? <Breakeven plan={props.plan} scenario={props.scenario} initial={{ variable: ladder.variable, ...range }} /> : null}
    </>
  );
}

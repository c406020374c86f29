// The scenario's tornado (plan-format.md §9.1): each uncertain variable moved alone from its
// 10th to its 90th percentile, the others at their medians. Worked out in the questions
// worker (store/questions-client.ts) for the stored plan, again whenever the plan or the
// scenario changes; drawn as bars of the money drawn, with the sentence naming what moves it
// most, or as a table.
import { useEffect, useMemo, useState } from 'react';
import { Bar, BarChart, CartesianGrid, LabelList, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Plan, Scenario } from '../../../shared/plan';
import {
  axisLabel,
  gridStroke,
  nameTick,
  seriesColour,
  tooltipCursor,
  tooltipStyle,
  xAxisProps,
  yAxisProps,
} from '../../components/chart-theme';
import { Card, ChartOrTable } from '../../components/common';
import { DataTable, num } from '../../components/DataTable';
import type { TornadoAnswer } from '../../logic/analysis';
import { axisMoney, niceTicks } from '../../logic/chart-data';
import { moneyOfPounds } from '../../logic/format';
import { fundingVariables } from '../../logic/scenario-edits';
import { importanceSentence, tornadoChartRows, type TornadoChartRow } from '../../logic/tornado-chart';
import { useScenario } from '../../store/hooks';
import { findTornado } from '../../store/questions-client';
import { useStore } from '../../store/store';

/** A bar narrower than this has both its values written after it. */
const ROOM_INSIDE = 96;

/** The two values at the ends of a bar: the smaller inside its start, the larger after its end. */
function BarEnds(props: {
  x?: number | string;
  y?: number | string;
  width?: number | string;
  height?: number | string;
  index?: number;
  rows: readonly TornadoChartRow[];
}) {
  const row = props.index === undefined ? undefined : props.rows[props.index];
  if (!row) return null;
  const [x, y, width, height] = [props.x, props.y, props.width, props.height].map(Number);
  const middle = y + height / 2;
  const [smaller, larger] = row.range.map(moneyOfPounds);
  const inside = width >= ROOM_INSIDE;
  return (
    <g className="tornado-ends">
      {inside ? (
        <text x={x + 6} y={middle} dominantBaseline="central" fontSize={12} fill="var(--accent-text)">
          {smaller}
        </text>
      ) : null}
      <text x={x + width + 6} y={middle} dominantBaseline="central" fontSize={12} fill="var(--text)">
        {inside ? larger : row.range[0] === row.range[1] ? larger : `${smaller} to ${larger}`}
      </text>
    </g>
  );
}

function TornadoChart(props: { rows: readonly TornadoChartRow[]; central: number; underwriter: string }) {
  const { rows, central } = props;
  const ticks = niceTicks(Math.max(central, ...rows.map((r) => r.range[1])));
  return (
    <div className="chart" data-testid="tornado-chart">
      <ResponsiveContainer width="100%" height={rows.length * 44 + 64}>
        <BarChart
          title="Money drawn with each uncertain variable at its 10th and 90th percentile"
          data={rows as TornadoChartRow[]}
          layout="vertical"
          margin={{ top: 20, right: 150, bottom: 20, left: 8 }}
          barCategoryGap={10}
        >
          <CartesianGrid horizontal={false} stroke={gridStroke} />
          <XAxis
            type="number"
            ticks={ticks}
            domain={[0, ticks[ticks.length - 1]]}
            tickFormatter={axisMoney}
            {...xAxisProps}
            label={{ value: `Drawn from ${props.underwriter}`, position: 'insideBottom', offset: -14, ...axisLabel, fontSize: 12 }}
          />
          <YAxis type="category" dataKey="label" width={250} {...yAxisProps} tick={nameTick} interval={0} />
          <Tooltip
            isAnimationActive={false}
            cursor={tooltipCursor}
            contentStyle={tooltipStyle}
            labelFormatter={(label) => String(label)}
            formatter={(_value, _name, item) => {
              const row = (item as { payload?: TornadoChartRow }).payload!;
              return [`${moneyOfPounds(row.drawnAtLow)} at ${row.lowText}, ${moneyOfPounds(row.drawnAtHigh)} at ${row.highText}`, 'Drawn'];
            }}
          />
          <ReferenceLine
            x={central}
            stroke="var(--text)"
            strokeDasharray="4 3"
            label={{ value: `All at medians: ${moneyOfPounds(central)}`, position: 'top', ...axisLabel, fontSize: 12 }}
          />
          <Bar dataKey="range" name="Drawn" fill={seriesColour(0)} isAnimationActive={false} minPointSize={2}>
            <LabelList dataKey="range" content={(p) => <BarEnds {...(p as object)} rows={rows} />} />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

function TornadoTable(props: { rows: readonly TornadoChartRow[]; scenario: Scenario }) {
  return (
    <DataTable
      className="data compact"
      testId="tornado-table"
      caption={`Money drawn in ${props.scenario.name} with each uncertain variable at its 10th and 90th percentile, the others at their medians`}
      columns={['Variable', num('10th percentile'), num('90th percentile'), num('Drawn at 10th'), num('Drawn at 90th'), num('Swing')]}
    >
      {props.rows.map((r) => (
        <tr key={r.variable}>
          <th scope="row">{r.variable}</th>
          <td className="num">{r.lowText}</td>
          <td className="num">{r.highText}</td>
          <td className="num">{moneyOfPounds(r.drawnAtLow)}</td>
          <td className="num">{moneyOfPounds(r.drawnAtHigh)}</td>
          <td className="num">{moneyOfPounds(r.swing)}</td>
        </tr>
      ))}
    </DataTable>
  );
}

/** The tornado of the stored plan's scenario; the previous one stays shown while the next is worked out. */
function useTornado(scenarioId: string): { answer: TornadoAnswer | null; current: boolean } {
  const revision = useStore((s) => s.snapshot?.info.revision ?? 0);
  const key = `${revision}\n${scenarioId}`;
  const [shown, setShown] = useState<{ key: string; answer: TornadoAnswer } | null>(null);
  useEffect(() => {
    let wanted = true;
    void findTornado(scenarioId).then((answer) => {
      if (wanted && answer) setShown({ key, answer });
    });
    return () => {
      wanted = false;
    };
  }, [key, scenarioId]);
  return { answer: shown?.answer ?? null, current: shown?.key === key };
}

export function TornadoCard(props: { plan: Plan; scenario: Scenario }) {
  const { plan, scenario } = props;
  const { answer, current } = useTornado(scenario.id);
  const underwriter = useScenario(scenario.id).result?.underwriter ?? 'the underwriter';
  const levels = useMemo(() => fundingVariables(plan), [plan]);
  const rows = useMemo(() => (answer?.ok ? tornadoChartRows(answer.tornado, levels) : []), [answer, levels]);
  return (
    <Card
      title="Tornado: what moves the money drawn"
      subtitle="Each uncertain variable moved alone from its 10th to its 90th percentile, the others at their medians: no draws needed."
      className="tornado-card"
    >
      <div data-testid="tornado-card" aria-busy={!current || undefined}>
        {answer === null ? (
          <p className="hint">Working out the tornado…</p>
        ) : !answer.ok ? (
          <p className="hint" data-testid="tornado-error">
            No tornado: {answer.message}.
          </p>
        ) : (
          <>
            <p className="tornado-sentence" data-testid="tornado-sentence" data-current={current}>
              {importanceSentence(answer.tornado)}
            </p>
            <ChartOrTable
              label={`Tornado of ${scenario.name}: money drawn with each uncertain variable at its 10th and 90th percentile`}
              chart={<TornadoChart rows={rows} central={answer.tornado.base.totals.drawn} underwriter={underwriter} />}
              table={<TornadoTable rows={rows} scenario={scenario} />}
              testId="tornado"
            />
          </>
        )}
      </div>
    </Card>
  );
}

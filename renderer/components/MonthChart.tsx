// Monthly funding against spend for one scenario: plan spend and partner contributions as
// stacked bars, funding as a step line, and the months before funding is known shaded.
import { useRef } from 'react';
import {
  Area,
  Bar,
  CartesianGrid,
  ComposedChart,
  ReferenceArea,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
  DefaultZIndexes,
} from 'recharts';
import type { SimulationResult } from '../../shared/engine';
import { atRiskRuns, axisMoney, monthRows, niceTicks, type MonthRow } from '../logic/chart-data';
import { money } from '../logic/format';
import { monthName } from '../../shared/months';
import { axisLabel, colours, gridStroke, tooltipCursor, xAxisProps, yAxisProps } from './chart-theme';
import { ChartExport } from './ChartExport';
import { PlainBar } from './PlainBar';
import { DataTable, num } from './DataTable';
import './MonthChart.css';

interface TipProps {
  active?: boolean;
  payload?: readonly { payload?: MonthRow }[];
}

function MonthTip(props: TipProps & { underwriter: string }) {
  const row = props.payload?.[0]?.payload;
  if (!props.active || !row) return null;
  return (
    <div className="chart-tip">
      <div className="tip-title">{row.label}</div>
      <div>Funding: {money(row.pence.funding)}</div>
      <div>
        {row.actual ? 'Actual spend' : 'Plan spend'}: {money(row.pence.spend)}
      </div>
      {row.pence.partner ? <div>Paid by partners: {money(row.pence.partner)}</div> : null}
      {row.atRisk ? <div className="tip-note">Funding not yet known: underwritten by {props.underwriter}</div> : null}
    </div>
  );
}

export function MonthChart(props: { result: SimulationResult; height?: number; compact?: boolean; title?: string }) {
  const { result } = props;
  const ref = useRef<HTMLDivElement>(null);
  const rows = monthRows(result);
  const risk = atRiskRuns(result);
  const ticks = niceTicks(Math.max(0, ...rows.map((r) => Math.max(r.fullCost, r.funding))));
  const asAt = result.asAt === null ? null : monthName(result.asAt, true);
  const hasActuals = asAt !== null && rows.some((r) => r.actual);
  return (
    <div className="chart" ref={ref} data-testid="month-chart" data-result={`${result.id}:${result.totals.spend}:${result.totals.drawn}`}>
      <ResponsiveContainer width="100%" height={props.height ?? 320}>
        <ComposedChart
          title={props.title ?? `Monthly funding against spend, ${result.name}`}
          data={rows}
          margin={{ top: 16, right: 16, bottom: 8, left: 8 }}
          barCategoryGap={2}
        >
          <CartesianGrid vertical={false} stroke={gridStroke} />
          {risk.map((r) => (
            <ReferenceArea
              key={r.from}
              x1={r.from}
              x2={r.to}
              fill={colours.notYetKnown}
              fillOpacity={1}
              stroke="none"
              ifOverflow="extendDomain"
              label={props.compact ? undefined : { value: 'Not yet known', position: 'insideTop', ...axisLabel }}
            />
          ))}
          <XAxis dataKey="label" {...xAxisProps} interval={2} />
          <YAxis ticks={ticks} domain={[0, ticks[ticks.length - 1]]} tickFormatter={axisMoney} {...yAxisProps} width={56} />
          <Tooltip content={<MonthTip underwriter={result.underwriter} />} cursor={tooltipCursor} isAnimationActive={false} />
          {hasActuals ? (
            <Bar
              dataKey="actualSpend"
              name="Actual spend"
              stackId="cost"
              fill={colours.actual}
              shape={PlainBar}
              isAnimationActive={false}
            />
          ) : null}
          <Bar dataKey="spend" name="Plan spend" stackId="cost" fill={colours.spend} shape={PlainBar} isAnimationActive={false} />
          <Bar dataKey="partner" name="Paid by partners" stackId="cost" fill={colours.partner} shape={PlainBar} isAnimationActive={false} />
          {/* An unfilled area draws the same step line as a Line, without measuring its length on every render. */}
          <Area
            dataKey="funding"
            name="Funding"
            type="stepAfter"
            stroke={colours.funding}
            strokeWidth={2.5}
            fill="none"
            dot={false}
            activeDot={false}
            zIndex={DefaultZIndexes.line}
            isAnimationActive={false}
          />
          {hasActuals ? (
            <ReferenceLine
              x={asAt}
              stroke="var(--chart-actual)"
              strokeDasharray="4 3"
              label={props.compact ? undefined : { value: `Actuals to ${asAt}`, position: 'insideTopRight', ...axisLabel }}
            />
          ) : null}
        </ComposedChart>
      </ResponsiveContainer>
      <ul className={`legend chart-legend${props.compact ? ' visually-hidden' : ''}`} aria-hidden="true">
        {hasActuals ? (
          <li>
            <span className="swatch" data-kind="actual" /> Actual spend (to {asAt})
          </li>
        ) : null}
        <li>
          <span className="swatch" data-kind="spend" /> {hasActuals ? 'Plan spend (forecast)' : 'Plan spend'}
        </li>
        <li>
          <span className="swatch" data-kind="partner" /> Paid by partners
        </li>
        <li>
          <span className="swatch line" data-kind="funding" /> Funding (each year spread by month)
        </li>
        <li>
          <span className="swatch" data-kind="risk" /> Before the year’s funding is known
        </li>
      </ul>
      <ChartExport title={props.title ?? `Monthly funding against spend, ${result.name}`} target={ref} />
    </div>
  );
}

export function MonthTable(props: { result: SimulationResult }) {
  const rows = monthRows(props.result);
  return (
    <DataTable
      className="data compact"
      caption="Funding and spend by month"
      columns={['Month', num('Funding'), num('Spend'), num('Paid by partners'), 'Actual or forecast', 'Funding known?']}
    >
      {rows.map((r) => (
        <tr key={r.month}>
          <th scope="row">{r.label}</th>
          <td className="num">{money(r.pence.funding)}</td>
          <td className="num">{money(r.pence.spend)}</td>
          <td className="num">{money(r.pence.partner)}</td>
          <td>{r.actual ? 'Actual' : 'Forecast'}</td>
          <td>{r.atRisk ? 'Not yet: at risk' : 'Yes'}</td>
        </tr>
      ))}
    </DataTable>
  );
}

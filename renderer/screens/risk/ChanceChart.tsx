// The chance of each service closing or being handed over: bars, and the same as a table.
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { Empty } from '../../components/common';
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
        <BarChart data={rows} layout="vertical" margin={{ top: 4, right: 24, bottom: 4, left: 8 }} barGap={2} barCategoryGap={6}>
          <CartesianGrid horizontal={false} stroke="var(--grid)" />
          <XAxis
            type="number"
            domain={[0, 1]}
            ticks={[0, 0.25, 0.5, 0.75, 1]}
            tickFormatter={(v: number) => percent(v, 0)}
            tick={{ fill: 'var(--muted)', fontSize: 11 }}
            axisLine={{ stroke: 'var(--border-strong)' }}
            tickLine={false}
          />
          <YAxis
            type="category"
            dataKey="name"
            width={230}
            tick={{ fill: 'var(--text)', fontSize: 12 }}
            tickLine={false}
            axisLine={false}
            interval={0}
          />
          <Tooltip
            isAnimationActive={false}
            formatter={(value, name) => [probability(Number(value)), String(name)]}
            contentStyle={{ background: 'var(--surface)', border: '1px solid var(--border)', color: 'var(--text)' }}
            cursor={{ fill: 'var(--hover)' }}
          />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Bar dataKey="pClose" name="Closes" fill="var(--series-2)" isAnimationActive={false} />
          <Bar dataKey="pTransition" name="Handed over" fill="var(--series-3)" isAnimationActive={false} />
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
    <table className="data compact" data-testid="risk-chance-table">
      <caption className="visually-hidden">Chance of each service closing or being handed over, most likely to close first</caption>
      <thead>
        <tr>
          <th scope="col">Service</th>
          <th scope="col" className="num">
            Closes
          </th>
          <th scope="col" className="num">
            Handed over
          </th>
        </tr>
      </thead>
      <tbody>
        {props.view.interventions.map((r) => (
          <tr key={r.id}>
            <th scope="row">{r.name}</th>
            <td className="num">{probability(r.pClose)}</td>
            <td className="num">{probability(r.pTransition)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

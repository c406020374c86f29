// The histogram of people losing support across the draws, and the same as a table.
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { count, percent } from '../../logic/format';
import type { RiskView } from '../../logic/risk-run';
import { probability } from './words';

export function PeopleChart(props: { view: RiskView }) {
  return (
    <div className="chart" data-testid="risk-people-chart">
      <ResponsiveContainer width="100%" height={240}>
        <BarChart data={props.view.people as never[]} margin={{ top: 8, right: 16, bottom: 20, left: 8 }} barCategoryGap={2}>
          <CartesianGrid vertical={false} stroke="var(--grid)" />
          <XAxis
            dataKey="label"
            tick={{ fill: 'var(--muted)', fontSize: 11 }}
            tickLine={false}
            axisLine={{ stroke: 'var(--border-strong)' }}
            label={{ value: 'People losing support', position: 'insideBottom', offset: -12, fill: 'var(--muted)', fontSize: 12 }}
          />
          <YAxis
            tickFormatter={(v: number) => percent(v, 0)}
            tick={{ fill: 'var(--muted)', fontSize: 11 }}
            tickLine={false}
            axisLine={false}
            width={48}
            dataKey="share"
          />
          <Tooltip
            isAnimationActive={false}
            formatter={(value) => [probability(Number(value)), 'Share of draws']}
            labelFormatter={(label) => `${String(label)} people`}
            contentStyle={{ background: 'var(--surface)', border: '1px solid var(--border)', color: 'var(--text)' }}
            cursor={{ fill: 'var(--hover)' }}
          />
          <Bar dataKey="share" name="Share of draws" fill="var(--chart-spend)" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

export function PeopleTable(props: { view: RiskView }) {
  return (
    <table className="data compact" data-testid="risk-people-table">
      <caption className="visually-hidden">Draws by the number of people losing support</caption>
      <thead>
        <tr>
          <th scope="col">People losing support</th>
          <th scope="col" className="num">
            Draws
          </th>
          <th scope="col" className="num">
            Share
          </th>
        </tr>
      </thead>
      <tbody>
        {props.view.people.map((b) => (
          <tr key={b.label}>
            <th scope="row">{b.label}</th>
            <td className="num">{count(b.draws)}</td>
            <td className="num">{probability(b.share)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

// Risk: what might happen when a scenario's grant level, its timing or a handover is
// uncertain. Draws run in workers (see store/analysis-client.ts); the Ladder tab shows the
// scenario at a range of values of one variable.
import { useId, useMemo, useState } from 'react';
import {
  Area, Bar, BarChart, CartesianGrid, ComposedChart, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis,
} from 'recharts';
import type { Plan, Scenario } from '../../shared/plan';
import { poundsToPence } from '../../shared/money';
import type { Uncertainty } from '../../shared/uncertainty/distributions';
import { Card, ChartOrTable, Empty, FieldError, Figure, ScreenHeader } from '../components/common';
import { InlineField } from '../components/InlineField';
import { axisMoney, niceTicks } from '../logic/chart-data';
import { count, money, monthShort, percent, plural } from '../logic/format';
import { ladderCsv, riskSummaryCsv } from '../logic/risk-csv';
import { fanRows, ladderChartRows, MAX_DRAWS, type RiskView } from '../logic/risk-run';
import { fundingVariables } from '../logic/scenario-edits';
import {
  addUncertaintyEdit, currentValue, defaultEntry, DISTS, PARAMS, paramText, readNumberList, readParam, removeUncertaintyEdit,
  replaceUncertaintyEdit, setUncertaintyParamEdit, variableChoices, type Dist,
} from '../logic/uncertainty-edits';
import { readNumber } from '../logic/values';
import { downloadText } from '../download';
import { applyEdit } from '../store/actions';
import { cancelLadder, cancelRisk, startLadder, startRisk } from '../store/analysis-client';
import type { CompletedLadder, RunProgress } from '../store/analysis-slice';
import { useFieldProblems, usePlan, useReadOnly, useScenario } from '../store/hooks';
import { useStore } from '../store/store';

const money2 = (pounds: number) => money(poundsToPence(pounds) ?? Math.round(pounds * 100));
const probability = (p: number) => percent(p, 1);

function fileBase(): string {
  return (useStore.getState().snapshot?.info.fileName ?? 'plan').replace(/\.[^.]+$/, '');
}

// ---------- the uncertain variables ----------

function ParamField(props: { plan: Plan; scenario: Scenario; si: number; k: number; entry: Uncertainty; param: (typeof PARAMS)[Dist][number] }) {
  const { plan, scenario, si, k, entry, param } = props;
  const value = (entry as unknown as Record<string, unknown>)[param.key];
  return (
    <InlineField
      label={param.label}
      ariaLabel={`${entry.variable}: ${param.label.toLowerCase()}`}
      size={param.list ? 'medium' : 'narrow'}
      align={param.list ? 'left' : 'right'}
      value={paramText(value)}
      placeholder={param.optional ? 'none' : undefined}
      path={['scenarios', si, 'uncertainty', k, param.key]}
      read={(t) => (param.list ? readNumberList(t, !!param.optional) : readParam(t, !!param.optional))}
      edit={(v) => setUncertaintyParamEdit(plan, scenario.id, k, param.key, v as number | number[] | undefined)}
      testId={`uncertain-${entry.variable}-${param.key}`}
    />
  );
}

function UncertainRow(props: { plan: Plan; scenario: Scenario; si: number; k: number; entry: Uncertainty }) {
  const { plan, scenario, si, k, entry } = props;
  const readOnly = useReadOnly();
  const distId = useId();
  const errorId = useId();
  const problems = useFieldProblems(['scenarios', si, 'uncertainty', k, 'dist']);
  return (
    <tr data-testid={`uncertain-${entry.variable}`}>
      <th scope="row">
        <code>{entry.variable}</code>
      </th>
      <td>
        <label htmlFor={distId} className="visually-hidden">
          {entry.variable}: distribution
        </label>
        <select
          id={distId}
          value={entry.dist}
          disabled={readOnly}
          aria-invalid={problems.length > 0 || undefined}
          aria-describedby={problems.length > 0 ? errorId : undefined}
          data-testid={`uncertain-${entry.variable}-dist`}
          onChange={(e) => {
            const dist = e.target.value as Dist;
            void applyEdit(replaceUncertaintyEdit(plan, scenario.id, k, defaultEntry(entry.variable, dist, currentValue(plan, scenario, entry.variable))));
          }}
        >
          {DISTS.map((d) => (
            <option key={d.dist} value={d.dist}>
              {d.label}
            </option>
          ))}
        </select>
        <FieldError id={errorId} messages={problems.map((p) => p.message)} />
      </td>
      <td>
        <div className="param-row">
          {PARAMS[entry.dist].map((param) => (
            <ParamField key={`${entry.dist}-${param.key}`} plan={plan} scenario={scenario} si={si} k={k} entry={entry} param={param} />
          ))}
        </div>
      </td>
      <td className="actions">
        <button
          type="button"
          className="link-button small"
          disabled={readOnly}
          onClick={() => void applyEdit(removeUncertaintyEdit(plan, scenario.id, k))}
          data-testid={`uncertain-${entry.variable}-remove`}
        >
          Remove<span className="visually-hidden"> {entry.variable}</span>
        </button>
      </td>
    </tr>
  );
}

const OTHER = '__other__';

function AddUncertain(props: { plan: Plan; scenario: Scenario; si: number }) {
  const { plan, scenario, si } = props;
  const readOnly = useReadOnly();
  const taken = new Set((scenario.uncertainty ?? []).map((u) => u.variable));
  const choices = variableChoices(plan, scenario.id).filter((v) => !taken.has(v));
  const [variable, setVariable] = useState<string>('');
  const [otherName, setOtherName] = useState('');
  const [dist, setDist] = useState<Dist>('triangular');
  const [localError, setLocalError] = useState<string | null>(null);
  const [tried, setTried] = useState(false);
  const chosen = variable || choices[0] || OTHER;
  const problems = useFieldProblems(tried ? ['scenarios', si, 'uncertainty'] : null);
  const ids = { variable: useId(), name: useId(), dist: useId(), error: useId() };
  const messages = localError ? [localError] : problems.map((p) => p.message);
  return (
    <div className="add-uncertain" data-testid="add-uncertain">
      <div className="field">
        <label htmlFor={ids.variable}>Variable</label>
        <select id={ids.variable} value={chosen} onChange={(e) => setVariable(e.target.value)} disabled={readOnly} data-testid="add-uncertain-variable">
          {choices.map((v) => (
            <option key={v} value={v}>
              {v}
            </option>
          ))}
          <option value={OTHER}>A new variable…</option>
        </select>
      </div>
      {chosen === OTHER ? (
        <div className="field">
          <label htmlFor={ids.name}>Name</label>
          <input
            id={ids.name}
            value={otherName}
            onChange={(e) => setOtherName(e.target.value)}
            placeholder="e.g. delay"
            aria-invalid={messages.length > 0 || undefined}
            aria-describedby={messages.length > 0 ? ids.error : undefined}
            data-testid="add-uncertain-name"
          />
        </div>
      ) : null}
      <div className="field">
        <label htmlFor={ids.dist}>Distribution</label>
        <select id={ids.dist} value={dist} onChange={(e) => setDist(e.target.value as Dist)} disabled={readOnly} data-testid="add-uncertain-dist">
          {DISTS.map((d) => (
            <option key={d.dist} value={d.dist}>
              {d.label}
            </option>
          ))}
        </select>
      </div>
      <button
        type="button"
        disabled={readOnly}
        data-testid="add-uncertain-button"
        onClick={async () => {
          const name = chosen === OTHER ? otherName.trim() : chosen;
          if (!name) {
            setLocalError('Give the variable a name');
            return;
          }
          setLocalError(null);
          setTried(true);
          const result = await applyEdit(addUncertaintyEdit(plan, scenario.id, defaultEntry(name, dist, currentValue(plan, scenario, name))));
          if (result.ok) {
            setVariable('');
            setOtherName('');
            setTried(false);
          }
        }}
      >
        + Add
      </button>
      <FieldError id={ids.error} messages={messages} />
    </div>
  );
}

function UncertainVariables(props: { plan: Plan; scenario: Scenario; si: number }) {
  const { plan, scenario, si } = props;
  const list = scenario.uncertainty ?? [];
  return (
    <Card title="Uncertain variables" subtitle="Each draw picks every one of these at random, independently, and simulates the scenario. Changes are saved as you make them.">
      {list.length === 0 ? (
        <Empty>Nothing is uncertain in this scenario yet: every draw would give the same result. Add a variable below.</Empty>
      ) : (
        <div className="table-scroll">
          <table className="data uncertain-table" data-testid="uncertain-table">
            <caption className="visually-hidden">Uncertain variables of {scenario.name}</caption>
            <thead>
              <tr>
                <th scope="col">Variable</th>
                <th scope="col">Distribution</th>
                <th scope="col">Parameters</th>
                <th scope="col">
                  <span className="visually-hidden">Remove</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.map((entry, k) => (
                <UncertainRow key={`${k}-${entry.variable}-${entry.dist}`} plan={plan} scenario={scenario} si={si} k={k} entry={entry} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <AddUncertain plan={plan} scenario={scenario} si={si} />
    </Card>
  );
}

// ---------- running ----------

export function ProgressBar(props: { progress: RunProgress; label: string; testId: string }) {
  const p = props.progress;
  if (p.status !== 'running') return null;
  const value = p.total > 0 ? Math.floor((p.done / p.total) * 100) : 0;
  return (
    <div className="progress" data-testid={props.testId}>
      <div
        className="progress-track"
        role="progressbar"
        aria-label={props.label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={value}
        aria-valuetext={p.total > 0 ? `${count(p.done)} of ${count(p.total)} done` : 'Starting'}
      >
        <div className="progress-fill" style={{ width: `${value}%` }} />
      </div>
    </div>
  );
}

function readWhole(text: string, min: number, max: number, what: string): { value: number | null; message: string | null } {
  const n = readNumber(text);
  if (n === null || !Number.isSafeInteger(n) || n < min || n > max) {
    return { value: null, message: `${what} must be a whole number from ${count(min)} to ${count(max)}` };
  }
  return { value: n, message: null };
}

function RunControls(props: { scenario: Scenario }) {
  const drawsText = useStore((s) => s.riskDraws);
  const seedText = useStore((s) => s.riskSeed);
  const setSettings = useStore((s) => s.setRiskSettings);
  const progress = useStore((s) => s.riskProgress);
  const ids = { draws: useId(), seed: useId(), drawsError: useId(), seedError: useId() };
  const draws = readWhole(drawsText, 1, MAX_DRAWS, 'Draws');
  const seed = readWhole(seedText, 0, Number.MAX_SAFE_INTEGER, 'The seed');
  const running = progress.status === 'running';
  const uncertain = (props.scenario.uncertainty ?? []).length > 0;
  return (
    <Card title="Run the draws" subtitle="The same seed always gives the same numbers, on any computer.">
      <div className="run-row">
        <div className="field">
          <label htmlFor={ids.draws}>Draws</label>
          <input
            id={ids.draws}
            className="num narrow-input"
            inputMode="numeric"
            value={drawsText}
            onChange={(e) => setSettings({ draws: e.target.value })}
            aria-invalid={!!draws.message || undefined}
            aria-describedby={draws.message ? ids.drawsError : undefined}
            data-testid="risk-draws"
          />
        </div>
        <div className="field">
          <label htmlFor={ids.seed}>Seed</label>
          <input
            id={ids.seed}
            className="num narrow-input"
            inputMode="numeric"
            value={seedText}
            onChange={(e) => setSettings({ seed: e.target.value })}
            aria-invalid={!!seed.message || undefined}
            aria-describedby={seed.message ? ids.seedError : undefined}
            data-testid="risk-seed"
          />
        </div>
        <div className="button-row run-buttons">
          <button
            type="button"
            className="primary"
            disabled={running || draws.value === null || seed.value === null || !uncertain}
            onClick={() => startRisk({ scenarioId: props.scenario.id, draws: draws.value!, seed: seed.value! })}
            data-testid="risk-run"
          >
            Run {draws.value !== null ? count(draws.value) : ''} draws
          </button>
          {running ? (
            <button type="button" onClick={() => cancelRisk()} data-testid="risk-cancel">
              Cancel
            </button>
          ) : null}
        </div>
      </div>
      <FieldError id={ids.drawsError} messages={draws.message ? [draws.message] : []} />
      <FieldError id={ids.seedError} messages={seed.message ? [seed.message] : []} />
      <ProgressBar progress={progress} label="Draws done" testId="risk-progress" />
      <RunStatus progress={progress} />
    </Card>
  );
}

function RunStatus(props: { progress: RunProgress }) {
  const result = useStore((s) => s.riskResult);
  const p = props.progress;
  let text = '';
  if (p.status === 'running') text = `Running ${count(p.total)} draws on ${plural(p.workers, 'worker')}: ${count(p.done)} done.`;
  else if (p.status === 'cancelled') {
    text = `Cancelled after ${count(p.done)} of ${count(p.total)} draws.${result ? ' The results below are from the previous run.' : ''}`;
  } else if (p.status === 'failed') text = `The draws stopped: ${p.message}`;
  else if (result) {
    const seconds = result.ms / 1000;
    text = `${count(result.draws)} draws on ${plural(result.workers, 'worker')} in ${seconds.toFixed(1)} s (${count(Math.round(result.draws / seconds))} draws a second).`;
  }
  return (
    <p className={`run-status${p.status === 'failed' ? ' bad' : ''}`} role="status" aria-live="polite" data-testid="risk-status" data-status={p.status}>
      {text}
    </p>
  );
}

// ---------- results ----------

function ChanceChart(props: { view: RiskView }) {
  const rows = props.view.interventions.filter((r) => r.pClose > 0 || r.pTransition > 0);
  const others = props.view.interventions.length - rows.length;
  if (rows.length === 0) return <Empty>Every service continues in every draw.</Empty>;
  return (
    <div className="chart" data-testid="risk-chance-chart">
      <ResponsiveContainer width="100%" height={Math.max(120, rows.length * 30 + 50)}>
        <BarChart data={rows} layout="vertical" margin={{ top: 4, right: 24, bottom: 4, left: 8 }} barGap={2} barCategoryGap={6}>
          <CartesianGrid horizontal={false} stroke="var(--grid)" />
          <XAxis type="number" domain={[0, 1]} ticks={[0, 0.25, 0.5, 0.75, 1]} tickFormatter={(v: number) => percent(v, 0)} tick={{ fill: 'var(--muted)', fontSize: 11 }} axisLine={{ stroke: 'var(--border-strong)' }} tickLine={false} />
          <YAxis type="category" dataKey="name" width={230} tick={{ fill: 'var(--text)', fontSize: 12 }} tickLine={false} axisLine={false} interval={0} />
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
      {others > 0 ? <p className="hint">{plural(others, 'other service')} continue{others === 1 ? 's' : ''} in every draw.</p> : null}
    </div>
  );
}

function ChanceTable(props: { view: RiskView }) {
  return (
    <table className="data compact" data-testid="risk-chance-table">
      <caption className="visually-hidden">Chance of each service closing or being handed over, most likely to close first</caption>
      <thead>
        <tr>
          <th scope="col">Service</th>
          <th scope="col" className="num">Closes</th>
          <th scope="col" className="num">Handed over</th>
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

function PeopleChart(props: { view: RiskView }) {
  return (
    <div className="chart" data-testid="risk-people-chart">
      <ResponsiveContainer width="100%" height={240}>
        <BarChart data={props.view.people as never[]} margin={{ top: 8, right: 16, bottom: 20, left: 8 }} barCategoryGap={2}>
          <CartesianGrid vertical={false} stroke="var(--grid)" />
          <XAxis dataKey="label" tick={{ fill: 'var(--muted)', fontSize: 11 }} tickLine={false} axisLine={{ stroke: 'var(--border-strong)' }} label={{ value: 'People losing support', position: 'insideBottom', offset: -12, fill: 'var(--muted)', fontSize: 12 }} />
          <YAxis tickFormatter={(v: number) => percent(v, 0)} tick={{ fill: 'var(--muted)', fontSize: 11 }} tickLine={false} axisLine={false} width={48} dataKey="share" />
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

function PeopleTable(props: { view: RiskView }) {
  return (
    <table className="data compact" data-testid="risk-people-table">
      <caption className="visually-hidden">Draws by the number of people losing support</caption>
      <thead>
        <tr>
          <th scope="col">People losing support</th>
          <th scope="col" className="num">Draws</th>
          <th scope="col" className="num">Share</th>
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

function SummaryTable(props: { view: RiskView; underwriter: string }) {
  const s = props.view.summary;
  const rows = [
    { label: `Drawn from ${props.underwriter}`, cells: [s.drawn.mean, s.drawn.p10, s.drawn.p50, s.drawn.p90].map(money2) },
    { label: 'People losing support', cells: [s.usersLosingSupport.mean.toFixed(1), ...[s.usersLosingSupport.p10, s.usersLosingSupport.p50, s.usersLosingSupport.p90].map(count)] },
    { label: 'At risk in the largest FY', cells: [s.atRisk.mean, s.atRisk.p10, s.atRisk.p50, s.atRisk.p90].map(money2) },
  ];
  return (
    <div className="table-scroll">
      <table className="data" data-testid="risk-summary-table">
        <caption className="visually-hidden">Totals across {count(s.draws)} draws: mean and percentiles</caption>
        <thead>
          <tr>
            <th scope="col">Measure</th>
            <th scope="col" className="num">Mean</th>
            <th scope="col" className="num">P10</th>
            <th scope="col" className="num">Median (P50)</th>
            <th scope="col" className="num">P90</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.label}>
              <th scope="row">{r.label}</th>
              {r.cells.map((c, i) => (
                <td key={i} className="num">
                  {c}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const FAN_CAPTION =
  'Exposure at each month’s end. Until a year’s funding is confirmed, everything spent in that year so far is at risk; once it is confirmed, only the spend so far that the year’s funding does not cover. It starts again at £0 each April.';

function FanChart(props: { view: RiskView }) {
  const rows = fanRows(props.view.fan);
  const ticks = niceTicks(Math.max(0, ...rows.map((r) => r.band[1])));
  return (
    <div className="chart" data-testid="risk-fan-chart">
      <ResponsiveContainer width="100%" height={300}>
        <ComposedChart data={rows as never[]} margin={{ top: 16, right: 16, bottom: 8, left: 8 }}>
          <CartesianGrid vertical={false} stroke="var(--grid)" />
          <XAxis dataKey="label" tick={{ fill: 'var(--muted)', fontSize: 11 }} tickLine={false} axisLine={{ stroke: 'var(--border-strong)' }} interval={2} />
          <YAxis ticks={ticks} domain={[0, ticks[ticks.length - 1]]} tickFormatter={axisMoney} tick={{ fill: 'var(--muted)', fontSize: 11 }} tickLine={false} axisLine={false} width={56} />
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
          <Area dataKey="band" name="P10 to P90" type="stepAfter" stroke="none" fill="var(--chart-partner)" fillOpacity={0.55} isAnimationActive={false} />
          <Line dataKey="median" name="Median" type="stepAfter" stroke="var(--chart-spend)" strokeWidth={2.5} dot={false} isAnimationActive={false} />
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

function FanTable(props: { view: RiskView }) {
  return (
    <table className="data compact" data-testid="risk-fan-table">
      <caption className="visually-hidden">Underwriter’s exposure by month: P10, median and P90 of the draws</caption>
      <thead>
        <tr>
          <th scope="col">Month</th>
          <th scope="col" className="num">P10</th>
          <th scope="col" className="num">Median</th>
          <th scope="col" className="num">P90</th>
        </tr>
      </thead>
      <tbody>
        {props.view.fan.map((p) => (
          <tr key={p.month}>
            <th scope="row">{monthShort(p.month)}</th>
            <td className="num">{money(p.p10)}</td>
            <td className="num">{money(p.p50)}</td>
            <td className="num">{money(p.p90)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function RiskResults(props: { scenario: Scenario }) {
  const result = useStore((s) => s.riskResult);
  const revision = useStore((s) => s.snapshot?.info.revision ?? 0);
  const { result: central } = useScenario(props.scenario.id);
  const underwriter = central?.underwriter ?? 'the underwriter';
  if (!result || result.scenarioId !== props.scenario.id) return null;
  const s = result.summary;
  const download = () =>
    downloadText(`${fileBase()}-risk-${result.scenarioId}.csv`, 'text/csv', riskSummaryCsv(result, { scenarioName: props.scenario.name, underwriter }));
  return (
    <div className="risk-results" data-testid="risk-results">
      {result.revision !== revision ? (
        <div className="banner info" role="status">
          The plan has changed since these draws were run. Run them again to bring the results up to date.
        </div>
      ) : null}
      <div className="figures" data-testid="risk-figures">
        <Figure label={`Drawn from ${underwriter}: median`} value={money2(s.drawn.p50)} detail={`1 in 10 draws above ${money2(s.drawn.p90)}`} tone={s.drawn.p50 > 0 ? 'warn' : 'good'} />
        <Figure label="People losing support: median" value={count(s.usersLosingSupport.p50)} detail={`1 in 10 draws above ${count(s.usersLosingSupport.p90)}`} tone={s.usersLosingSupport.p50 > 0 ? 'bad' : 'good'} />
        <Figure label="At risk in the largest FY: median" value={money2(s.atRisk.p50)} detail={`1 in 10 draws above ${money2(s.atRisk.p90)}`} />
      </div>
      <Card
        title="Totals across the draws"
        subtitle={`${count(s.draws)} draws, seed ${s.seed}. P10 and P90: one draw in ten is below, or above, the figure.`}
        actions={
          <button type="button" onClick={download} data-testid="risk-download">
            Download CSV
          </button>
        }
      >
        <SummaryTable view={result} underwriter={underwriter} />
      </Card>
      <div className="two-col">
        <Card title="Chance of each service closing or being handed over" subtitle="Share of draws; most likely to close first.">
          <ChartOrTable label="Chance of closing or handover for each service" chart={<ChanceChart view={result} />} table={<ChanceTable view={result} />} testId="risk-chances" />
        </Card>
        <Card title="People losing support" subtitle="Share of draws by how many people lose support.">
          <ChartOrTable label="Histogram of people losing support across the draws" chart={<PeopleChart view={result} />} table={<PeopleTable view={result} />} testId="risk-people" />
        </Card>
      </div>
      <Card title={`${underwriter}’s exposure by month`} subtitle={FAN_CAPTION}>
        <ChartOrTable label="Fan chart of the underwriter’s exposure by month: median and P10 to P90 band" chart={<FanChart view={result} />} table={<FanTable view={result} />} testId="risk-fan" />
      </Card>
    </div>
  );
}

// ---------- ladder ----------

function LadderTab(props: { plan: Plan; scenario: Scenario }) {
  const { plan, scenario } = props;
  const choices = variableChoices(plan, scenario.id);
  const levels = new Set(fundingVariables(plan));
  const stored = useStore((s) => s.ladderSettings);
  const setSettings = useStore((s) => s.setLadderSettings);
  const progress = useStore((s) => s.ladderProgress);
  const result = useStore((s) => s.ladderResult);
  const fallback = choices.find((v) => levels.has(v)) ?? choices[0] ?? '';
  const settings = stored && choices.includes(stored.variable) ? stored : { variable: fallback, from: '0.5', to: '1', step: '0.05' };
  const ids = { variable: useId(), from: useId(), to: useId(), step: useId(), error: useId() };
  const [error, setError] = useState<string | null>(null);
  const running = progress.status === 'running';
  const names = useMemo(() => new Map(plan.interventions.map((i) => [i.id, i.name])), [plan]);
  if (choices.length === 0) return <Empty>This scenario has no variables to vary.</Empty>;
  const run = () => {
    const [from, to, step] = [settings.from, settings.to, settings.step].map((t) => readNumber(t));
    if (from === null || to === null || step === null) {
      setError('From, to and step must be numbers');
      return;
    }
    if (!(step > 0)) return setError('The step must be above 0');
    if (from > to) return setError('From must not be above to');
    setError(null);
    startLadder({ scenarioId: scenario.id, variable: settings.variable, from, to, step });
  };
  const shown = result && result.scenarioId === scenario.id ? result : null;
  return (
    <>
      <Card title="Ladder" subtitle="The scenario simulated at each value of one variable, the others at their central values: planning for a range of funding levels in one table.">
        <div className="run-row">
          <div className="field">
            <label htmlFor={ids.variable}>Variable</label>
            <select id={ids.variable} value={settings.variable} onChange={(e) => setSettings({ ...settings, variable: e.target.value })} data-testid="ladder-variable">
              {choices.map((v) => (
                <option key={v} value={v}>
                  {v}
                </option>
              ))}
            </select>
          </div>
          {(['from', 'to', 'step'] as const).map((key) => (
            <div className="field" key={key}>
              <label htmlFor={ids[key]}>{key === 'from' ? 'From' : key === 'to' ? 'To' : 'Step'}</label>
              <input
                id={ids[key]}
                className="num narrow-input"
                value={settings[key]}
                onChange={(e) => setSettings({ ...settings, [key]: e.target.value })}
                aria-invalid={!!error || undefined}
                aria-describedby={error ? ids.error : undefined}
                data-testid={`ladder-${key}`}
              />
            </div>
          ))}
          <div className="button-row run-buttons">
            <button type="button" className="primary" disabled={running} onClick={run} data-testid="ladder-run">
              Run ladder
            </button>
            {running ? (
              <button type="button" onClick={() => cancelLadder()} data-testid="ladder-cancel">
                Cancel
              </button>
            ) : null}
          </div>
        </div>
        <FieldError id={ids.error} messages={error ? [error] : []} />
        <ProgressBar progress={progress} label="Ladder rows done" testId="ladder-progress" />
        <p className={`run-status${progress.status === 'failed' ? ' bad' : ''}`} role="status" aria-live="polite" data-testid="ladder-status">
          {progress.status === 'running'
            ? `Simulating ${progress.total ? `${count(progress.done)} of ${count(progress.total)} values` : '…'}`
            : progress.status === 'cancelled'
              ? 'Cancelled.'
              : progress.status === 'failed'
                ? `The ladder stopped: ${progress.message}`
                : ''}
        </p>
      </Card>
      {shown ? <LadderResults ladder={shown} names={names} scenario={scenario} /> : null}
    </>
  );
}

function LadderResults(props: { ladder: CompletedLadder; names: ReadonlyMap<string, string>; scenario: Scenario }) {
  const { ladder, names } = props;
  const rows = ladderChartRows(ladder.rows);
  const download = () => downloadText(`${fileBase()}-ladder-${ladder.scenarioId}-${ladder.variable}.csv`, 'text/csv', ladderCsv(ladder.rows, ladder.variable, names));
  const ticks = niceTicks(Math.max(0, ...rows.map((r) => r.drawn)));
  const chart = (
    <div className="chart" data-testid="ladder-chart">
      <ResponsiveContainer width="100%" height={280}>
        <LineChart data={rows} margin={{ top: 16, right: 16, bottom: 20, left: 8 }}>
          <CartesianGrid vertical={false} stroke="var(--grid)" />
          <XAxis dataKey="value" tick={{ fill: 'var(--muted)', fontSize: 11 }} tickLine={false} axisLine={{ stroke: 'var(--border-strong)' }} label={{ value: ladder.variable, position: 'insideBottom', offset: -12, fill: 'var(--muted)', fontSize: 12 }} />
          <YAxis yAxisId="count" allowDecimals={false} tick={{ fill: 'var(--muted)', fontSize: 11 }} tickLine={false} axisLine={false} width={40} />
          <YAxis yAxisId="money" orientation="right" ticks={ticks} domain={[0, ticks[ticks.length - 1]]} tickFormatter={axisMoney} tick={{ fill: 'var(--muted)', fontSize: 11 }} tickLine={false} axisLine={false} width={56} />
          <Tooltip
            isAnimationActive={false}
            formatter={(value, name) => [name === 'Drawn' ? axisMoney(Number(value)) : count(Number(value)), String(name)]}
            labelFormatter={(label) => `${ladder.variable} = ${String(label)}`}
            contentStyle={{ background: 'var(--surface)', border: '1px solid var(--border)', color: 'var(--text)' }}
          />
          <Legend verticalAlign="top" height={28} wrapperStyle={{ fontSize: 12 }} />
          <Line yAxisId="count" dataKey="closures" name="Services closing" type="stepAfter" stroke="var(--series-2)" strokeWidth={2} dot={false} isAnimationActive={false} />
          <Line yAxisId="money" dataKey="drawn" name="Drawn" type="stepAfter" stroke="var(--series-1)" strokeWidth={2} strokeDasharray="6 3" dot={false} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
  const table = (
    <table className="data compact" data-testid="ladder-table">
      <caption className="visually-hidden">The scenario at each value of {ladder.variable}</caption>
      <thead>
        <tr>
          <th scope="col" className="num">{ladder.variable}</th>
          <th scope="col" className="num">Spend</th>
          <th scope="col" className="num">Drawn</th>
          <th scope="col" className="num">Closures</th>
          <th scope="col" className="num">People losing support</th>
          <th scope="col">Services that close</th>
        </tr>
      </thead>
      <tbody>
        {ladder.rows.map((r) => (
          <tr key={r.value}>
            <th scope="row" className="num">{r.value}</th>
            <td className="num">{money2(r.totals.spend)}</td>
            <td className="num">{money2(r.totals.drawn)}</td>
            <td className="num">{count(r.totals.closures)}</td>
            <td className="num">{count(r.totals.usersLosingSupport)}</td>
            <td className="closes-cell">{r.closes.length ? r.closes.map((id) => names.get(id) ?? id).join(', ') : <span className="muted">None</span>}</td>
          </tr>
        ))}
      </tbody>
    </table>
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
      <ChartOrTable label={`Services closing and money drawn at each value of ${ladder.variable}`} chart={chart} table={table} testId="ladder-results" />
    </Card>
  );
}

// ---------- the screen ----------

export function Risk() {
  const plan = usePlan();
  const chosen = useStore((s) => s.riskScenarioId);
  const setChosen = useStore((s) => s.setRiskScenarioId);
  const running = useStore((s) => s.riskProgress.status === 'running');
  const [tab, setTab] = useState<'draws' | 'ladder'>('draws');
  const pickerId = useId();
  const tabIds = { draws: useId(), ladder: useId() };
  if (!plan) return null;
  const scenarios = plan.scenarios ?? [];
  const si = Math.max(0, scenarios.findIndex((s) => s.id === chosen));
  const scenario = scenarios[si] ?? null;
  return (
    <div className="screen" data-testid="screen-risk">
      <ScreenHeader title="Risk" lede="How likely each outcome is when a grant level, its timing or a handover is uncertain.">
        {scenario ? (
          <div className="field inline">
            <label htmlFor={pickerId}>Scenario</label>
            <select id={pickerId} value={scenario.id} disabled={running} onChange={(e) => setChosen(e.target.value)} data-testid="risk-scenario">
              {scenarios.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </div>
        ) : null}
      </ScreenHeader>
      {!scenario ? (
        <Empty>Uncertainty belongs to a scenario: create one on the Scenarios screen first.</Empty>
      ) : (
        <>
          <div className="tabs" role="tablist" aria-label="Kind of analysis">
            {(['draws', 'ladder'] as const).map((t) => (
              <button
                key={t}
                type="button"
                role="tab"
                id={tabIds[t]}
                aria-selected={tab === t}
                aria-controls={`${tabIds[t]}-panel`}
                tabIndex={tab === t ? 0 : -1}
                className="tab"
                onClick={() => setTab(t)}
                onKeyDown={(e) => {
                  if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
                    const next = t === 'draws' ? 'ladder' : 'draws';
                    setTab(next);
                    document.getElementById(tabIds[next])?.focus();
                  }
                }}
                data-testid={`risk-tab-${t}`}
              >
                {t === 'draws' ? 'Draws' : 'Ladder'}
              </button>
            ))}
          </div>
          <div role="tabpanel" id={`${tabIds[tab]}-panel`} aria-labelledby={tabIds[tab]} className="tab-panel">
            {tab === 'draws' ? (
              <>
                <UncertainVariables plan={plan} scenario={scenario} si={si} />
                <RunControls scenario={scenario} />
                <RiskResults scenario={scenario} />
              </>
            ) : (
              <LadderTab plan={plan} scenario={scenario} />
            )}
          </div>
        </>
      )}
    </div>
  );
}

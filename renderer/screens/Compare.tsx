// Two to four scenarios side by side: totals and each FY with differences from the first,
// spend overlaid month by month, and what happens to each service (differences first).
import { useId, useMemo, useRef, useState } from 'react';
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { compare, type Comparison, type ComparisonRow } from '../../shared/compare';
import type { SimulationResult } from '../../shared/engine';
import { ChartExport } from '../components/ChartExport';
import { Card, ChartOrTable, Empty, ScreenHeader } from '../components/common';
import { axisMoney, niceTicks, overlayRows } from '../logic/chart-data';
import { difference, measure, money, monthShort, outcomeCell } from '../logic/format';
import { exportBriefing, exportComparison } from '../store/actions';
import { useResults, useScenarioChoices } from '../store/hooks';
import { useStore } from '../store/store';
import { gridStroke, seriesColour, tooltipStyle, xAxisProps, yAxisProps } from '../components/chart-theme';
import './Compare.css';

const DASHES = ['', '6 3', '2 3', '10 4 2 4'];

/** The chosen ids that still exist, or a first choice: base, the scenario in view, and the next. */
function useChosen(results: readonly SimulationResult[] | null): string[] {
  const chosen = useStore((s) => s.compareIds);
  const inView = useStore((s) => s.scenarioId);
  return useMemo(() => {
    if (!results) return [];
    const known = new Set(results.map((r) => r.id));
    const kept = chosen.filter((id) => known.has(id));
    if (kept.length >= 2) return kept;
    const first = ['base', inView, ...results.map((r) => r.id)].filter((id) => known.has(id));
    return [...new Set(first)].slice(0, 3);
  }, [chosen, results, inView]);
}

function RowCells(props: { row: ComparisonRow }) {
  const { row } = props;
  return (
    <>
      {row.values.map((v, i) => (
        <td key={i} className="num">
          <span className="cmp-value">{measure(v, row.kind)}</span>
          {i > 0 && row.differences[i] !== null && row.differences[i] !== 0 ? (
            <span className={`cmp-diff ${(row.differences[i] ?? 0) > 0 ? 'up' : 'down'}`}>{difference(row.differences[i], row.kind)}</span>
          ) : null}
        </td>
      ))}
    </>
  );
}

function ComparisonTables(props: { comparison: Comparison }) {
  const { comparison } = props;
  const span = comparison.scenarios.length + 1;
  return (
    <div className="table-scroll">
      <table className="data compare" data-testid="compare-totals">
        <caption className="visually-hidden">Figures for each scenario, with differences from {comparison.scenarios[0].name}</caption>
        <thead>
          <tr>
            <th scope="col">Measure</th>
            {comparison.scenarios.map((s, i) => (
              <th key={s.id} scope="col" className="num">
                <span className="series-key" data-series={i + 1} aria-hidden="true" />
                {s.name}
                {i === 0 ? <div className="muted small">differences are from this one</div> : null}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr className="section-row">
            <th scope="colgroup" colSpan={span}>
              Whole horizon
            </th>
          </tr>
          {comparison.totals.map((row) => (
            <tr key={row.key} data-key={row.key}>
              <th scope="row">{row.label}</th>
              <RowCells row={row} />
            </tr>
          ))}
        </tbody>
        {comparison.years.map((year) => (
          <tbody key={year.fy} data-testid={`compare-fy-${year.label}`}>
            <tr className="section-row">
              <th scope="colgroup" colSpan={span}>
                {year.label}
              </th>
            </tr>
            {year.rows.map((row) => (
              <tr key={row.key} data-key={`${year.label}:${row.key}`}>
                <th scope="row">{row.label}</th>
                <RowCells row={row} />
              </tr>
            ))}
          </tbody>
        ))}
      </table>
    </div>
  );
}

function OverlayChart(props: { results: readonly SimulationResult[] }) {
  const ref = useRef<HTMLDivElement>(null);
  const rows = overlayRows(props.results);
  const ticks = niceTicks(Math.max(0, ...rows.flatMap((r) => props.results.map((_, i) => Math.max(Number(r[`spend${i}`]), Number(r[`funding${i}`]))))));
  return (
    <div className="chart" ref={ref} data-testid="compare-chart">
      <ResponsiveContainer width="100%" height={300}>
        <LineChart data={rows} margin={{ top: 16, right: 16, bottom: 8, left: 8 }}>
          <CartesianGrid vertical={false} stroke={gridStroke} />
          <XAxis dataKey="label" {...xAxisProps} interval={2} />
          <YAxis ticks={ticks} domain={[0, ticks[ticks.length - 1]]} tickFormatter={axisMoney} {...yAxisProps} width={56} />
          <Tooltip
            isAnimationActive={false}
            formatter={(value, name) => [axisMoney(Number(value)), String(name)]}
            contentStyle={tooltipStyle}
          />
          {props.results.map((r, i) => (
            <Line
              key={r.id}
              dataKey={`spend${i}`}
              name={`${r.name}: spend`}
              type="stepAfter"
              stroke={seriesColour(i)}
              strokeWidth={2}
              strokeDasharray={DASHES[i]}
              dot={false}
              isAnimationActive={false}
            />
          ))}
          {props.results.map((r, i) => (
            <Line
              key={`f${r.id}`}
              dataKey={`funding${i}`}
              name={`${r.name}: funding`}
              type="stepAfter"
              stroke={seriesColour(i)}
              strokeOpacity={0.45}
              strokeWidth={1.5}
              strokeDasharray="1 3"
              dot={false}
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
      <ul className="legend chart-legend" aria-hidden="true">
        {props.results.map((r, i) => (
          <li key={r.id}>
            <span className="series-key" data-series={i + 1} /> {r.name}
          </li>
        ))}
        <li className="muted">Solid/dashed: spend · dotted: funding</li>
      </ul>
      <ChartExport title={`Spend by month, ${props.results.map((r) => r.name).join(' vs ')}`} target={ref} />
    </div>
  );
}

function OverlayTable(props: { results: readonly SimulationResult[] }) {
  const first = props.results[0];
  return (
    <table className="data compact">
      <caption className="visually-hidden">Spend by month in each scenario</caption>
      <thead>
        <tr>
          <th scope="col">Month</th>
          {props.results.map((r) => (
            <th key={r.id} scope="col" className="num">
              {r.name}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {first.months.map((m, i) => (
          <tr key={m.month}>
            <th scope="row">{monthShort(m.month)}</th>
            {props.results.map((r) => (
              <td key={r.id} className="num">
                {money(r.months[i]?.spend ?? 0)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function OutcomeMatrix(props: { comparison: Comparison }) {
  const { comparison } = props;
  return (
    <table className="data matrix" data-testid="outcome-matrix">
      <caption className="visually-hidden">Outcome of each intervention in each scenario; rows that differ come first</caption>
      <thead>
        <tr>
          <th scope="col">Intervention</th>
          {comparison.scenarios.map((s) => (
            <th key={s.id} scope="col">
              {s.name}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {comparison.interventions.map((row) => (
          <tr key={row.id} className={row.differs ? 'differs' : undefined}>
            <th scope="row">
              {row.name}
              {row.differs ? <span className="pill warn small">differs</span> : null}
            </th>
            {row.outcomes.map((o, i) => (
              <td key={i} className={`outcome-cell outcome-${o.split(' ')[0]}`}>
                {outcomeCell(o)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function Compare() {
  const results = useResults();
  const choices = useScenarioChoices();
  const chosen = useChosen(results);
  const setCompareIds = useStore((s) => s.setCompareIds);
  const [exportState, setExportState] = useState<string>('');
  const groupId = useId();

  const selected = useMemo(
    () => (results ? chosen.map((id) => results.find((r) => r.id === id)).filter((r): r is SimulationResult => !!r) : []),
    [results, chosen],
  );
  const comparison = useMemo(() => (selected.length >= 1 ? compare(selected) : null), [selected]);

  function toggle(id: string, on: boolean) {
    const next = on ? [...chosen, id] : chosen.filter((c) => c !== id);
    setCompareIds(next);
  }

  const [exporting, setExporting] = useState(false);
  const [exportFailed, setExportFailed] = useState(false);

  async function runExport(preparing: string, work: () => Promise<string>) {
    setExporting(true);
    setExportFailed(false);
    setExportState(preparing);
    try {
      const name = await work();
      setExportState(`Downloaded ${name}`);
    } catch (error) {
      setExportFailed(true);
      setExportState(`Could not export: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      setExporting(false);
    }
  }

  const doExport = (format: 'csv' | 'xlsx') => runExport(`Preparing ${format.toUpperCase()}…`, () => exportComparison(format, chosen));
  const doBriefing = (format: 'pdf' | 'html') => runExport('Preparing briefing…', () => exportBriefing(format, chosen));

  return (
    <div className="screen" data-testid="screen-compare">
      <ScreenHeader title="Compare scenarios" lede="Two to four scenarios side by side; differences are from the first chosen.">
        <div className="button-row">
          <button type="button" onClick={() => void doExport('csv')} disabled={chosen.length < 1} data-testid="export-csv">
            Export CSV
          </button>
          <button type="button" onClick={() => void doExport('xlsx')} disabled={chosen.length < 1} data-testid="export-xlsx">
            Export XLSX
          </button>
          <button
            type="button"
            onClick={() => void doBriefing('pdf')}
            disabled={chosen.length < 1 || exporting}
            data-testid="export-briefing-pdf"
            title="A printable briefing on the chosen scenarios: key messages, cliff edges and figures"
          >
            Briefing (PDF)
          </button>
          <button
            type="button"
            onClick={() => void doBriefing('html')}
            disabled={chosen.length < 1 || exporting}
            data-testid="export-briefing-html"
            title="The same briefing as a web page, to open in a browser and print"
          >
            Briefing (HTML)
          </button>
        </div>
      </ScreenHeader>
      <span className={`export-state${exportFailed ? ' field-error' : ''}`} role="status" aria-live="polite" data-testid="export-state">
        {exportState}
      </span>
      <fieldset className="chooser" aria-describedby={groupId}>
        <legend>Scenarios to compare</legend>
        <p id={groupId} className="hint">
          Choose 2 to 4, in the order to show them.
        </p>
        <div className="chooser-options">
          {choices.map((c) => {
            const index = chosen.indexOf(c.id);
            const on = index >= 0;
            return (
              <label key={c.id} className={`check${on ? ' on' : ''}`}>
                <input
                  type="checkbox"
                  checked={on}
                  disabled={(!on && chosen.length >= 4) || (on && chosen.length <= 2)}
                  onChange={(e) => toggle(c.id, e.target.checked)}
                  data-testid={`compare-${c.id}`}
                />
                {on ? <span className="series-key" data-series={index + 1} aria-hidden="true" /> : null}
                {c.name}
              </label>
            );
          })}
        </div>
      </fieldset>
      {!comparison ? (
        <Empty>Working out the results…</Empty>
      ) : (
        <>
          <Card title="Figures side by side">
            <ComparisonTables comparison={comparison} />
          </Card>
          <Card title="Spend by month, overlaid" subtitle="Spend in each scenario against its funding.">
            <ChartOrTable label="Monthly spend in each scenario" chart={<OverlayChart results={selected} />} table={<OverlayTable results={selected} />} />
          </Card>
          <Card title="What happens to each service" subtitle="Services whose outcome differs between the scenarios come first.">
            <div className="table-scroll">
              <OutcomeMatrix comparison={comparison} />
            </div>
          </Card>
        </>
      )}
    </div>
  );
}

// Two to four scenarios side by side: totals and each FY with differences from the first,
// spend overlaid month by month, and what happens to each service (differences first).
import { useId, useMemo, useState } from 'react';
import { compare } from '../../shared/compare';
import type { SimulationResult } from '../../shared/engine';
import { Card, ChartOrTable, Empty, ScreenHeader } from '../components/common';
import { exportBriefing, exportComparison } from '../store/actions';
import { useHeadlineFy, useResults, useScenarioChoices } from '../store/hooks';
import { FyPicker } from '../components/FyPicker';
import { useExport } from '../components/useExport';
import { useHistory } from '../store/main-answer';
import { useStore } from '../store/store';
import { ComparisonTables } from './compare/ComparisonTables';
import { OutcomeMatrix } from './compare/OutcomeMatrix';
import { OverlayChart, OverlayTable } from './compare/OverlayChart';
import { AgainstSnapshot } from './compare/AgainstSnapshot';
import { BriefingAnnexChoice, type AnnexChoice } from './compare/BriefingAnnex';
import './Compare.css';

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

/** The briefing in each format it is saved in. */
const BRIEFINGS = [
  {
    format: 'pdf',
    label: 'Briefing (PDF)',
    title: 'A printable briefing on the chosen scenarios: key messages, cliff edges and figures',
  },
  { format: 'html', label: 'Briefing (HTML)', title: 'The same briefing as a web page, to open in a browser and print' },
] as const;

export function Compare() {
  const results = useResults();
  const choices = useScenarioChoices();
  const chosen = useChosen(results);
  const setCompareIds = useStore((s) => s.setCompareIds);
  const exported = useExport();
  const groupId = useId();

  const selected = useMemo(
    () => (results ? chosen.map((id) => results.find((r) => r.id === id)).filter((r): r is SimulationResult => !!r) : []),
    [results, chosen],
  );
  const fy = useHeadlineFy();
  const comparison = useMemo(() => (selected.length >= 1 ? compare(selected, fy) : null), [selected, fy]);

  function toggle(id: string, on: boolean) {
    const next = on ? [...chosen, id] : chosen.filter((c) => c !== id);
    setCompareIds(next);
  }

  const [annex, setAnnex] = useState<AnnexChoice>(null);
  // The snapshots, for the briefing's annex and the comparison with one; asked again after each change.
  const history = useHistory();

  const doExport = (format: 'csv' | 'xlsx') => exported.run(`Preparing ${format.toUpperCase()}…`, () => exportComparison(format, chosen));
  const doBriefing = (format: 'pdf' | 'html') =>
    exported.run('Preparing briefing…', () => exportBriefing(format, chosen, annex ?? undefined));

  return (
    <div className="screen" data-testid="screen-compare">
      <ScreenHeader title="Compare scenarios" lede="Two to four scenarios side by side; differences are from the first chosen.">
        <FyPicker />
        <div className="button-row">
          <button type="button" onClick={() => void doExport('csv')} disabled={chosen.length < 1} data-testid="export-csv">
            Export CSV
          </button>
          <button type="button" onClick={() => void doExport('xlsx')} disabled={chosen.length < 1} data-testid="export-xlsx">
            Export XLSX
          </button>
          {BRIEFINGS.map((b) => (
            <button
              key={b.format}
              type="button"
              onClick={() => void doBriefing(b.format)}
              disabled={chosen.length < 1 || exported.busy}
              data-testid={`export-briefing-${b.format}`}
              title={b.title}
            >
              {b.label}
            </button>
          ))}
        </div>
        <BriefingAnnexChoice value={annex} snapshots={history.value?.snapshots ?? []} onChange={setAnnex} />
      </ScreenHeader>
      <span className={`export-state${exported.failed ? ' field-error' : ''}`} role="status" aria-live="polite" data-testid="export-state">
        {exported.state}
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
            <ChartOrTable
              label="Monthly spend in each scenario"
              chart={<OverlayChart results={selected} />}
              table={<OverlayTable results={selected} />}
            />
          </Card>
          <Card title="What happens to each service" subtitle="Services whose outcome differs between the scenarios come first.">
            <div className="table-scroll">
              <OutcomeMatrix comparison={comparison} />
            </div>
          </Card>
        </>
      )}
      <AgainstSnapshot history={history} />
    </div>
  );
}

// The tables and lines printed at the end of a run.
import type { GridResult } from './grid';
import type { RiskResult } from './risk';
import type { ScreensResult } from './screens';
import type { StoreRow } from './store';
import { TARGET_NAMES, type Targets } from './targets';

type Maybe<T> = T | { readonly skipped: string };

export const ms = (value: number) =>
  value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value >= 1 ? value.toFixed(2) : value.toFixed(3);
export const times = (value: number) => `${value >= 100 ? value.toFixed(0) : value.toFixed(1)}×`;

export function table(head: readonly string[], body: readonly (readonly string[])[]): string {
  const widths = head.map((h, c) => Math.max(h.length, ...body.map((row) => row[c].length)));
  const line = (cells: readonly string[]) => cells.map((cell, c) => cell.padStart(widths[c])).join('  ');
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}

export function gridTable(rows: readonly GridResult[]): string {
  const head = [
    'N',
    'M',
    'S',
    'closures',
    'simulate',
    'flat',
    'sim/flat',
    'edit',
    'edit/flat',
    'app edit',
    'HF S',
    'HF recalc',
    'engine edit',
    'HF/engine',
    'equal',
  ];
  return table(
    head,
    rows.map((r) => {
      const hf = 'skipped' in r.hf ? null : r.hf;
      return [
        r.interventions,
        r.months,
        r.scenarios,
        r.closures,
        ms(r.engine.simulate.cpu.median),
        ms(r.flat.cpu.median),
        times(r.simulateOverFlat),
        ms(r.engine.edit.cpu.median),
        times(r.editOverFlat),
        ms(r.engine.appEdit.cpu.median),
        hf ? `${hf.scenarios}${hf.sampled ? `/${r.scenarios}` : ''}` : '-',
        hf ? ms(hf.recalc.cpu.median) : 'skipped',
        hf ? ms(hf.engineEdit.cpu.median) : '-',
        hf ? times(hf.ratio) : '-',
        hf ? (hf.equal ? 'yes' : 'NO') : '-',
      ].map(String);
    }),
  );
}

export function printGrid(grid: readonly GridResult[], cellCap: number, hardCap: number): void {
  console.log(
    'Engine (N interventions × M months × S scenarios), CPU ms, medians (edit: compiled plan + withEdit; app edit: the sim worker whole):',
  );
  console.log(gridTable(grid));
  const hfRows = grid.flatMap((r) => ('skipped' in r.hf ? [] : [r.hf]));
  console.log(`HF figures equal to the penny: ${hfRows.every((h) => h.equal) ? 'yes' : 'NO'}`);
  console.log(
    `HF models the wait stance only (no prudent look-ahead); above ${cellCap / 1000}k formula cells it takes the leading scenarios (HF S), and builds nothing above ${hardCap / 1000}k.`,
  );
  for (const h of hfRows) for (const m of h.mismatches) console.log(`  mismatch: ${m}`);
  const at = (rows: readonly GridResult[]) => rows.map((r) => `${r.interventions} × ${r.months} × ${r.scenarios}`).join(', ');
  const flatOff = grid.filter((r) => !r.flatMatchesBase);
  if (flatOff.length) console.log(`the flat loop's FY spend differs from the engine's base scenario at ${at(flatOff)}`);
  const editOff = grid.filter((r) => !r.editMatchesFresh);
  if (editOff.length) console.log(`the compiled plan's edit DIFFERS from resolving the edited plan afresh at ${at(editOff)}`);
}

export function printRisk(risk: Maybe<RiskResult>): void {
  if ('skipped' in risk) {
    console.log(`skipped: ${risk.skipped}`);
    return;
  }
  console.log(
    `Risk (${risk.draws} draws, 20 × 120, wall, start-up included): ${risk.oneWorker.drawsPerSecond.toFixed(0)} draws/s on 1 worker, ` +
      `${risk.twoWorkers.drawsPerSecond.toFixed(0)} on ${risk.twoWorkers.workers} (${times(risk.speedup)}); ` +
      `start-up ${ms(risk.oneWorker.startupMs)} / ${ms(risk.twoWorkers.startupMs)} ms; ` +
      `${risk.inProcessDrawsPerCpuSecond.toFixed(0)} draws per CPU second on one thread without workers; same numbers: ${risk.sameNumbers ? 'yes' : 'NO'}`,
  );
}

export function printScreens(screens: Maybe<ScreensResult>): void {
  if ('skipped' in screens) {
    console.log(`skipped: ${screens.skipped}`);
    return;
  }
  const peer = 'skipped' in screens.peer ? null : screens.peer;
  const slider = 'skipped' in screens.sliderStep ? null : screens.sliderStep;
  console.log(
    `Screens (Chromium, demo plan, wall ms, median / p95): edit to settled chart ${ms(screens.editToChart.median)} / ${ms(screens.editToChart.p95)} ` +
      `(${ms(screens.editToChartInPage.median)} in the page from Enter); ` +
      `slider step to figures ${slider ? `${ms(slider.median)} / ${ms(slider.p95)} (${ms(screens.sliderStepInPage!.median)} in the page from the input)` : (screens.sliderStep as { skipped: string }).skipped}; ` +
      `in-page peer ${peer ? `${ms(peer.total.median)} (engine edit ${ms(peer.engine.median)} + chart render ${ms(peer.render.median)})` : (screens.peer as { skipped: string }).skipped}` +
      `${screens.peerAgrees === false ? ' (its chart DIFFERS from the app’s)' : ''}; ` +
      `one API round trip ${screens.apiRoundTrip ? ms(screens.apiRoundTrip.median) : '-'}; first load ${ms(screens.firstLoad)}`,
  );
  if ('skipped' in screens.appRisk) console.log(`skipped: ${screens.appRisk.skipped}`);
  else {
    const r = screens.appRisk;
    console.log(
      `Risk screen (${r.draws} draws, demo plan with "${r.plan.split('"')[1]}"): click to results ${ms(r.clickToResults.median)} ms wall (${r.status}); ` +
        `CLI runner on one thread ${ms(r.cli.cpu.median)} ms CPU, ${ms(r.cli.wall.median)} ms wall; ` +
        `the same draws on the page's main thread ${typeof r.pageThreadMs === 'number' ? `${ms(r.pageThreadMs)} ms` : r.pageThreadMs}`,
    );
  }
}

export function printStore(store: Maybe<{ rows: StoreRow[] }>): void {
  if ('skipped' in store) {
    console.log(`skipped: ${store.skipped}`);
    return;
  }
  console.log('Store, wall ms (median / p95):');
  console.log(
    table(
      ['plan', 'file KB', 'open', 'edit + save', 'undo'],
      store.rows.map((r) => [
        r.plan,
        String(r.fileKb),
        ...[r.open, r.editAndSave, r.undo].map((t) => `${ms(t.wall.median)} / ${ms(t.wall.p95)}`),
      ]),
    ),
  );
}

const figure = (value: number | null) =>
  value === null ? '-' : Math.abs(value) >= 1000 ? value.toFixed(0) : Math.abs(value) >= 10 ? value.toFixed(1) : value.toFixed(2);

export function targetsTable(targets: Targets): string {
  const lines = table(
    ['target', 'bound', 'value', 'met'],
    TARGET_NAMES.map((name) => {
      const t = targets[name];
      return [name, t.target, figure(t.value), t.met ? 'yes' : 'NO'];
    }),
  ).split('\n');
  // The notes left-aligned after the table's columns.
  const notes = ['note', '----', ...TARGET_NAMES.map((name) => targets[name].note ?? '')];
  return lines.map((line, i) => `${line}  ${notes[i]}`.trimEnd()).join('\n');
}

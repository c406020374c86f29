// `npm run bench`: the engine against a spreadsheet engine (HyperFormula) and against the
// floor (a flat typed-array loop), then risk, screens and store.
// Bundled and started by build/scripts/bench.mjs: argv[2] is the project's root.
// Warm-up, interleaved repetitions, medians (and p95); results in bench-results/latest.json.
// Single-threaded work is timed in process CPU time as well as wall time: the table shows
// CPU time, which a busy machine disturbs least; both are in the JSON.
import fs from 'node:fs';
import path from 'node:path';
import { benchPlan, dropWorkbooks, HF_CELL_CAP, HF_HARD_CAP, type GridResult } from './grid';
import { git, hyperformulaVersion, machine } from './machine';
import { GRID, parts, quick, root, type Part } from './options';
import { gridTable, ms, table, times } from './report';
import { benchRisk } from './risk';
import { benchScreens } from './screens';
import { benchStore } from './store';

const TARGET_HF_RATIO = 100;
const TARGET_FLAT_RATIO = 3;

async function main(): Promise<void> {
  const started = performance.now();
  const grid: GridResult[] = [];
  const env = machine();
  console.log(
    `Headroom bench${quick ? ' (quick)' : ''}: ${env.cpus.count} × ${env.cpus.model}, node ${process.version}, load average ${env.loadAverageAtStart[0]}`,
  );
  if (parts.has('grid')) {
    for (const interventions of GRID.interventions) {
      for (const months of GRID.months) {
        for (const scenarios of GRID.scenarios) {
          const r = benchPlan(interventions, months, scenarios);
          grid.push(r);
          const hf =
            'skipped' in r.hf
              ? `HF skipped: ${r.hf.skipped}`
              : `HF ${ms(r.hf.recalc.cpu.median)} ms over ${r.hf.scenarios} scenario(s), built in ${(r.hf.buildMs / 1000).toFixed(1)} s`;
          console.log(
            `  ${interventions} × ${months} × ${scenarios}: simulate ${ms(r.engine.simulate.cpu.median)} ms, flat ${ms(r.flat.cpu.median)} ms, edit ${ms(r.engine.edit.cpu.median)} ms; ${hf} (${r.durationS} s)`,
          );
        }
      }
    }
    dropWorkbooks();
  }
  const partS: Record<string, number> = { grid: Math.round((performance.now() - started) / 1000) };
  const timed = async <T>(part: Part, run: () => Promise<T>): Promise<T | { skipped: string }> => {
    if (!parts.has(part)) return { skipped: `${part}: not run (--parts)` };
    const t = performance.now();
    const result = await run();
    partS[part] = Math.round((performance.now() - t) / 1000);
    return result;
  };
  const riskResult = await timed('risk', benchRisk);
  const screensResult = await timed('screens', benchScreens);
  const storeResult = await timed('store', benchStore);

  const hfRows = grid.flatMap((r) => ('skipped' in r.hf ? [] : [r.hf]));
  const minHf = hfRows.length ? Math.min(...hfRows.map((h) => h.ratio)) : NaN;
  const maxFlat = grid.length ? Math.max(...grid.map((r) => r.simulateOverFlat)) : NaN;
  const results = {
    date: new Date().toISOString(),
    commit: git('rev-parse', 'HEAD'),
    dirty: (git('status', '--porcelain') ?? '') !== '',
    machine: env,
    quick,
    durationS: Math.round((performance.now() - started) / 1000),
    cpuS: Math.round(process.cpuUsage().user / 1e6 + process.cpuUsage().system / 1e6),
    partS,
    notes: [
      'Times in ms; `cpu` is process CPU time (the table), `wall` is wall-clock time. Medians and p95 over interleaved rounds after warm-up.',
      "simulate: simulate() of every resolved scenario of the plan. edit: one intervention's annual cost changed, then resolveScenario + simulate of every scenario.",
      'flat: the monthly split, half-to-even partner share and sums over typed arrays, no rules (the floor).',
      `HF: HyperFormula ${hyperformulaVersion()} recalculation after setCellContents of that annual cost, against the engine's edit of the same scenarios. Workbooks are capped at ${HF_CELL_CAP} formula cells by taking the leading scenarios (base first; "HF S" shows how many), and not built above ${HF_HARD_CAP}.`,
      "HF models the wait stance: split, shares, plan cost, known month, pools, decision with notice/run-on/exit, account (spend, partner, drawn, underspend, at risk), limit, grant condition. Not modelled: the prudent look-ahead, outcomes other than closing, people. Its inputs are resolved values (the plan's formulas are evaluated by resolve).",
    ],
    targets: {
      hfOverEngine: { target: `>= ${TARGET_HF_RATIO}`, worst: minHf, met: minHf >= TARGET_HF_RATIO },
      simulateOverFlat: { target: `<= ${TARGET_FLAT_RATIO}`, worst: maxFlat, met: maxFlat <= TARGET_FLAT_RATIO },
      allEqual: hfRows.every((h) => h.equal),
    },
    grid,
    risk: riskResult,
    screens: screensResult,
    store: storeResult,
  };
  const out = path.join(root, 'bench-results');
  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(path.join(out, 'latest.json'), JSON.stringify(results, null, 2) + '\n');

  console.log('');
  if (grid.length) {
    console.log('Engine (N interventions × M months × S scenarios), CPU ms, medians:');
    console.log(gridTable(grid));
    console.log('');
    console.log(
      `HF/engine: worst ${times(minHf)} (target ≥ ${TARGET_HF_RATIO}×) ${minHf >= TARGET_HF_RATIO ? 'met' : 'MISSED'}; simulate/flat: worst ${times(maxFlat)} (target ≤ ${TARGET_FLAT_RATIO}×) ${maxFlat <= TARGET_FLAT_RATIO ? 'met' : 'MISSED'}; HF figures equal to the penny: ${results.targets.allEqual ? 'yes' : 'NO'}`,
    );
    console.log(
      `HF models the wait stance only (no prudent look-ahead); above ${HF_CELL_CAP / 1000}k formula cells it takes the leading scenarios (HF S), and builds nothing above ${HF_HARD_CAP / 1000}k.`,
    );
    for (const h of hfRows) for (const m of h.mismatches) console.log(`  mismatch: ${m}`);
    const flatOff = grid.filter((r) => !r.flatMatchesBase);
    if (flatOff.length)
      console.log(
        `the flat loop's FY spend differs from the engine's base scenario at ${flatOff.map((r) => `${r.interventions} × ${r.months} × ${r.scenarios}`).join(', ')}`,
      );
  }
  if ('skipped' in riskResult) console.log(`skipped: ${riskResult.skipped}`);
  else {
    console.log(
      `Risk (${riskResult.draws} draws, 20 × 120, wall, start-up included): ${riskResult.oneWorker.drawsPerSecond.toFixed(0)} draws/s on 1 worker, ` +
        `${riskResult.allWorkers.drawsPerSecond.toFixed(0)} on ${riskResult.allWorkers.workers} (${times(riskResult.speedup)}); ` +
        `start-up ${ms(riskResult.oneWorker.startupMs)} / ${ms(riskResult.allWorkers.startupMs)} ms; ` +
        `${riskResult.inProcessDrawsPerCpuSecond.toFixed(0)} draws per CPU second on one thread without workers; same numbers: ${riskResult.sameNumbers ? 'yes' : 'NO'}`,
    );
  }
  if ('skipped' in screensResult) console.log(`skipped: ${screensResult.skipped}`);
  else
    console.log(
      `Screens (Chromium, demo plan): edit to updated chart ${ms(screensResult.editToChart.median)} ms median, p95 ${ms(screensResult.editToChart.p95)} ms (wall); first load ${ms(screensResult.firstLoad)} ms`,
    );
  if ('skipped' in storeResult) console.log(`skipped: ${storeResult.skipped}`);
  else {
    console.log('Store, wall ms (median / p95):');
    console.log(
      table(
        ['plan', 'file KB', 'open', 'edit + save', 'undo'],
        storeResult.rows.map((r) => [
          r.plan,
          String(r.fileKb),
          ...[r.open, r.editAndSave, r.undo].map((t) => `${ms(t.wall.median)} / ${ms(t.wall.p95)}`),
        ]),
      ),
    );
  }
  console.log(
    `results: ${path.relative(process.cwd(), path.join(out, 'latest.json'))} (${results.durationS} s, ${results.cpuS} s of CPU in this process)`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});

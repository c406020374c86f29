// `npm run bench`: the engine against a spreadsheet engine (HyperFormula) and against the
// floor (a flat typed-array loop), then risk, screens and store, and the targets.
// Bundled and started by build/scripts/bench.mjs: argv[2] is the project's root.
// Warm-up, interleaved repetitions, medians (and p95); results in bench-results/latest.json.
// Single-threaded work is timed in process CPU time as well as wall time: the table shows
// CPU time, which a busy machine disturbs least; both are in the JSON.
import fs from 'node:fs';
import path from 'node:path';
import { benchPlan, dropWorkbooks, HF_CELL_CAP, HF_HARD_CAP, type GridResult } from './grid';
import { git, hyperformulaVersion, machine } from './machine';
import { GRID, parts, quick, root, type Part } from './options';
import { ms, printGrid, printRisk, printScreens, printStore, targetsTable } from './report';
import { benchRisk, type RiskResult } from './risk';
import { benchScreens, type ScreensResult } from './screens';
import { benchStore } from './store';
import { computeTargets, type TargetInputs } from './targets';

type Maybe<T> = T | { readonly skipped: string };
const ran = <T extends object>(result: Maybe<T>): T | null => ('skipped' in result ? null : result);

/** What the targets are worked out from, out of the parts' results. */
function targetInputs(grid: readonly GridResult[], risk: Maybe<RiskResult>, screens: Maybe<ScreensResult>): TargetInputs {
  const r = ran(risk);
  const s = ran(screens);
  const peer = s ? ran(s.peer) : null;
  const slider = s ? ran(s.sliderStep) : null;
  const appRisk = s ? ran(s.appRisk) : null;
  return {
    grid: grid.map((g) => ({
      at: `${g.interventions} × ${g.months} × ${g.scenarios}`,
      editOverFlat: g.editOverFlat,
      simulateOverFlat: g.simulateOverFlat,
      hfOverEngineEdit: 'skipped' in g.hf ? null : g.hf.ratio,
    })),
    riskDrawsPerCpuSecond: r ? r.inProcessDrawsPerCpuSecond : null,
    riskTwoWorkers: r ? { speedup: r.speedup, identical: r.sameNumbers } : null,
    appRisk10k: appRisk ? { clickToResultsMs: appRisk.clickToResults.median, cliCpuMs: appRisk.cli.cpu.median } : null,
    editToChart: s && peer ? { appMs: s.editToChart.median, peerMs: peer.total.median } : null,
    sliderStep: slider && peer ? { appMs: slider.median, peerMs: peer.total.median } : null,
  };
}

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
  const targets = computeTargets(targetInputs(grid, riskResult, screensResult));
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
      "simulate: simulate() of every resolved scenario of the plan. edit: one intervention's annual cost changed, taken in as the app does (compilePlan once, then withEdit), then resolve + simulate of every scenario. appEdit: the sim worker's whole answer to that edit (createSimulator: validation, simulate, resolved views).",
      'screens: wall ms in Chromium on the browser harness; each is set against an in-page peer (the engine edit through a compiled plan + one render of the scenario chart with the final data, on the page thread). appRisk: click on Run to results over the same draws on one thread of the CLI runner, in CPU time.',
      'flat: the monthly split, half-to-even partner share and sums over typed arrays, no rules (the floor).',
      `HF: HyperFormula ${hyperformulaVersion()} recalculation after setCellContents of that annual cost, against the engine's edit of the same scenarios. Workbooks are capped at ${HF_CELL_CAP} formula cells by taking the leading scenarios (base first; "HF S" shows how many), and not built above ${HF_HARD_CAP}.`,
      "HF models the wait stance: split, shares, plan cost, known month, pools, decision with notice/run-on/exit, account (spend, partner, drawn, underspend, at risk), limit, grant condition. Not modelled: the prudent look-ahead, outcomes other than closing, people. Its inputs are resolved values (the plan's formulas are evaluated by resolve).",
    ],
    targets,
    hfFiguresEqual: hfRows.every((h) => h.equal),
    grid,
    risk: riskResult,
    screens: screensResult,
    store: storeResult,
  };
  const out = path.join(root, 'bench-results');
  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(path.join(out, 'latest.json'), JSON.stringify(results, null, 2) + '\n');

  console.log('');
  if (grid.length) printGrid(grid, HF_CELL_CAP, HF_HARD_CAP);
  printRisk(riskResult);
  printScreens(screensResult);
  printStore(storeResult);
  console.log('');
  console.log('Targets (issue 15):');
  console.log(targetsTable(targets));
  console.log(
    `results: ${path.relative(process.cwd(), path.join(out, 'latest.json'))} (${results.durationS} s, ${results.cpuS} s of CPU in this process)`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});

// Parts 1 and 2: the engine against HyperFormula and against the floor (a flat typed-array
// loop), over a grid of generated plans (N interventions × M months × S scenarios).
import { createSimulator } from '../../renderer/logic/simulation';
import { compilePlan } from '../../shared/compiled/compile';
import { simulate } from '../../shared/engine';
import type { Plan } from '../../shared/plan';
import { resolveScenario, type ResolvedScenario } from '../../shared/resolve';
import { validatePlan } from '../../shared/validate';
import { flatLoop, flatten, flatTotals } from './flat-loop';
import { editableIntervention, generatePlan, withAnnualCost } from './generate';
import { buildWorkbook, compareFigures, engineFigures, layoutWorkbook, type Figures, type Workbook } from './hyperformula-model';
import { gc, interleave, type Task, type Timing } from './measure';

/**
 * HyperFormula builds at roughly 50-100 µs a formula cell: workbooks are capped by taking the
 * leading scenarios (at least the base) that fit; a grid point whose plan and base alone are
 * above the hard cap gets no workbook.
 */
export const HF_CELL_CAP = 30_000;
export const HF_HARD_CAP = 200_000;

function resolveAll(plan: Plan, ids: readonly string[]): ResolvedScenario[] {
  return ids.map((id) => {
    const resolved = resolveScenario(plan, id);
    if (!resolved.scenario) throw new Error(`${id}: ${resolved.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
    return resolved.scenario;
  });
}

export interface HfResult {
  readonly scenarios: number;
  readonly sampled: boolean;
  readonly formulaCells: number;
  readonly buildMs: number;
  readonly recalc: Timing;
  /** The engine's edit of the same scenarios (resolve + simulate). */
  readonly engineEdit: Timing;
  /** HF recalculation over the engine's edit, CPU-time medians (wall in `ratioWall`). */
  readonly ratio: number;
  readonly ratioWall: number;
  readonly equal: boolean;
  readonly mismatches: readonly string[];
  readonly closures: number;
}

export interface GridResult {
  readonly interventions: number;
  readonly months: number;
  readonly scenarios: number;
  readonly closures: number;
  /**
   * simulate(): every resolved scenario. edit: one annual cost changed, taken in by the plan
   * compiled once (withEdit), then resolve + simulate of every scenario. appEdit: the sim
   * worker's whole answer to the same edit (createSimulator: validation, simulate, the views).
   */
  readonly engine: { readonly simulate: Timing; readonly edit: Timing; readonly appEdit: Timing };
  /** The compiled plan's edit gives the results of resolveScenario + simulate of the edited plan. */
  readonly editMatchesFresh: boolean;
  readonly flat: Timing;
  /** The flat loop's FY spend and partner equal the engine's for the base scenario (which closes nothing). */
  readonly flatMatchesBase: boolean;
  readonly simulateOverFlat: number;
  readonly editOverFlat: number;
  readonly hf: HfResult | { readonly skipped: string };
  /** Wall time this grid point took, workbook build included. */
  readonly durationS: number;
}

/** Built workbooks, shared by grid points whose sampled scenarios are the same. */
const workbooks = new Map<string, { workbook: Workbook; buildMs: number }>();

export function dropWorkbooks(): void {
  for (const entry of workbooks.values()) entry.workbook.destroy();
  workbooks.clear();
  gc();
}

/** The editing value of round r: alternates around the original so that every recalculation changes something. */
function editedPounds(original: number, round: number): number {
  // In pence, so that the result is a pounds figure with at most 2 decimals, as a plan holds.
  const step = ((round + 2) % 9) * 123_457 + 1;
  const pence = Math.round(original * 100);
  return (round % 2 ? pence + step : Math.max(100, pence - step)) / 100;
}

/**
 * How many leading scenarios (base first) fit the cell cap, from the layout of the base alone
 * (every scenario's sheet is about the size of the base's); 0 when not even the base fits.
 */
/**
 * The engine's edit as the app makes it (renderer/logic/simulation.ts): the plan compiled
 * once, each edit taken in with withEdit, then resolve + simulate of the given scenarios.
 * Every call edits to a value other than the one before, so each re-resolves what it reaches.
 */
function engineEditor(plan: Plan, k: number, ids: readonly string[]): () => void {
  const original = plan.interventions[k].annualCost as number;
  let compiled = compilePlan(plan);
  for (const id of ids) compiled.resolve(id);
  let edits = 0;
  return () => {
    compiled = compiled.withEdit(withAnnualCost(plan, k, editedPounds(original, edits++)));
    for (const id of ids) {
      const resolved = compiled.resolve(id);
      if (!resolved.scenario) throw new Error(`${id}: ${resolved.problems[0]?.message}`);
      simulate(resolved.scenario);
    }
  };
}

/** The sim worker's answer to each edit (createSimulator), one after another as the app sends them. */
function appEditor(plan: Plan, k: number): () => void {
  const original = plan.interventions[k].annualCost as number;
  const simulator = createSimulator();
  simulator(plan);
  let edits = 0;
  return () => {
    const outcome = simulator(withAnnualCost(plan, k, editedPounds(original, edits++)));
    if (!outcome.ok) throw new Error(`the edited plan is not valid: ${outcome.problems[0]?.message}`);
  };
}

/** An edit through the compiled plan gives, to the penny, what resolving the edited plan afresh gives. */
function editMatchesFresh(plan: Plan, k: number, ids: readonly string[]): boolean {
  const original = plan.interventions[k].annualCost as number;
  const compiled = compilePlan(plan);
  compiled.resolveAll();
  const edited = withAnnualCost(plan, k, editedPounds(original, 0));
  const viaEdit = compiled.withEdit(edited).resolveAll().map(simulate);
  const fresh = resolveAll(edited, ids).map(simulate);
  return JSON.stringify(viaEdit) === JSON.stringify(fresh);
}

function sampleSize(planCells: number, baseCells: number, scenarios: number): number {
  if (planCells + baseCells > HF_HARD_CAP) return 0;
  return Math.max(1, Math.min(scenarios, Math.floor((HF_CELL_CAP - planCells) / Math.max(1, baseCells))));
}

export function benchPlan(interventions: number, months: number, scenarios: number): GridResult {
  const started = performance.now();
  const plan = generatePlan({ interventions, months, scenarios });
  const validation = validatePlan(plan);
  if (!validation.ok)
    throw new Error(
      `generated plan is not valid: ${validation.problems
        .slice(0, 3)
        .map((p) => `${p.path}: ${p.message}`)
        .join('; ')}`,
    );
  const ids = validation.scenarios.map((s) => s.id);
  const resolved = validation.scenarios;
  const k = editableIntervention(plan);
  const original = plan.interventions[k].annualCost as number;
  const results = resolved.map(simulate);
  const closures = results.reduce((sum, r) => sum + r.totals.closures, 0);

  const flats = resolved.map(flatten);
  const totals = flatTotals(flats[0]);
  flatLoop(flats[0], totals);
  const baseYears = results[0].years;
  const flatMatchesBase =
    results[0].totals.closures === 0 && baseYears.every((y, j) => totals.spendByFy[j] === y.spend && totals.partnerByFy[j] === y.partner);

  // HyperFormula: size the workbook from the base's layout, then build the leading scenarios that fit the cap.
  const baseLayout = layoutWorkbook(plan, resolved.slice(0, 1));
  const count = sampleSize(baseLayout.planCells, baseLayout.scenarioCells[0], ids.length);
  let hfTasks: Task[] = [];
  let hfResult: (stats: Map<string, Timing>) => GridResult['hf'] = () => ({
    skipped: `${baseLayout.formulaCells} formula cells for the base scenario alone, over the ${HF_HARD_CAP} cap`,
  });
  if (count > 0) {
    const subsetIds = ids.slice(0, count);
    // The same leading scenarios of a plan with more scenarios after them give the same workbook.
    const key = JSON.stringify({ ...plan, name: '', scenarios: plan.scenarios?.slice(0, count - 1) ?? [] });
    let cached = workbooks.get(key);
    if (!cached) {
      dropWorkbooks();
      const layout = count === 1 ? baseLayout : layoutWorkbook(plan, resolved.slice(0, count));
      const t = performance.now();
      const workbook = buildWorkbook(layout);
      cached = { workbook, buildMs: performance.now() - t };
      workbooks.set(key, cached);
    }
    const { workbook, buildMs } = cached;
    const engineOn = (edited: Plan): Figures[] => resolveAll(edited, subsetIds).map((s) => engineFigures(simulate(s)));
    const check = (edited: Plan) => {
      const model = workbook.figures();
      return engineOn(edited).flatMap((figures, s) => compareFigures(figures, model[s]));
    };
    // Equal before timing (this also resets a shared workbook to the plan's own cost).
    workbook.setAnnualCost(k, Math.round(original * 100));
    const before = check(plan);
    let lastRound = -1;
    const sameEdit = count === ids.length;
    hfTasks = [
      {
        name: 'hf-recalc',
        batchable: false,
        run: (round) => {
          lastRound = round;
          workbook.setAnnualCost(k, Math.round(editedPounds(original, round) * 100));
        },
      },
    ];
    // Over every scenario the engine's side is the `edit` task itself.
    if (!sameEdit) {
      hfTasks.push({
        name: 'engine-edit-subset',
        batchable: true,
        run: engineEditor(plan, k, subsetIds),
      });
    }
    hfResult = (stats) => {
      // Equal after the last recalculation, too.
      const value = editedPounds(original, lastRound);
      workbook.setAnnualCost(k, Math.round(value * 100));
      const all = [...before, ...check(withAnnualCost(plan, k, value))];
      const recalc = stats.get('hf-recalc')!;
      const engineEdit = stats.get(sameEdit ? 'edit' : 'engine-edit-subset')!;
      return {
        scenarios: count,
        sampled: count < ids.length,
        formulaCells: workbook.layout.formulaCells,
        buildMs,
        recalc,
        engineEdit,
        ratio: recalc.cpu.median / engineEdit.cpu.median,
        ratioWall: recalc.wall.median / engineEdit.wall.median,
        equal: all.length === 0,
        mismatches: all.slice(0, 10),
        closures: results.slice(0, count).reduce((sum, r) => sum + r.totals.closures, 0),
      };
    };
  }

  const tasks: Task[] = [
    { name: 'simulate', batchable: true, run: () => resolved.forEach((s) => simulate(s)) },
    { name: 'flat', batchable: true, run: () => flats.forEach((f) => flatLoop(f, totals)) },
    {
      name: 'edit',
      batchable: true,
      run: engineEditor(plan, k, ids),
    },
    { name: 'app-edit', batchable: true, run: appEditor(plan, k) },
    ...hfTasks,
  ];
  const stats = interleave(tasks, { budgetMs: 1000 });
  const engineSim = stats.get('simulate')!;
  const flat = stats.get('flat')!;
  const edit = stats.get('edit')!;
  const appEdit = stats.get('app-edit')!;
  return {
    interventions,
    months,
    scenarios,
    closures,
    engine: { simulate: engineSim, edit, appEdit },
    editMatchesFresh: editMatchesFresh(plan, k, ids),
    flat,
    flatMatchesBase,
    simulateOverFlat: engineSim.cpu.median / flat.cpu.median,
    editOverFlat: edit.cpu.median / flat.cpu.median,
    hf: hfResult(stats),
    durationS: Math.round((performance.now() - started) / 100) / 10,
  };
}

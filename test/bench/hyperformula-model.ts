// A plan's resolved scenarios as a HyperFormula workbook that computes the engine's figures
// with spreadsheet formulas, for the benchmark's "engine against a spreadsheet" comparison.
//
// What the formulas model (plan-format.md §3.1 to §3.5, stance wait): the monthly split (INT/MOD), the
// partner's share rounded half-to-even, plan cost per month and per FY, the FY's known month,
// funding pools (general and ring-fenced), the decision in (priority, id) order with notice,
// run-on and exit cost for the interventions that close, the account (spend, partner,
// drawn, underspend, at risk), the limit and the grant condition.
// What the workbook takes as given: the resolved inputs (pence, month indices, share ratios:
// the plan's own formulas are evaluated by resolve, not here), and its layout fixes which
// months each intervention runs and which taper entry is in force in each month.
// Not modelled: the prudent stance's look-ahead, outcomes other than closing, people.
// Ring-fenced streams must have disjoint members (the account's pool use then has a closed form).
import { HyperFormula, type RawCellContent, type SimpleCellAddress } from 'hyperformula';
import type { SimulationResult } from '../../shared/engine';
import { fyEnd, fyOfMonth, fyStart, formatMonth } from '../../shared/months';
import type { Plan } from '../../shared/plan';
import type { ResolvedIntervention, ResolvedScenario } from '../../shared/resolve';

/** The figures both sides produce, compared to the penny. */
export interface Figures {
  readonly scenario: string;
  readonly years: readonly {
    readonly fy: number;
    readonly known: number;
    readonly funding: number;
    readonly spend: number;
    readonly commissionedSpend: number;
    readonly partner: number;
    readonly drawn: number;
    readonly underspend: number;
    readonly atRisk: number;
    readonly limitBreached: boolean;
    readonly compliant: boolean;
  }[];
  /** Per intervention (plan order): the last month of service if it closes, and spend per FY. */
  readonly interventions: readonly { readonly id: string; readonly lastMonth: number | null; readonly planCost: readonly number[] }[];
}

export function engineFigures(result: SimulationResult): Figures {
  return {
    scenario: result.id,
    years: result.years.map((y) => ({
      fy: y.fy,
      known: y.known,
      funding: y.funding,
      spend: y.spend,
      commissionedSpend: y.commissionedSpend,
      partner: y.partner,
      drawn: y.drawn,
      underspend: y.underspend,
      atRisk: y.atRisk,
      limitBreached: y.limitBreached,
      compliant: y.compliant,
    })),
    interventions: result.interventions.map((r) => ({
      id: r.id,
      lastMonth: r.outcome === 'closes' ? r.lastMonth : null,
      planCost: r.planCost,
    })),
  };
}

/** Every difference between two sets of figures, as lines a person can read (empty when equal). */
export function compareFigures(engine: Figures, model: Figures, limit = 20): string[] {
  const out: string[] = [];
  const add = (what: string, a: unknown, b: unknown) => {
    if (a !== b && out.length < limit) out.push(`${engine.scenario} ${what}: engine ${String(a)}, workbook ${String(b)}`);
  };
  add('FYs', engine.years.length, model.years.length);
  engine.years.forEach((y, j) => {
    const m = model.years[j];
    if (!m) return;
    for (const key of Object.keys(y) as (keyof typeof y)[]) add(`FY ${y.fy} ${key}`, y[key], m[key]);
  });
  engine.interventions.forEach((r, i) => {
    const m = model.interventions[i];
    if (!m) return add(`intervention ${r.id}`, 'present', 'missing');
    add(
      `${r.id} lastMonth`,
      r.lastMonth === null ? null : formatMonth(r.lastMonth),
      m.lastMonth === null ? null : formatMonth(m.lastMonth),
    );
    r.planCost.forEach((v, j) => add(`${r.id} planCost[${j}]`, v, m.planCost[j]));
  });
  return out;
}

// --- layout ---------------------------------------------------------------------------

function colName(col: number): string {
  let name = '';
  for (let c = col + 1; c > 0; c = Math.floor((c - 1) / 26)) name = String.fromCharCode(65 + ((c - 1) % 26)) + name;
  return name;
}

class Sheet {
  readonly rows: RawCellContent[][] = [];
  formulas = 0;
  values = 0;
  constructor(readonly name: string) {}
  set(row: number, col: number, value: RawCellContent): void {
    (this.rows[row] ??= [])[col] = value;
    if (typeof value === 'string' && value.startsWith('=')) this.formulas++;
    else this.values++;
  }
  /** A1 reference from a formula on sheet `on`; `abs` pins it (for ranges shared by a row). */
  ref(row: number, col: number, on: Sheet, abs = false): string {
    const a1 = abs ? `$${colName(col)}$${row + 1}` : `${colName(col)}${row + 1}`;
    return on === this ? a1 : `${this.name}!${a1}`;
  }
  range(row: number, col0: number, col1: number, on: Sheet): string {
    const a1 = `$${colName(col0)}$${row + 1}:$${colName(col1)}$${row + 1}`;
    return on === this ? a1 : `${this.name}!${a1}`;
  }
  dense(): RawCellContent[][] {
    const out: RawCellContent[][] = [];
    for (let r = 0; r < this.rows.length; r++) out.push(Array.from(this.rows[r] ?? [], (v) => v ?? null));
    return out;
  }
}

/** Where one intervention's monthly rows live (the Plan sheet, or a scenario that changes it). */
interface Block {
  readonly sheet: Sheet;
  readonly row: number;
  readonly hasPartner: boolean;
}

interface Shape {
  readonly h0: number;
  readonly months: number;
  readonly fys: readonly number[];
  readonly tapers: number;
  /** Horizon offsets of each FY's first and last month inside the horizon. */
  readonly from: readonly number[];
  readonly to: readonly number[];
}

// Column offsets inside a block row.
const blockCols = (shape: Shape) => {
  const F = shape.fys.length;
  const M = shape.months;
  const base = 1 + 5 * F + 2 * shape.tapers;
  return {
    annual: 0,
    fy: (j: number) => 1 + j,
    exit: (j: number) => 1 + F + j,
    notice: (j: number) => 1 + 2 * F + j,
    full: (j: number) => 1 + 3 * F + j,
    fullPartner: (j: number) => 1 + 4 * F + j,
    shareNum: (t: number) => 1 + 5 * F + 2 * t,
    shareDen: (t: number) => 2 + 5 * F + 2 * t,
    cost: (m: number) => base + m,
    partner: (m: number) => base + M + m,
    /** cum(k): plan cost of horizon months 0..k-1 (cum(0) = 0). */
    cum: (k: number) => base + 2 * M + k,
    cumPartner: (k: number) => base + 3 * M + 1 + k,
  };
};

function isRunning(item: ResolvedIntervention, month: number): boolean {
  return (item.start === null || month >= item.start) && (item.end === null || month <= item.end);
}

/** Lays out one intervention's inputs and monthly rows; `annualInput` makes its cost one live cell. */
function writeBlock(sheet: Sheet, row: number, item: ResolvedIntervention, shape: Shape, annualInput: boolean): Block {
  const c = blockCols(shape);
  const { h0, months, fys } = shape;
  // Relative references throughout, so that rows of the same shape share one parsed formula.
  const at = (col: number) => sheet.ref(row, col, sheet);
  const pin = at;
  const hasPartner = item.partnerShares.length > 0;
  if (annualInput) sheet.set(row, c.annual, item.annualCost.get(fys[0]) ?? 0);
  fys.forEach((fy, j) => {
    sheet.set(row, c.fy(j), annualInput ? `=${pin(c.annual)}` : (item.annualCost.get(fy) ?? 0));
    sheet.set(row, c.exit(j), item.exitCost.get(fy) ?? 0);
    sheet.set(row, c.notice(j), item.noticeMonths.get(fy) ?? 0);
  });
  item.partnerShares.forEach((entry, t) => {
    sheet.set(row, c.shareNum(t), Number(entry.share.num));
    sheet.set(row, c.shareDen(t), Number(entry.share.den));
  });
  sheet.set(row, c.cum(0), 0);
  if (hasPartner) sheet.set(row, c.cumPartner(0), 0);
  let entry = -1;
  for (let m = 0; m < months; m++) {
    const month = h0 + m;
    while (entry + 1 < item.partnerShares.length && item.partnerShares[entry + 1].from <= month) entry++;
    const running = isRunning(item, month);
    if (running) {
      const annual = pin(c.fy(fys.indexOf(fyOfMonth(month))));
      sheet.set(row, c.cost(m), `=INT(${annual}/12)+IF(${month - fyStart(fyOfMonth(month))}<MOD(${annual},12),1,0)`);
    } else {
      sheet.set(row, c.cost(m), 0);
    }
    if (hasPartner) {
      if (running && entry >= 0) {
        // The share rounded half-to-even: q = INT(C*N/D), r = MOD(C*N, D); up when 2r > D, or 2r = D and q is odd.
        const C = at(c.cost(m));
        const N = pin(c.shareNum(entry));
        const D = pin(c.shareDen(entry));
        sheet.set(
          row,
          c.partner(m),
          `=INT(${C}*${N}/${D})+IF(2*MOD(${C}*${N},${D})>${D},1,IF(AND(2*MOD(${C}*${N},${D})=${D},ISODD(INT(${C}*${N}/${D}))),1,0))`,
        );
      } else {
        sheet.set(row, c.partner(m), 0);
      }
      sheet.set(row, c.cum(m + 1), `=${at(c.cum(m))}+${at(c.cost(m))}-${at(c.partner(m))}`);
      sheet.set(row, c.cumPartner(m + 1), `=${at(c.cumPartner(m))}+${at(c.partner(m))}`);
    } else {
      sheet.set(row, c.cum(m + 1), `=${at(c.cum(m))}+${at(c.cost(m))}`);
    }
  }
  fys.forEach((_, j) => {
    sheet.set(row, c.full(j), `=${at(c.cum(shape.to[j] + 1))}-${at(c.cum(shape.from[j]))}`);
    sheet.set(row, c.fullPartner(j), hasPartner ? `=${at(c.cumPartner(shape.to[j] + 1))}-${at(c.cumPartner(shape.from[j]))}` : 0);
  });
  return { sheet, row, hasPartner };
}

function sameBlock(a: ResolvedIntervention, b: ResolvedIntervention): boolean {
  const sameMap = (x: ReadonlyMap<number, number>, y: ReadonlyMap<number, number>) =>
    x.size === y.size && [...x].every(([k, v]) => y.get(k) === v);
  return (
    a.start === b.start &&
    a.end === b.end &&
    sameMap(a.annualCost, b.annualCost) &&
    sameMap(a.exitCost, b.exitCost) &&
    sameMap(a.noticeMonths, b.noticeMonths) &&
    a.partnerShares.length === b.partnerShares.length &&
    a.partnerShares.every(
      (p, t) =>
        p.from === b.partnerShares[t].from && p.share.num === b.partnerShares[t].share.num && p.share.den === b.partnerShares[t].share.den,
    )
  );
}

// Rows of a scenario sheet's FY header (one column per FY, from column 1).
const HEAD = {
  start: 0,
  from: 1,
  to: 2,
  known: 3,
  general: 4,
  funding: 5,
  spend: 6,
  commissioned: 7,
  partner: 8,
  atRisk: 9,
  generalUsed: 10,
  underspend: 11,
  drawn: 12,
  limit: 13,
  breached: 14,
  requiredNum: 15,
  requiredDen: 16,
  compliant: 17,
  /** Then per ring-fenced stream: pool, used; then per stream: amount, known. */
  rings: 18,
} as const;

// Columns of a scenario sheet's decision table (one row per intervention, in (priority, id) order).
const TABLE = { id: 0, category: 1, pool: 2, exitAll: 3, lastAll: 4, fy0: 5, perFy: 8 } as const;
const FYCOL = { state: 0, last: 1, take: 2, general: 3, ring: 4, spend: 5, partner: 6, atRisk: 7 } as const;

interface ScenarioLayout {
  readonly id: string;
  readonly sheet: Sheet;
  readonly tableRow: number;
  /** Table row of each intervention (plan order). */
  readonly rowOf: readonly number[];
}

export interface WorkbookLayout {
  readonly sheets: readonly Sheet[];
  readonly scenarios: readonly ScenarioLayout[];
  readonly shape: Shape;
  /** The live annual-cost input of each plan intervention whose cost is one number, else null. */
  readonly annualInput: readonly (SimpleCellAddress | null)[];
  readonly formulaCells: number;
  readonly valueCells: number;
  /** Formula cells of the Plan sheet and of each scenario's sheet, for sizing a subset. */
  readonly planCells: number;
  readonly scenarioCells: readonly number[];
}

/** Why a scenario cannot be modelled by the workbook, or null when it can. */
export function unsupported(scenario: ResolvedScenario): string | null {
  if (scenario.stance !== 'wait') return `scenario "${scenario.id}" is prudent: the look-ahead is not modelled`;
  const seen = new Set<string>();
  for (const stream of scenario.streams) {
    for (const id of stream.restrictedTo ?? []) {
      if (seen.has(id)) return `"${id}" is in two ring-fenced streams: overlapping pools are not modelled`;
      seen.add(id);
    }
  }
  return null;
}

/** The workbook as sheets of values and formulas, not yet built (cheap: sizes a subset). */
export function layoutWorkbook(plan: Plan, scenarios: readonly ResolvedScenario[]): WorkbookLayout {
  const base = scenarios[0];
  if (!base) throw new Error('no scenario to lay out');
  for (const scenario of scenarios) {
    const problem = unsupported(scenario);
    if (problem) throw new Error(problem);
  }
  const h0 = base.horizonStart;
  const months = base.horizonMonths;
  const hn = h0 + months - 1;
  const fys = base.fys;
  const tapers = Math.max(0, ...scenarios.flatMap((s) => s.interventions.map((i) => i.partnerShares.length)));
  const shape: Shape = {
    h0,
    months,
    fys,
    tapers,
    from: fys.map((fy) => Math.max(fyStart(fy), h0) - h0),
    to: fys.map((fy) => Math.min(fyEnd(fy), hn) - h0),
  };
  const F = fys.length;
  const bc = blockCols(shape);

  // The Plan sheet holds the base scenario's interventions; a scenario refers to these rows
  // for every intervention it leaves alone, so an edit here reaches every scenario.
  const planSheet = new Sheet('Plan');
  const planBlocks = base.interventions.map((item, i) =>
    writeBlock(planSheet, i, item, shape, typeof plan.interventions[i]?.annualCost === 'number'),
  );
  const annualInput = planBlocks.map((_, i) =>
    typeof plan.interventions[i]?.annualCost === 'number' ? { sheet: 0, row: i, col: bc.annual } : null,
  );

  const sheets: Sheet[] = [planSheet];
  const layouts: ScenarioLayout[] = scenarios.map((scenario, k) => {
    const sheet = new Sheet(`S${k}`);
    sheets.push(sheet);
    const n = scenario.interventions.length;
    const rings = scenario.streams.filter((s) => s.restrictedTo);
    const head = (row: number, j: number) => sheet.ref(row, 1 + j, sheet);
    const ringRow = (p: number) => HEAD.rings + 2 * p;
    const streamRow = (s: number) => HEAD.rings + 2 * rings.length + 2 * s;
    const tableRow = streamRow(scenario.streams.length) + 1;
    const order = scenario.interventions
      .map((_, i) => i)
      .sort((a, b) => {
        const x = scenario.interventions[a];
        const y = scenario.interventions[b];
        return x.priority - y.priority || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0);
      });
    const rowOf: number[] = new Array(n);
    order.forEach((i, r) => (rowOf[i] = tableRow + r));
    const lastRow = tableRow + n - 1;
    const fyCol = (j: number, what: number) => TABLE.fy0 + j * TABLE.perFy + what;
    const columnRange = (col: number) => `$${colName(col)}$${tableRow + 1}:$${colName(col)}$${lastRow + 1}`;

    // Blocks: the Plan's row, or this scenario's own when it changes the intervention.
    let blockRow = lastRow + 2;
    const blocks = scenario.interventions.map((item, i) =>
      sameBlock(item, base.interventions[i]) ? planBlocks[i] : writeBlock(sheet, blockRow++, item, shape, false),
    );

    // --- the FY header: inputs, then the account's totals ---
    scenario.streams.forEach((stream, s) => {
      fys.forEach((fy, j) => {
        const allocation = stream.allocations.get(fy);
        if (!allocation) return;
        sheet.set(streamRow(s), 1 + j, allocation.amount);
        sheet.set(streamRow(s) + 1, 1 + j, allocation.known);
      });
    });
    fys.forEach((fy, j) => {
      const col = 1 + j;
      const S = fyStart(fy);
      sheet.set(HEAD.start, col, S);
      sheet.set(HEAD.from, col, shape.from[j] + h0);
      sheet.set(HEAD.to, col, shape.to[j] + h0);
      const known = scenario.streams.flatMap((stream, s) => (stream.allocations.has(fy) ? [head(streamRow(s) + 1, j)] : []));
      sheet.set(HEAD.known, col, known.length ? `=MAX(${known.join(',')})` : S);
      const general = scenario.streams.flatMap((stream, s) =>
        !stream.restrictedTo && stream.allocations.has(fy) ? [head(streamRow(s), j)] : [],
      );
      sheet.set(HEAD.general, col, general.length ? `=${general.join('+')}` : 0);
      rings.forEach((stream, p) => {
        const s = scenario.streams.indexOf(stream);
        sheet.set(ringRow(p), col, stream.allocations.has(fy) ? `=${head(streamRow(s), j)}` : 0);
      });
      const ringPools = rings.map((_, p) => head(ringRow(p), j));
      const ringUsed = rings.map((_, p) => head(ringRow(p) + 1, j));
      sheet.set(HEAD.funding, col, `=${[head(HEAD.general, j), ...ringPools].join('+')}`);
      const spendRange = columnRange(fyCol(j, FYCOL.spend));
      sheet.set(HEAD.spend, col, `=SUM(${spendRange})`);
      sheet.set(HEAD.commissioned, col, `=SUMIF(${columnRange(TABLE.category)},"commissioned",${spendRange})`);
      sheet.set(HEAD.partner, col, `=SUM(${columnRange(fyCol(j, FYCOL.partner))})`);
      sheet.set(HEAD.atRisk, col, `=SUM(${columnRange(fyCol(j, FYCOL.atRisk))})`);
      // Disjoint ring-fenced pools: each covers its members' spend as far as it goes; the general pool the rest.
      rings.forEach((_, p) =>
        sheet.set(ringRow(p) + 1, col, `=MIN(${ringPools[p]},SUMIF(${columnRange(TABLE.pool)},${p + 1},${spendRange}))`),
      );
      const used = ringUsed.length ? `-${ringUsed.join('-')}` : '';
      sheet.set(HEAD.generalUsed, col, `=MIN(${head(HEAD.general, j)},${head(HEAD.spend, j)}${used})`);
      sheet.set(HEAD.underspend, col, `=${head(HEAD.funding, j)}${used}-${head(HEAD.generalUsed, j)}`);
      sheet.set(HEAD.drawn, col, `=${head(HEAD.spend, j)}${used}-${head(HEAD.generalUsed, j)}`);
      sheet.set(HEAD.limit, col, scenario.limit.get(fy) ?? 0);
      sheet.set(HEAD.breached, col, `=IF(${head(HEAD.drawn, j)}>${head(HEAD.limit, j)},1,0)`);
      let required: { num: bigint; den: bigint } | null = null;
      for (const stream of scenario.streams) {
        const share = stream.minCommissionedShare.get(fy);
        if (share && stream.allocations.has(fy) && (!required || share.num * required.den > required.num * share.den)) required = share;
      }
      sheet.set(HEAD.requiredNum, col, required ? Number(required.num) : 0);
      sheet.set(HEAD.requiredDen, col, required ? Number(required.den) : 0);
      const [sp, cm, rn, rd] = [HEAD.spend, HEAD.commissioned, HEAD.requiredNum, HEAD.requiredDen].map((r) => head(r, j));
      sheet.set(HEAD.compliant, col, `=IF(OR(${sp}=0,${rd}=0),1,IF(${cm}*${rd}>=${rn}*${sp},1,0))`);
    });

    // --- the decision table: each FY's rule of 3.3 as a chain down the rows ---
    const poolOf = (id: string) => rings.findIndex((stream) => stream.restrictedTo!.has(id));
    fys.forEach((fy, j) => {
      const S = fyStart(fy);
      const E = fyEnd(fy);
      const from = shape.from[j] + h0;
      const to = shape.to[j] + h0;
      const K = sheet.ref(HEAD.known, 1 + j, sheet, true);
      let general = sheet.ref(HEAD.general, 1 + j, sheet, true);
      const ring = rings.map((_, p) => sheet.ref(ringRow(p), 1 + j, sheet, true));
      order.forEach((i, r) => {
        const row = tableRow + r;
        const item = scenario.interventions[i];
        const block = blocks[i];
        const b = (col: number) => block.sheet.ref(block.row, col, sheet, true);
        const cell = (what: number) => sheet.ref(row, fyCol(j, what), sheet);
        const prevLast = j > 0 ? sheet.ref(row, fyCol(j - 1, FYCOL.last), sheet) : null;
        let running = false;
        for (let m = from; m <= to && !running; m++) running = isRunning(item, m);
        if (!running) {
          sheet.set(row, fyCol(j, FYCOL.state), 0);
          sheet.set(row, fyCol(j, FYCOL.last), prevLast ? `=${prevLast}` : 0);
          return;
        }
        const d = b(bc.full(j));
        const notice = b(bc.notice(j));
        const pool = poolOf(item.id);
        const avail = pool >= 0 ? `${general}+${ring[pool]}` : general;
        const decide = `IF(OR(${d}=0,${d}<=${avail}),1,2)`;
        sheet.set(row, fyCol(j, FYCOL.state), prevLast ? `=IF(${prevLast}<>0,0,${decide})` : `=${decide}`);
        // Wait: notice at the deadline (S - notice) or at K if later, never before the horizon.
        const served = `MAX(${S}-${notice},${K},${h0})+${notice}-1`;
        const last = item.end !== null ? `MIN(${item.end},${served})` : served;
        const state = cell(FYCOL.state);
        sheet.set(row, fyCol(j, FYCOL.last), `=IF(${state}=2,${last},${prevLast ?? 0})`);
        const L = cell(FYCOL.last);
        const cumRange = block.sheet.range(block.row, bc.cum(0), bc.cum(months), sheet);
        const upTo = `MIN(${L},${Math.min(E, hn)})`;
        const runOn = `IF(${upTo}<${from},0,INDEX(${cumRange},1,${upTo}-${h0 - 2})-${b(bc.cum(from - h0))})`;
        const exit = `IF(AND(${L}>=${from},${L}<=${to}),${b(bc.exit(j))},0)`;
        sheet.set(row, fyCol(j, FYCOL.take), `=IF(${state}=1,${d},IF(${state}=2,${runOn}+${exit},0))`);
        const take = cell(FYCOL.take);
        if (pool >= 0) {
          sheet.set(row, fyCol(j, FYCOL.ring), `=${ring[pool]}-MIN(${ring[pool]},${take})`);
          sheet.set(row, fyCol(j, FYCOL.general), `=${general}-MIN(${general},${take}-(${ring[pool]}-${cell(FYCOL.ring)}))`);
          ring[pool] = cell(FYCOL.ring);
        } else {
          sheet.set(row, fyCol(j, FYCOL.general), `=${general}-MIN(${general},${take})`);
        }
        general = cell(FYCOL.general);
      });
    });

    // --- per intervention: closure, and the account of each FY ---
    order.forEach((i, r) => {
      const row = tableRow + r;
      const item = scenario.interventions[i];
      const block = blocks[i];
      const b = (col: number) => block.sheet.ref(block.row, col, sheet, true);
      sheet.set(row, TABLE.id, item.id);
      sheet.set(row, TABLE.category, item.category);
      sheet.set(row, TABLE.pool, poolOf(item.id) + 1);
      const exits = fys.map((_, j) => [sheet.ref(row, fyCol(j, FYCOL.state), sheet), b(bc.exit(j))]);
      sheet.set(row, TABLE.exitAll, `=${exits.map(([st, x]) => `IF(${st}=2,${x},`).join('')}0${')'.repeat(exits.length)}`);
      sheet.set(row, TABLE.lastAll, `=${sheet.ref(row, fyCol(F - 1, FYCOL.last), sheet)}`);
      const L = sheet.ref(row, TABLE.lastAll, sheet, false);
      const X = sheet.ref(row, TABLE.exitAll, sheet, false);
      const cumRange = block.sheet.range(block.row, bc.cum(0), bc.cum(months), sheet);
      const cumPRange = block.sheet.range(block.row, bc.cumPartner(0), bc.cumPartner(months), sheet);
      fys.forEach((_, j) => {
        const from = shape.from[j] + h0;
        const to = shape.to[j] + h0;
        const K = sheet.ref(HEAD.known, 1 + j, sheet, true);
        const upTo = `MIN(${L},${to})`;
        const exitIn = `IF(AND(${L}>=${from},${L}<=${to}),${X},0)`;
        sheet.set(
          row,
          fyCol(j, FYCOL.spend),
          `=IF(${L}=0,${b(bc.full(j))},IF(${upTo}<${from},0,INDEX(${cumRange},1,${upTo}-${h0 - 2})-${b(bc.cum(from - h0))}))+${exitIn}`,
        );
        if (block.hasPartner) {
          sheet.set(
            row,
            fyCol(j, FYCOL.partner),
            `=IF(${L}=0,${b(bc.fullPartner(j))},IF(${upTo}<${from},0,INDEX(${cumPRange},1,${upTo}-${h0 - 2})-${b(bc.cumPartner(from - h0))}))`,
          );
        }
        const riskTo = `MIN(${to},${K}-1,IF(${L}=0,${to},${L}))`;
        sheet.set(
          row,
          fyCol(j, FYCOL.atRisk),
          `=IF(${riskTo}<${from},0,INDEX(${cumRange},1,${riskTo}-${h0 - 2})-${b(bc.cum(from - h0))})+IF(AND(${L}>=${from},${L}<=${to},${L}<${K}),${X},0)`,
        );
      });
    });
    return { id: scenario.id, sheet, tableRow, rowOf };
  });

  const count = (key: 'formulas' | 'values') => sheets.reduce((sum, s) => sum + s[key], 0);
  return {
    sheets,
    scenarios: layouts,
    shape,
    annualInput,
    formulaCells: count('formulas'),
    valueCells: count('values'),
    planCells: planSheet.formulas,
    scenarioCells: layouts.map((l) => l.sheet.formulas),
  };
}

// --- the built workbook ---------------------------------------------------------------

export interface Workbook {
  readonly hf: HyperFormula;
  readonly layout: WorkbookLayout;
  /** Reads every scenario's figures from the workbook. */
  figures(): Figures[];
  /** Sets one intervention's annual cost (plan order; it must have a live input): HyperFormula recalculates. */
  setAnnualCost(index: number, pence: number): void;
  destroy(): void;
}

export function buildWorkbook(layout: WorkbookLayout): Workbook {
  const sheets = Object.fromEntries(layout.sheets.map((s) => [s.name, s.dense()]));
  const hf = HyperFormula.buildFromSheets(sheets, { licenseKey: 'gpl-v3', maxColumns: 18_278 });
  const { shape } = layout;
  const number = (sheet: number, row: number, col: number): number => {
    const value = hf.getCellValue({ sheet, row, col });
    if (typeof value !== 'number')
      throw new Error(`${layout.sheets[sheet].name}!${colName(col)}${row + 1} is ${JSON.stringify(value)}, not a number`);
    return value;
  };
  return {
    hf,
    layout,
    figures() {
      return layout.scenarios.map((scenario, k) => {
        const sheet = k + 1;
        const head = (row: number, j: number) => number(sheet, row, 1 + j);
        return {
          scenario: scenario.id,
          years: shape.fys.map((fy, j) => ({
            fy,
            known: head(HEAD.known, j),
            funding: head(HEAD.funding, j),
            spend: head(HEAD.spend, j),
            commissionedSpend: head(HEAD.commissioned, j),
            partner: head(HEAD.partner, j),
            drawn: head(HEAD.drawn, j),
            underspend: head(HEAD.underspend, j),
            atRisk: head(HEAD.atRisk, j),
            limitBreached: head(HEAD.breached, j) === 1,
            compliant: head(HEAD.compliant, j) === 1,
          })),
          interventions: scenario.rowOf.map((row) => {
            const last = number(sheet, row, TABLE.lastAll);
            const id = hf.getCellValue({ sheet, row, col: TABLE.id });
            return {
              id: String(id),
              lastMonth: last === 0 ? null : last,
              planCost: shape.fys.map((_, j) => number(sheet, row, TABLE.fy0 + j * TABLE.perFy + FYCOL.spend)),
            };
          }),
        };
      });
    },
    setAnnualCost(index, pence) {
      const address = layout.annualInput[index];
      if (!address) throw new Error(`intervention ${index} has no live annual-cost input`);
      hf.setCellContents(address, pence);
    },
    destroy() {
      hf.destroy();
    },
  };
}

// The floor for the engine: the same arithmetic (the monthly split, the partner's share
// rounded half-to-even, plan cost, sums per intervention, month and FY) over typed arrays,
// with no rules: no decision, no notice, no pools. The engine cannot be faster than this.
import { fyOfMonth, fyStart } from '../../shared/months';
import type { ResolvedScenario } from '../../shared/resolve';

export interface FlatPlan {
  readonly interventions: number;
  readonly months: number;
  readonly fys: number;
  /** Annual cost in pence per intervention and FY: [i * fys + j]. */
  readonly annual: Float64Array;
  /** The share in force per intervention and month, as num / den: [i * months + m]. */
  readonly shareNum: Float64Array;
  readonly shareDen: Float64Array;
  /** 1 where the intervention runs in the month (between its start and end). */
  readonly running: Uint8Array;
  /** Per month of the horizon: its FY's index, and its offset from April. */
  readonly fyIndex: Int32Array;
  readonly offset: Int32Array;
}

export interface FlatTotals {
  /** Plan cost per intervention and FY: [i * fys + j]. */
  readonly planByFy: Float64Array;
  readonly spendByMonth: Float64Array;
  readonly partnerByMonth: Float64Array;
  readonly spendByFy: Float64Array;
  readonly partnerByFy: Float64Array;
}

/** A resolved scenario as typed arrays (done once, outside any timing). */
export function flatten(scenario: ResolvedScenario): FlatPlan {
  const n = scenario.interventions.length;
  const M = scenario.horizonMonths;
  const F = scenario.fys.length;
  const h0 = scenario.horizonStart;
  const annual = new Float64Array(n * F);
  const shareNum = new Float64Array(n * M);
  const shareDen = new Float64Array(n * M).fill(1);
  const running = new Uint8Array(n * M);
  const fyIndex = new Int32Array(M);
  const offset = new Int32Array(M);
  for (let m = 0; m < M; m++) {
    const fy = fyOfMonth(h0 + m);
    fyIndex[m] = scenario.fys.indexOf(fy);
    offset[m] = h0 + m - fyStart(fy);
  }
  scenario.interventions.forEach((item, i) => {
    scenario.fys.forEach((fy, j) => (annual[i * F + j] = item.annualCost.get(fy) ?? 0));
    let entry = -1;
    for (let m = 0; m < M; m++) {
      const month = h0 + m;
      while (entry + 1 < item.partnerShares.length && item.partnerShares[entry + 1].from <= month) entry++;
      running[i * M + m] = (item.start === null || month >= item.start) && (item.end === null || month <= item.end) ? 1 : 0;
      if (entry >= 0) {
        shareNum[i * M + m] = Number(item.partnerShares[entry].share.num);
        shareDen[i * M + m] = Number(item.partnerShares[entry].share.den);
      }
    }
  });
  return { interventions: n, months: M, fys: F, annual, shareNum, shareDen, running, fyIndex, offset };
}

export function flatTotals(plan: FlatPlan): FlatTotals {
  return {
    planByFy: new Float64Array(plan.interventions * plan.fys),
    spendByMonth: new Float64Array(plan.months),
    partnerByMonth: new Float64Array(plan.months),
    spendByFy: new Float64Array(plan.fys),
    partnerByFy: new Float64Array(plan.fys),
  };
}

/** One pass of the arithmetic into `out` (reset here); returns the total plan cost. */
export function flatLoop(plan: FlatPlan, out: FlatTotals): number {
  const { interventions: n, months: M, fys: F, annual, shareNum, shareDen, running, fyIndex, offset } = plan;
  const { planByFy, spendByMonth, partnerByMonth, spendByFy, partnerByFy } = out;
  planByFy.fill(0);
  spendByMonth.fill(0);
  partnerByMonth.fill(0);
  spendByFy.fill(0);
  partnerByFy.fill(0);
  for (let i = 0; i < n; i++) {
    for (let m = 0; m < M; m++) {
      const k = i * M + m;
      if (running[k] === 0) continue;
      const j = fyIndex[m];
      const a = annual[i * F + j];
      const base = Math.floor(a / 12);
      const cost = offset[m] < a - base * 12 ? base + 1 : base;
      let partner = 0;
      const num = shareNum[k];
      if (num !== 0) {
        const d = shareDen[k];
        const p = cost * num;
        const q = Math.floor(p / d);
        const r = p - q * d;
        partner = 2 * r > d || (2 * r === d && q % 2 !== 0) ? q + 1 : q;
      }
      const planCost = cost - partner;
      planByFy[i * F + j] += planCost;
      spendByMonth[m] += planCost;
      partnerByMonth[m] += partner;
    }
  }
  let total = 0;
  for (let m = 0; m < M; m++) {
    const j = fyIndex[m];
    spendByFy[j] += spendByMonth[m];
    partnerByFy[j] += partnerByMonth[m];
    total += spendByMonth[m];
  }
  return total;
}

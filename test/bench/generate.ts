// A deterministic generator of valid plans for the benchmark and its tests: N interventions,
// M months, S scenarios (base included). Streams include two ring-fenced ones (disjoint
// members); costs are numbers, per-FY maps and formulas; tapers and handovers; notice
// periods of 0 to 6 months; scenarios cut grant levels and move confirmation dates late
// into the FY, so that some interventions close.
import { formatFy, formatMonth, fyOfMonth, fyStart, parseMonth } from '../../shared/months';
import type { Change, Intervention, Plan, Scenario } from '../../shared/plan';

export interface PlanShape {
  readonly interventions: number;
  readonly months: number;
  /** Scenarios including the implicit base: 1 means no `scenarios` in the file. */
  readonly scenarios: number;
  readonly seed?: number;
  /** The horizon's first month; April unless a test wants part-year FYs. */
  readonly start?: string;
  /** Every scenario's decision funds every intervention (no closures): headroom in the general pool. */
  readonly fundsEverything?: boolean;
  /** Every fourth scenario is prudent (the HyperFormula model covers the wait stance only). */
  readonly prudent?: boolean;
  /**
   * Adds one more scenario, "risk", whose grant level, pay uplift and confirmation delay are
   * uncertain (continuous, so a risk run simulates every draw).
   */
  readonly uncertain?: boolean;
}

export const RISK_SCENARIO_ID = 'risk';

/** mulberry32: small, fast and the same on every machine. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SHARES = [0.1, 0.25, 0.375, 0.5, 0.333, 0.6, 0.125];
const PARTNERS = ['Birmingham and Solihull CCG', 'Coventry City Council', 'Local early help teams', 'Probation Service'];
const SYSTEMS = ['Health', 'Education', 'Justice', 'Community', 'Central capability'];
const UPLIFT = 0.02;

/** The intervention's id from its index: `svc-0001`. Exposed for tests and the edit. */
export function interventionId(index: number): string {
  return `svc-${String(index + 1).padStart(4, '0')}`;
}

export function generatePlan(shape: PlanShape): Plan {
  const { interventions: n, months, scenarios: s } = shape;
  if (n < 4 || months < 1 || months > 240 || s < 1) throw new Error(`cannot generate a plan of ${n} × ${months} × ${s}`);
  const rnd = random(shape.seed ?? 20210401);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)];
  const between = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));

  const h0 = parseMonth(shape.start ?? '2020-04');
  const hn = h0 + months - 1;
  const firstFy = fyOfMonth(h0);
  const lastFy = fyOfMonth(hn);
  const fys: number[] = [];
  for (let fy = firstFy; fy <= lastFy; fy++) fys.push(fy);

  // Full cost per FY in pounds, before partner shares: sizes the funding.
  const grossByFy = new Map<number, number>(fys.map((fy) => [fy, 0]));
  const ringMembers: [string[], string[]] = [[], []];
  const items: Intervention[] = [];
  for (let i = 0; i < n; i++) {
    const id = interventionId(i);
    const pence = between(2_000_000, 40_000_000) + between(0, 99);
    const pounds = pence / 100;
    const form = rnd();
    let annualCost: Intervention['annualCost'];
    let costIn: (fy: number) => number;
    if (form < 0.75) {
      annualCost = pounds;
      costIn = () => pounds;
    } else if (form < 0.88) {
      annualCost = `=${pounds} * (1 + uplift) ^ fy`;
      costIn = (fy) => pounds * (1 + UPLIFT) ** (fy - firstFy);
    } else {
      // A per-FY map that leaves some FYs out: no cost in those.
      const map: Record<string, number | string> = {};
      for (const fy of fys) {
        if (rnd() < 0.15) continue;
        map[formatFy(fy)] = rnd() < 0.2 ? `=${pounds} * 1.015` : Math.round(pence * (0.9 + rnd() * 0.2)) / 100;
      }
      annualCost = map;
      costIn = (fy) => {
        const v = map[formatFy(fy)];
        return v === undefined ? 0 : typeof v === 'number' ? v : pounds * 1.015;
      };
    }
    const item: Intervention = {
      id,
      name: `Service ${i + 1}`,
      category: rnd() < 0.62 ? 'commissioned' : 'central',
      system: pick(SYSTEMS),
      annualCost,
      noticeMonths: pick([0, 1, 3, 3, 3, 6]),
      serviceUsers: between(0, 200),
      priority: between(1, 6),
    };
    let first = h0;
    let last = hn;
    if (rnd() < 0.15 && months > 6) item.start = formatMonth((first = h0 + between(1, Math.floor(months / 2))));
    if (rnd() < 0.15 && months > 6) item.end = formatMonth((last = Math.max(first, hn - between(1, Math.floor(months / 2)))));
    if (rnd() < 0.4) item.exitCost = between(0, 5_000_000) / 100;
    if (rnd() < 0.3) item.transition = { to: pick(PARTNERS), capacity: between(0, 60) };
    if (rnd() < 0.3) {
      // A taper: a partner takes a share, and some hand over entirely later.
      const from = h0 + between(0, Math.max(0, months - 1));
      const partner = pick(PARTNERS);
      const shares: NonNullable<Intervention['partnerShares']> = [{ from: formatMonth(from), share: pick(SHARES), partner }];
      if (from + 12 <= hn)
        shares.push({ from: formatMonth(from + 12), share: rnd() < 0.3 ? '=min(1, 0.5 + 0.25)' : pick(SHARES), partner });
      if (from + 24 <= hn && rnd() < 0.5) shares.push({ from: formatMonth(from + 24), share: 1, partner });
      item.partnerShares = shares;
    }
    for (const fy of fys) {
      const a = Math.max(first, fyStart(fy), h0);
      const b = Math.min(last, fyStart(fy) + 11, hn);
      if (b >= a) grossByFy.set(fy, grossByFy.get(fy)! + (costIn(fy) * (b - a + 1)) / 12);
    }
    items.push(item);
  }
  // Two disjoint ring-fenced groups of about 8% each.
  const ringSize = Math.max(1, Math.round(n * 0.08));
  const taken = new Set<number>();
  for (let k = 0; k < 2 * ringSize; k++) {
    let index = (k * 7 + 3) % n;
    while (taken.has(index)) index = (index + 1) % n;
    taken.add(index);
    ringMembers[k < ringSize ? 0 : 1].push(items[index].id);
  }

  const headroom = shape.fundsEverything ? 1.35 : 1.03;
  const money = (pounds: number) => Math.round(pounds * 100) / 100;
  const fyLabel = (fy: number) => formatFy(fy);
  const coreAllocations = fys.map((fy, k) => {
    const amount = money(grossByFy.get(fy)! * headroom * 0.8);
    // Most FYs are confirmed in the March before; every third is confirmed late, in June.
    const confirmedOn = k % 3 === 2 ? `${fy}-06-04` : `${fy}-03-01`;
    return { fy: fyLabel(fy), amount: `=${amount} * grantLevel`, confirmedOn };
  });
  const plan: Plan = {
    format: 'headroom-plan',
    version: 1,
    name: `Generated plan: ${n} interventions, ${months} months, ${s} scenarios`,
    horizon: { start: formatMonth(h0), months },
    variables: { grantLevel: 1, uplift: UPLIFT },
    underwriting: { by: 'OPCC', limit: money((grossByFy.get(firstFy)! || 1) * 0.05) },
    fundingStreams: [
      {
        id: 'core-grant',
        name: 'Serious Violence Fund',
        funder: 'Home Office',
        kind: 'grant',
        conditions: { minCommissionedShare: 0.2 },
        allocations: coreAllocations,
      },
      {
        id: 'council',
        name: 'Council contribution',
        funder: 'Local authorities',
        kind: 'contribution',
        allocations: fys.map((fy) => ({ fy: fyLabel(fy), amount: money(grossByFy.get(fy)! * headroom * 0.2) })),
      },
      {
        id: 'ring-youth',
        name: 'Youth justice contribution',
        funder: 'Youth Justice Board',
        kind: 'contribution',
        restrictedTo: ringMembers[0],
        allocations: fys.map((fy) => ({ fy: fyLabel(fy), amount: money(ringSize * 60_000), confirmedOn: `${fy - 1}-11-20` })),
      },
      {
        id: 'ring-health',
        name: 'Health inequalities fund',
        funder: 'NHS England',
        kind: 'one-off',
        restrictedTo: ringMembers[1],
        allocations: fys
          .slice(0, Math.max(1, Math.ceil(fys.length / 2)))
          .map((fy) => ({ fy: fyLabel(fy), amount: money(ringSize * 90_000) })),
      },
    ],
    interventions: items,
  };

  const scenarios: Scenario[] = [];
  for (let k = 1; k < s; k++) {
    const level = shape.fundsEverything ? 0.85 + 0.05 * between(0, 3) : pick([0.95, 0.9, 0.8, 0.75, 0.7, 0.6]);
    const changes: Change[] = [];
    const scenario: Scenario = { id: `sc-${String(k).padStart(2, '0')}`, name: `Grant at ${Math.round(level * 100)}%`, changes };
    if (shape.prudent && k % 4 === 0) scenario.stance = 'prudent';
    if (k % 2 === 1) {
      scenario.variables = { grantLevel: level };
    } else if (fys.length > 1) {
      // Cut from one FY on, and move its confirmation late into the FY.
      const fy = fys[between(1, fys.length - 1)];
      changes.push({
        stream: 'core-grant',
        fy: fyLabel(fy),
        amount: `=base * ${level}`,
        confirmedOn: `${fy}-${pick(['07', '08', '09'])}-15`,
      });
    }
    if (k % 3 === 0) changes.push({ stream: 'council', fy: fyLabel(fys[fys.length - 1]), confirmedOn: `${fys[fys.length - 1]}-05-10` });
    const target = items[between(0, n - 1)];
    if (k % 2 === 0) {
      changes.push({
        intervention: target.id,
        partnerShares: [{ from: formatMonth(h0 + between(0, months - 1)), share: 1, partner: pick(PARTNERS) }],
      });
    } else {
      changes.push({ intervention: target.id, noticeMonths: pick([0, 1, 6]), annualCost: money(between(2_000_000, 40_000_000) / 100) });
    }
    if (k % 5 === 0) scenario.underwriting = { limit: money(grossByFy.get(firstFy)! * 0.1) };
    scenarios.push(scenario);
  }
  if (shape.uncertain) {
    const late = fys[Math.min(1, fys.length - 1)];
    scenarios.push({
      id: RISK_SCENARIO_ID,
      name: 'Grant level, uplift and confirmation uncertain',
      uncertainty: [
        { variable: 'grantLevel', dist: 'triangular', min: 0.6, mode: 0.9, max: 1 },
        { variable: 'uplift', dist: 'uniform', min: 0, max: 0.04 },
        { variable: 'delay', dist: 'discrete', values: [0, 1, 2, 3], weights: [4, 3, 2, 1] },
      ],
      changes: [{ stream: 'core-grant', fy: fyLabel(late), confirmDelay: '=delay' }],
    });
  }
  if (scenarios.length > 0) plan.scenarios = scenarios;
  return plan;
}

/**
 * The intervention the benchmark edits: a plain-number annual cost that no scenario changes,
 * so the edit reaches every scenario on both sides.
 */
export function editableIntervention(plan: Plan): number {
  const changed = new Set<string>();
  for (const scenario of plan.scenarios ?? []) {
    for (const change of scenario.changes ?? []) if ('intervention' in change) changed.add(change.intervention);
  }
  const middle = Math.floor(plan.interventions.length / 2);
  for (let k = 0; k < plan.interventions.length; k++) {
    const index = (middle + k) % plan.interventions.length;
    const item = plan.interventions[index];
    if (typeof item.annualCost === 'number' && !changed.has(item.id) && !item.start && !item.end) return index;
  }
  throw new Error('no intervention with a plain annual cost that no scenario changes');
}

/** The plan with one intervention's annual cost replaced (a copy; the input is untouched). */
export function withAnnualCost(plan: Plan, index: number, pounds: number): Plan {
  const interventions = plan.interventions.slice();
  interventions[index] = { ...interventions[index], annualCost: pounds };
  return { ...plan, interventions };
}

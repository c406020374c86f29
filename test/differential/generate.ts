// Random small, valid, numeric plans for the differential test (fast-check arbitraries,
// so that a failure shrinks to a small plan).
import fc from 'fast-check';
import { fyLabel, fyOf, fyStart, monthText } from './reference';

// Ids that sort differently by code unit and by locale (hyphen, digits).
const IV_IDS = ['a', 'a-b', 'ab', 'a1', 'b', 'c-2'];
const STREAM_IDS = ['s', 's-2', 't'];

const money = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 0, max: 120 }).map((k) => k * 1000) },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 12_000_000 }).map((p) => p / 100) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 40 }).map((p) => p / 100) },
);

/** An actual amount (§10): pounds with at most 2 decimals, sometimes negative (a refund or a correction). */
const actualMoney = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 0, max: 12 }).map((k) => k * 1000) },
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 1_500_000 }).map((p) => p / 100) },
  { weight: 2, arbitrary: fc.integer({ min: -600_000, max: -1 }).map((p) => p / 100) },
  { weight: 1, arbitrary: fc.integer({ min: -40, max: 40 }).map((p) => p / 100) },
);

const share = fc.constantFrom(0, 0.1, 0.25, 0.375, 0.5, 0.333, 0.6, 0.9, 1, 1, 1, 0.005, 0.125);

/** A plan is generated relative to its horizon; `m` below are offsets in months from its start. */
export function planArb() {
  return fc
    .record({
      startYear: fc.integer({ min: 2020, max: 2022 }),
      startMonth: fc.integer({ min: 1, max: 12 }),
      months: fc.integer({ min: 6, max: 48 }),
      limit: fc.option(money, { nil: undefined }),
      nStreams: fc.integer({ min: 1, max: 3 }),
      nIvs: fc.integer({ min: 1, max: 6 }),
      streams: fc.array(
        fc.record({
          allocs: fc.array(
            fc.record({
              present: fc.integer({ min: 0, max: 9 }),
              amount: money,
              confirm: fc.option(fc.integer({ min: -8, max: 15 }), { nil: undefined }),
              day: fc.integer({ min: 1, max: 28 }),
            }),
            { minLength: 6, maxLength: 6 },
          ),
          restricted: fc.option(fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 0, maxLength: 3 }), { nil: undefined, freq: 2 }),
          minShare: fc.option(fc.constantFrom(0, 0.2, 0.5, 0.9, 0.3333, 1), { nil: undefined }),
          kind: fc.constantFrom('grant', 'one-off', 'contribution'),
        }),
        { minLength: 3, maxLength: 3 },
      ),
      ivs: fc.array(
        fc.record({
          category: fc.constantFrom('commissioned', 'central'),
          cost: fc.oneof(
            { weight: 3, arbitrary: money },
            { weight: 1, arbitrary: fc.array(fc.option(money, { nil: undefined }), { minLength: 6, maxLength: 6 }) },
          ),
          start: fc.option(fc.integer({ min: -14, max: 50 }), { nil: undefined, freq: 2 }),
          len: fc.option(fc.integer({ min: 0, max: 40 }), { nil: undefined, freq: 2 }),
          notice: fc.option(fc.integer({ min: 0, max: 14 }), { nil: undefined, freq: 4 }),
          exitCost: fc.option(money, { nil: undefined }),
          users: fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined }),
          priority: fc.integer({ min: 0, max: 3 }),
          tapers: fc.option(fc.array(fc.record({ from: fc.integer({ min: -6, max: 50 }), share }), { minLength: 1, maxLength: 3 }), {
            nil: undefined,
            freq: 2,
          }),
          capacity: fc.option(fc.integer({ min: 0, max: 40 }), { nil: undefined }),
        }),
        { minLength: 6, maxLength: 6 },
      ),
      scenarios: fc.array(
        fc.record({
          stance: fc.option(fc.constantFrom('wait', 'prudent', 'prudent'), { nil: undefined, freq: 5 }),
          limit: fc.option(money, { nil: undefined }),
          changes: fc.array(
            fc.oneof(
              fc.record({
                kind: fc.constant('stream' as const),
                stream: fc.integer({ min: 0, max: 2 }),
                fy: fc.integer({ min: 0, max: 5 }),
                amount: fc.option(money, { nil: undefined }),
                confirm: fc.option(fc.option(fc.integer({ min: -8, max: 15 }), { nil: null }), { nil: undefined }),
                day: fc.integer({ min: 1, max: 28 }),
              }),
              fc.record({
                kind: fc.constant('iv' as const),
                iv: fc.integer({ min: 0, max: 5 }),
                notice: fc.option(fc.integer({ min: 0, max: 14 }), { nil: undefined }),
                cost: fc.option(money, { nil: undefined }),
                exitCost: fc.option(money, { nil: undefined }),
                priority: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
                start: fc.option(fc.option(fc.integer({ min: -14, max: 10 }), { nil: null }), { nil: undefined }),
                end: fc.option(fc.option(fc.integer({ min: 0, max: 50 }), { nil: null }), { nil: undefined }),
                users: fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined }),
                transition: fc.option(fc.option(fc.integer({ min: 0, max: 40 }), { nil: null }), { nil: undefined }),
                tapers: fc.option(
                  fc.option(fc.array(fc.record({ from: fc.integer({ min: -6, max: 50 }), share }), { minLength: 1, maxLength: 2 }), {
                    nil: null,
                  }),
                  { nil: undefined },
                ),
                category: fc.option(fc.constantFrom('commissioned', 'central'), { nil: undefined }),
              }),
            ),
            { maxLength: 4 },
          ),
        }),
        { maxLength: 2 },
      ),
      // §10: asAt chosen uniformly, near an FY's April, near its known month K (base plan), or
      // near an intervention's notice deadline; then entries for random interventions and months.
      actuals: fc.option(
        fc.record({
          mode: fc.constantFrom('uniform', 'fy', 'known', 'known', 'deadline'),
          pick: fc.nat(1000),
          delta: fc.integer({ min: -3, max: 14 }),
          near: fc.integer({ min: -3, max: 2 }),
          entries: fc.array(fc.record({ iv: fc.integer({ min: 0, max: 5 }), month: fc.nat(1000), amount: actualMoney }), { maxLength: 24 }),
          // Entries for every actual month of some interventions (each kept with probability keep/4).
          dense: fc.option(
            fc.record({ ivs: fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: 3 }), keep: fc.integer({ min: 1, max: 4 }) }),
            {
              nil: undefined,
            },
          ),
          denseAmounts: fc.array(actualMoney, { minLength: 16, maxLength: 16 }),
          denseKeep: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 16, maxLength: 16 }),
        }),
        { nil: undefined, freq: 3 },
      ),
    })
    .map((g) => {
      const H0 = g.startYear * 12 + g.startMonth - 1;
      const HN = H0 + g.months - 1;
      const fy0 = fyOf(H0) - 1; // allocations may exist for the FY before and after the horizon
      const ivIds = IV_IDS.slice(0, g.nIvs);
      const date = (fy: number, offset: number, day: number) => `${monthText(fyStart(fy) + offset)}-${String(day).padStart(2, '0')}`;
      const plan: any = {
        format: 'headroom-plan',
        version: 1,
        name: 'Differential',
        horizon: { start: monthText(H0), months: g.months },
        fundingStreams: g.streams.slice(0, g.nStreams).map((s, si) => {
          const stream: any = { id: STREAM_IDS[si], name: `Stream ${si}`, funder: 'F', kind: s.kind, allocations: [] };
          s.allocs.forEach((a, k) => {
            const fy = fy0 + k;
            if (fyStart(fy) > HN + 12 || a.present < 2) return;
            const alloc: any = { fy: fyLabel(fy), amount: a.amount };
            if (a.confirm !== undefined) alloc.confirmedOn = date(fy, a.confirm, a.day);
            stream.allocations.push(alloc);
          });
          if (s.restricted) stream.restrictedTo = [...new Set(s.restricted.filter((i) => i < ivIds.length).map((i) => ivIds[i]))];
          if (s.minShare !== undefined) stream.conditions = { minCommissionedShare: s.minShare };
          return stream;
        }),
        interventions: g.ivs.slice(0, g.nIvs).map((v, vi) => {
          const iv: any = { id: ivIds[vi], name: `Service ${vi}`, category: v.category, priority: v.priority };
          if (Array.isArray(v.cost)) {
            const map: Record<string, number> = {};
            v.cost.forEach((c, k) => {
              if (c !== undefined) map[fyLabel(fy0 + k)] = c;
            });
            iv.annualCost = map;
          } else iv.annualCost = v.cost;
          if (v.start !== undefined) iv.start = monthText(H0 + v.start);
          if (v.len !== undefined) iv.end = monthText((v.start !== undefined ? H0 + v.start : H0) + v.len);
          if (v.notice !== undefined) iv.noticeMonths = v.notice;
          if (v.exitCost !== undefined) iv.exitCost = v.exitCost;
          if (v.users !== undefined) iv.serviceUsers = v.users;
          if (v.tapers) iv.partnerShares = v.tapers.map((t, k) => ({ from: monthText(H0 + t.from), share: t.share, partner: `P${k}` }));
          if (v.capacity !== undefined) iv.transition = { to: 'Route', capacity: v.capacity };
          return iv;
        }),
        scenarios: g.scenarios.map((sc, k) => {
          const out: any = { id: `sc-${k}`, name: `Scenario ${k}` };
          if (sc.stance) out.stance = sc.stance;
          if (sc.limit !== undefined) out.underwriting = { limit: sc.limit };
          out.changes = [];
          for (const ch of sc.changes) {
            if (ch.kind === 'stream') {
              if (ch.stream >= g.nStreams) continue;
              const fy = fy0 + ch.fy;
              const c: any = { stream: STREAM_IDS[ch.stream], fy: fyLabel(fy) };
              if (ch.amount !== undefined) c.amount = ch.amount;
              if (ch.confirm !== undefined) c.confirmedOn = ch.confirm === null ? null : date(fy, ch.confirm, ch.day);
              out.changes.push(c);
            } else {
              if (ch.iv >= g.nIvs) continue;
              const c: any = { intervention: ivIds[ch.iv] };
              if (ch.notice !== undefined) c.noticeMonths = ch.notice;
              if (ch.cost !== undefined) c.annualCost = ch.cost;
              if (ch.exitCost !== undefined) c.exitCost = ch.exitCost;
              if (ch.priority !== undefined) c.priority = ch.priority;
              if (ch.start !== undefined) c.start = ch.start === null ? null : monthText(H0 + ch.start);
              if (ch.end !== undefined) c.end = ch.end === null ? null : monthText(H0 + ch.end);
              if (ch.users !== undefined) c.serviceUsers = ch.users;
              if (ch.transition !== undefined) c.transition = ch.transition === null ? null : { to: 'Other', capacity: ch.transition };
              if (ch.tapers !== undefined)
                c.partnerShares =
                  ch.tapers === null ? null : ch.tapers.map((t, j) => ({ from: monthText(H0 + t.from), share: t.share, partner: `Q${j}` }));
              if (ch.category !== undefined) c.category = ch.category;
              out.changes.push(c);
            }
          }
          return out;
        }),
      };
      if (g.limit !== undefined) plan.underwriting = { by: 'U', limit: g.limit };
      if (g.actuals) plan.actuals = actualsFor(g.actuals, plan, H0, HN, fy0, g.streams.slice(0, g.nStreams));
      return plan;
    });
}

interface ActualsSeed {
  mode: 'uniform' | 'fy' | 'known' | 'deadline';
  pick: number;
  delta: number;
  near: number;
  entries: { iv: number; month: number; amount: number }[];
  dense: { ivs: number[]; keep: number } | undefined;
  denseAmounts: number[];
  denseKeep: number[];
}

/** A valid `actuals` (§10) for `plan`: asAt inside the horizon, one entry per intervention and actual month, FY sums >= 0. */
function actualsFor(
  a: ActualsSeed,
  plan: any,
  H0: number,
  HN: number,
  fy0: number,
  streams: { allocs: { present: number; confirm?: number }[] }[],
) {
  const ivs: any[] = plan.interventions;
  const fys: number[] = [];
  for (let f = fyOf(H0); f <= fyOf(HN); f++) fys.push(f);
  const f = fys[a.pick % fys.length];
  let asAt: number;
  if (a.mode === 'uniform') asAt = H0 + (a.pick % (HN - H0 + 1));
  else if (a.mode === 'fy') asAt = fyStart(f) + a.delta;
  else if (a.mode === 'known') {
    // K of f in the base plan: the latest known month of its allocations (April without any).
    let K = fyStart(f);
    let any = false;
    for (const s of streams) {
      const alloc = s.allocs[f - fy0];
      if (!alloc || alloc.present < 2) continue;
      const known = alloc.confirm !== undefined ? fyStart(f) + alloc.confirm : fyStart(f);
      K = any ? Math.max(K, known) : known;
      any = true;
    }
    asAt = K + a.near;
  } else {
    const iv = ivs[a.pick % ivs.length];
    asAt = fyStart(f) - (iv.noticeMonths ?? 0) + a.near;
  }
  asAt = Math.min(HN, Math.max(H0, asAt));

  const amounts = new Map<string, { iv: string; month: number; amount: number }>();
  const add = (iv: string, month: number, amount: number) => {
    const key = `${iv}|${month}`;
    if (!amounts.has(key)) amounts.set(key, { iv, month, amount });
  };
  const span = asAt - H0 + 1;
  for (const e of a.entries) if (e.iv < ivs.length) add(ivs[e.iv].id, H0 + (e.month % span), e.amount);
  if (a.dense) {
    let k = 0;
    for (const i of a.dense.ivs) {
      if (i >= ivs.length) continue;
      for (let m = H0; m <= asAt; m++, k++) {
        if (a.denseKeep[k % 16] <= a.dense.keep) add(ivs[i].id, m, a.denseAmounts[(k * 7 + i) % 16]);
      }
    }
  }
  // "as long as an intervention's amounts within one FY do not sum below 0": turn refunds into
  // payments, largest first, until each FY's sum is 0 or more.
  const groups = new Map<string, { amount: number }[]>();
  for (const e of amounts.values()) {
    const key = `${e.iv}|${fyOf(e.month)}`;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key)!.push(e);
  }
  const pence = (x: number) => Math.round(x * 100);
  for (const list of groups.values()) {
    const negatives = list.filter((e) => e.amount < 0).sort((x, y) => x.amount - y.amount);
    for (const e of negatives) {
      if (list.reduce((sum, x) => sum + pence(x.amount), 0) >= 0) break;
      e.amount = -e.amount;
    }
  }
  // Plan order of entries: by month, then intervention (the order does not matter; any is valid).
  const spend = [...amounts.values()]
    .sort((x, y) => x.month - y.month || (x.iv < y.iv ? -1 : x.iv > y.iv ? 1 : 0))
    .map((e) => ({ intervention: e.iv, month: monthText(e.month), amount: e.amount }));
  return { asAt: monthText(asAt), spend };
}

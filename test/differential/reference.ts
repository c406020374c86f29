// An independent, deliberately literal reading of the plan format (shared/plan-format.md),
// sections 1-3, the `--json` result of section 7 and the actuals of section 10, for numeric
// plans only (no formulas, no variables, no uncertainty). Written without reading shared/engine.ts or
// shared/resolve.ts. Plain loops, BigInt pence, exact decimal shares.
//
// Where the spec is silent it follows the choices written in shared/plan-format.md. Each such
// place is marked "README:" below; readings of section 10 chosen where its words leave room
// are marked "§10 reading:" (and some are switchable in RefOptions, to diagnose a disagreement).

type Pence = bigint;
type Month = number; // year * 12 + (month - 1)

// ---------------------------------------------------------------- months and FYs

export function parseMonth(text: string): Month {
  const [y, m] = text.split('-').map(Number);
  return y * 12 + (m - 1);
}
export function monthText(m: Month): string {
  const y = Math.floor(m / 12);
  const mm = m - y * 12 + 1;
  return `${String(y).padStart(4, '0')}-${String(mm).padStart(2, '0')}`;
}
/** The FY (its starting calendar year) of a month. April is month index 3. */
export function fyOf(m: Month): number {
  return Math.floor((m - 3) / 12);
}
export function fyStart(fy: number): Month {
  return fy * 12 + 3;
}
export function fyLabel(fy: number): string {
  return `${fy}/${String((fy + 1) % 100).padStart(2, '0')}`;
}
export function parseFyLabel(label: string): number {
  return Number(label.slice(0, 4));
}

// ---------------------------------------------------------------- exact decimals

/** An exact rational num/den from a JSON number, read as the decimal it is written as. */
export function decimal(value: number): { num: bigint; den: bigint } {
  const text = String(value);
  const match = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/i.exec(text);
  if (!match) throw new Error(`not a decimal: ${text}`);
  const [, sign, int, frac = '', exp = '0'] = match;
  let num = BigInt(int + frac);
  const scale = frac.length - Number(exp);
  let den = 1n;
  if (scale >= 0) den = 10n ** BigInt(scale);
  else num = num * 10n ** BigInt(-scale);
  if (sign === '-') num = -num;
  return { num, den };
}

export function toPence(pounds: number): Pence {
  const { num, den } = decimal(pounds);
  const p = num * 100n;
  if (p % den !== 0n) throw new Error(`more than 2 decimals: ${pounds}`);
  return p / den;
}

/** num/den rounded to an integer, half to even (den > 0, num >= 0). */
export function roundHalfEven(num: bigint, den: bigint): bigint {
  const q = num / den;
  const r = num % den;
  if (2n * r > den) return q + 1n;
  if (2n * r < den) return q;
  return q % 2n === 0n ? q : q + 1n;
}

function pounds(p: Pence): number {
  return Number(p) / 100; // exact enough for printing: p is an integer number of pence
}

// ---------------------------------------------------------------- the model

interface Alloc {
  fy: number;
  amount: Pence;
  known: Month; // 3.2
}
interface Stream {
  id: string;
  allocations: Alloc[];
  restrictedTo: Set<string> | null;
  minShare: { num: bigint; den: bigint } | null;
}
interface Taper {
  from: Month;
  share: { num: bigint; den: bigint };
  partner: string;
  index: number;
}
interface Iv {
  id: string;
  category: string;
  annualCost: number | Record<string, number>;
  start: Month | null;
  end: Month | null;
  notice: number;
  exitCost: Pence;
  users: number;
  priority: number;
  tapers: Taper[];
  capacity: number | null;
}

function allocKnown(fy: number, confirmedOn: string | undefined | null): Month {
  // 3.2: known from the month of its confirmedOn; without it, at the start of its FY.
  if (confirmedOn) return parseMonth(confirmedOn.slice(0, 7));
  return fyStart(fy);
}

function buildScenario(plan: any, scenario: any | null) {
  const streams: any[] = structuredClone(plan.fundingStreams);
  const interventions: any[] = structuredClone(plan.interventions);
  for (const change of scenario?.changes ?? []) {
    if ('stream' in change) {
      const s = streams.find((x) => x.id === change.stream);
      let a = s.allocations.find((x: any) => parseFyLabel(x.fy) === parseFyLabel(change.fy));
      if (!a) {
        // 2: a change for an FY the stream has no allocation for adds one (its base is 0).
        a = { fy: change.fy, amount: 0 };
        s.allocations.push(a);
      }
      if (change.amount !== undefined) a.amount = change.amount;
      if (change.confirmedOn !== undefined) {
        if (change.confirmedOn === null) delete a.confirmedOn;
        else a.confirmedOn = change.confirmedOn;
      }
    } else {
      const iv = interventions.find((x) => x.id === change.intervention);
      for (const [key, value] of Object.entries(change)) {
        if (key === 'intervention') continue;
        if (value === null) delete iv[key];
        else iv[key] = structuredClone(value);
      }
    }
  }
  const ss: Stream[] = streams.map((s) => ({
    id: s.id,
    allocations: s.allocations.map((a: any) => ({
      fy: parseFyLabel(a.fy),
      amount: toPence(a.amount),
      known: allocKnown(parseFyLabel(a.fy), a.confirmedOn),
    })),
    restrictedTo: s.restrictedTo ? new Set<string>(s.restrictedTo) : null,
    minShare: s.conditions?.minCommissionedShare !== undefined ? decimal(s.conditions.minCommissionedShare) : null,
  }));
  const ivs: Iv[] = interventions.map((i) => ({
    id: i.id,
    category: i.category,
    annualCost: i.annualCost,
    start: i.start ? parseMonth(i.start) : null,
    end: i.end ? parseMonth(i.end) : null,
    notice: i.noticeMonths ?? 0,
    exitCost: toPence(i.exitCost ?? 0),
    users: i.serviceUsers ?? 0,
    priority: i.priority,
    tapers: (i.partnerShares ?? []).map((t: any, index: number) => ({
      from: parseMonth(t.from),
      share: decimal(t.share),
      partner: t.partner,
      index,
    })),
    capacity: i.transition ? i.transition.capacity : null,
  }));
  return { streams: ss, interventions: ivs };
}

/** "the latest entry whose `from` has come applies". Ties of `from`: the later in the list. */
function taperAt(iv: Iv, m: Month): Taper | null {
  let best: Taper | null = null;
  for (const t of iv.tapers) {
    if (t.from > m) continue;
    if (!best || t.from > best.from || (t.from === best.from && t.index > best.index)) best = t;
  }
  return best;
}

function annualPence(iv: Iv, fy: number): Pence {
  if (typeof iv.annualCost === 'number') return toPence(iv.annualCost);
  // README: a map with no entry for an FY means no cost in that FY.
  for (const [label, amount] of Object.entries(iv.annualCost)) if (parseFyLabel(label) === fy) return toPence(amount);
  return 0n;
}

function monthlySplit(total: Pence, m: Month): Pence {
  const pos = BigInt(m - fyStart(fyOf(m)));
  const base = total / 12n;
  return base + (pos < total % 12n ? 1n : 0n);
}

function byPriority(a: Iv, b: Iv): number {
  if (a.priority !== b.priority) return a.priority - b.priority;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

// ---------------------------------------------------------------- simulation

export interface RefYear {
  fy: string;
  funding: number;
  spend: number;
  actual: number;
  forecast: number;
  drawn: number;
  underspend: number;
  atRisk: number;
  commissionedShare: number | null;
  compliant: boolean;
  limitBreached: boolean;
}
export interface RefIntervention {
  id: string;
  outcome: 'closes' | 'transitions' | 'ended' | 'continues';
  noticeDeadline: string | null;
  noticeServed: string | null;
  lastMonth: string | null;
  runOn: number;
  exitCost: number;
  avoidable: boolean;
  usersMoved: number;
  usersLosingSupport: number;
  partner: string | null;
  handoverMonth: string | null;
  actualToDate: number;
}
export interface RefResult {
  id: string;
  name: string;
  years: RefYear[];
  interventions: RefIntervention[];
  months: { month: string; funding: number; spend: number; partner: number; actual: boolean }[];
  totals: { spend: number; drawn: number; closures: number; avoidableClosures: number; usersLosingSupport: number };
}

interface Closure {
  fy: number; // the FY it was closed for
  deadline: Month;
  served: Month;
  last: Month;
  avoidable: boolean;
}

/** One decision (3.3) as the reference took it, for the generator's coverage counts. */
export interface RefDecision {
  fy: string;
  /** The month it is taken: K, or a look-ahead deadline. */
  at: string;
  kind: 'K' | 'look-ahead' | 'hypothetical';
  /** Taken after asAt, so counting actual amounts in f's actual months (§10). */
  afterAsAt: boolean;
  /** How many of f's months are actual months. */
  actualMonths: number;
  /** Ids it closed (or, in the look-ahead, left unfunded). */
  closed: string[];
  /** Ids the same decision would have closed with planned costs alone. */
  closedPlanned: string[];
}

export interface RefOptions {
  /** How commissionedShare is rounded to 4 decimals; the spec does not say. */
  shareRounding?: 'half-even' | 'half-up';
  /**
   * §10 reading of "likewise for a wind-down" taken after asAt: 'all' counts the actual amounts
   * in all of f's actual months (actual amounts count whatever the rules say of the month);
   * 'run-on' only those in the run-on months S..min(last, E).
   */
  windDownActualMonths?: 'all' | 'run-on';
  /**
   * §10 reading: in a wind-down after asAt, an exit cost whose month is an actual month adds
   * nothing ('nothing', as in the account: the actuals hold what was paid), or is added ('adds').
   */
  windDownExitInActualMonth?: 'nothing' | 'adds';
  /** Called for each decision taken (coverage counts in the tests). */
  onDecision?: (d: RefDecision) => void;
}

export function referenceScenario(plan: any, scenarioId: string, options: RefOptions = {}): RefResult {
  const scenario = scenarioId === 'base' ? null : plan.scenarios.find((s: any) => s.id === scenarioId);
  const stance: 'wait' | 'prudent' = scenario?.stance ?? 'wait';
  const { streams, interventions } = buildScenario(plan, scenario);
  const limitPounds = scenario?.underwriting?.limit ?? plan.underwriting?.limit ?? 0;
  const limit = toPence(limitPounds);

  const H0 = parseMonth(plan.horizon.start);
  const HN = H0 + plan.horizon.months - 1; // last month of the horizon
  const fys: number[] = [];
  for (let f = fyOf(H0); f <= fyOf(HN); f++) fys.push(f);

  const inHorizon = (m: Month) => m >= H0 && m <= HN;
  const active = (iv: Iv, m: Month) => inHorizon(m) && (iv.start === null || m >= iv.start) && (iv.end === null || m <= iv.end);

  // §10: actual months are the horizon's months up to and including asAt; scenarios may not
  // change actuals, so they are read from the plan itself, never from the scenario.
  const asAt: Month | null = plan.actuals ? parseMonth(plan.actuals.asAt) : null;
  const isActual = (m: Month) => asAt !== null && inHorizon(m) && m <= asAt;
  const actualAmounts = new Map<string, Pence>();
  for (const e of plan.actuals?.spend ?? []) actualAmounts.set(`${e.intervention}|${parseMonth(e.month)}`, toPence(e.amount));
  /** What was really spent in an actual month: its entry, or 0 where it has none. */
  const actualOf = (iv: Iv, m: Month): Pence => actualAmounts.get(`${iv.id}|${m}`) ?? 0n;
  /** A decision taken at month `at` after asAt counts actuals; one at or before asAt is history. */
  const afterAsAt = (at: Month) => asAt !== null && at > asAt;

  // 3.1 cost: gross, partner, plan per month (before any closure).
  const gross = (iv: Iv, m: Month): Pence => (active(iv, m) ? monthlySplit(annualPence(iv, fyOf(m)), m) : 0n);
  const partnerPart = (iv: Iv, m: Month): Pence => {
    const g = gross(iv, m);
    const t = taperAt(iv, m);
    if (!t) return 0n;
    return roundHalfEven(g * t.share.num, t.share.den);
  };
  const planCost = (iv: Iv, m: Month): Pence => gross(iv, m) - partnerPart(iv, m);
  const hasMonthIn = (iv: Iv, f: number) => {
    for (let m = fyStart(f); m < fyStart(f) + 12; m++) if (active(iv, m)) return true;
    return false;
  };

  // 3.2 K of each FY.
  const allocsOf = (f: number) => {
    const out: { stream: Stream; alloc: Alloc }[] = [];
    for (const s of streams) for (const a of s.allocations) if (a.fy === f) out.push({ stream: s, alloc: a });
    return out;
  };
  const knownAt = (f: number): Month => {
    const list = allocsOf(f);
    if (list.length === 0) return fyStart(f); // README: an FY with no allocations is known at its start
    let K = -Infinity;
    for (const { alloc } of list) K = Math.max(K, alloc.known);
    return K;
  };

  const closures = new Map<string, Closure>();
  const deadlineOf = (iv: Iv, f: number) => fyStart(f) - iv.notice;

  /**
   * The rule of 3.3 over `cands`, with the allocations of f that `isKnown` admits.
   * `windDown` (null in the look-ahead) gives the wind-down of a closure.
   */
  function rule(
    f: number,
    cands: Iv[],
    isKnown: (a: Alloc) => boolean,
    windDown: ((iv: Iv, useActuals: boolean) => Pence) | null,
    at: Month,
    kind: RefDecision['kind'],
    useActuals = afterAsAt(at),
  ) {
    const rf: { ids: Set<string>; left: Pence }[] = [];
    let general = 0n;
    for (const { stream, alloc } of allocsOf(f)) {
      if (!isKnown(alloc)) continue;
      if (stream.restrictedTo) rf.push({ ids: stream.restrictedTo, left: alloc.amount });
      else general += alloc.amount;
    }
    const funded = new Set<string>();
    const closed: Iv[] = [];
    const draw = (iv: Iv, amount: Pence) => {
      let need = amount;
      for (const pool of rf) {
        if (!pool.ids.has(iv.id)) continue;
        const take = pool.left < need ? pool.left : need;
        pool.left -= take;
        need -= take;
      }
      const take = general < need ? general : need;
      general -= take;
    };
    for (const iv of [...cands].sort(byPriority)) {
      // §10: after asAt, d is the actual amounts in f's actual months plus planned cost in the rest.
      let d = 0n;
      for (let m = fyStart(f); m <= fyStart(f) + 11; m++) d += useActuals && isActual(m) ? actualOf(iv, m) : planCost(iv, m);
      let avail = general;
      for (const pool of rf) if (pool.ids.has(iv.id)) avail += pool.left;
      if (d === 0n || d <= avail) {
        funded.add(iv.id);
        draw(iv, d);
      } else {
        closed.push(iv);
        if (windDown) draw(iv, windDown(iv, useActuals));
      }
    }
    // Coverage: report each decision once (not the planned-only re-run below, which passes false).
    if (options.onDecision && useActuals === afterAsAt(at)) {
      let actualMonths = 0;
      for (let m = fyStart(f); m <= fyStart(f) + 11; m++) if (isActual(m)) actualMonths++;
      const planned = useActuals ? rule(f, cands, isKnown, windDown, at, kind, false).closed : closed;
      options.onDecision({
        fy: fyLabel(f),
        at: monthText(at),
        kind,
        afterAsAt: useActuals,
        actualMonths,
        closed: closed.map((iv) => iv.id),
        closedPlanned: planned.map((iv) => iv.id),
      });
    }
    return { funded, closed };
  }

  /** A closure decided at K (stance wait, or prudent's decision at K). */
  function closeAtK(iv: Iv, f: number, K: Month): Closure {
    const deadline = deadlineOf(iv, f);
    // 3.3 wait: notice at the deadline if K is not later; otherwise at K.
    // README: notice can only be served inside the horizon.
    const served = Math.max(deadline, K, H0);
    let last = served + iv.notice - 1;
    if (iv.end !== null && iv.end < last) last = iv.end; // README: or its own end if that comes first
    return { fy: f, deadline, served, last, avoidable: false };
  }
  function windDownFor(f: number, K: Month) {
    return (iv: Iv, useActuals: boolean): Pence => {
      const c = closeAtK(iv, f, K);
      const S = fyStart(f);
      const E = S + 11;
      let w = 0n;
      for (let m = S; m <= E; m++) {
        const runOn = m <= c.last;
        if (useActuals && isActual(m)) {
          // §10 "likewise for a wind-down": actual amounts in f's actual months (§10 reading: all
          // of them, since actual amounts count whatever the rules say of the month).
          if (runOn || options.windDownActualMonths !== 'run-on') w += actualOf(iv, m);
        } else if (runOn) w += planCost(iv, m);
      }
      // "plus its exit cost if that falls in f" (and, README, only spent if inside the horizon).
      // §10 reading: after asAt, an exit cost in an actual month adds nothing (the actuals hold it).
      const exitInActual = useActuals && isActual(c.last) && options.windDownExitInActualMonth !== 'adds';
      if (c.last >= S && c.last <= E && inHorizon(c.last) && !exitInActual) w += iv.exitCost;
      return w;
    };
  }

  for (const f of fys) {
    const S = fyStart(f);
    const K = knownAt(f);
    const cands = interventions.filter((iv) => !closures.has(iv.id) && hasMonthIn(iv, f));
    const all = () => true;
    if (stance === 'wait') {
      const { closed } = rule(f, cands, all, windDownFor(f, K), K, 'K');
      for (const iv of closed) closures.set(iv.id, closeAtK(iv, f, K));
      continue;
    }
    // prudent: look-ahead at each deadline inside the horizon that is before K, earliest first.
    const noticed = new Set<string>();
    const deadlines = [...new Set(cands.map((iv) => deadlineOf(iv, f)))].filter((d) => d >= H0 && d < K).sort((a, b) => a - b);
    for (const dl of deadlines) {
      const rest = cands.filter((iv) => !noticed.has(iv.id));
      const { funded } = rule(f, rest, (a) => a.known <= dl, null, dl, 'look-ahead');
      for (const iv of rest) {
        if (deadlineOf(iv, f) === dl && !funded.has(iv.id)) noticed.add(iv.id);
      }
    }
    // The avoidability check is "the wait decision at K": taken at K, with the figures of K's time.
    const hypothetical = rule(f, cands, all, windDownFor(f, K), K, 'hypothetical').funded;
    for (const iv of cands) {
      if (!noticed.has(iv.id)) continue;
      const deadline = deadlineOf(iv, f);
      let last = S - 1; // closes at the end of the previous FY
      if (iv.end !== null && iv.end < last) last = iv.end;
      closures.set(iv.id, { fy: f, deadline, served: deadline, last, avoidable: hypothetical.has(iv.id) });
    }
    const rest = cands.filter((iv) => !noticed.has(iv.id));
    const { closed } = rule(f, rest, all, windDownFor(f, K), K, 'K');
    // 3.3: a closure decided at K is never avoidable, under either stance.
    for (const iv of closed) closures.set(iv.id, closeAtK(iv, f, K));
  }

  // ---- what was really spent, month by month
  const runs = (iv: Iv, m: Month) => {
    const c = closures.get(iv.id);
    return !c || m <= c.last;
  };
  const spendOf = (iv: Iv, m: Month): Pence => {
    // §10: in an actual month the spend is the actual amount (0 without an entry), whatever the
    // rules say of the month; an exit cost whose month is an actual month adds nothing.
    if (isActual(m)) return actualOf(iv, m);
    let s = runs(iv, m) ? planCost(iv, m) : 0n;
    const c = closures.get(iv.id);
    if (c && c.last === m && inHorizon(m)) s += iv.exitCost;
    return s;
  };
  const partnerOf = (iv: Iv, m: Month): Pence => (runs(iv, m) ? partnerPart(iv, m) : 0n);

  // ---- 3.4 accounts
  const years: RefYear[] = [];
  let totalSpend = 0n;
  let totalDrawn = 0n;
  for (const f of fys) {
    const S = fyStart(f);
    const K = knownAt(f);
    const months: Month[] = [];
    for (let m = S; m < S + 12; m++) if (inHorizon(m)) months.push(m);
    const rf: { ids: Set<string>; left: Pence }[] = [];
    let general = 0n;
    let funding = 0n;
    let minShare: { num: bigint; den: bigint } | null = null;
    for (const { stream, alloc } of allocsOf(f)) {
      funding += alloc.amount;
      if (stream.restrictedTo) rf.push({ ids: stream.restrictedTo, left: alloc.amount });
      else general += alloc.amount;
      // README: the largest minCommissionedShare among the streams with an allocation in f
      if (stream.minShare && (!minShare || stream.minShare.num * minShare.den > minShare.num * stream.minShare.den))
        minShare = stream.minShare;
    }
    let spend = 0n;
    let actual = 0n;
    let drawn = 0n;
    let atRisk = 0n;
    let commissioned = 0n;
    for (const iv of [...interventions].sort(byPriority)) {
      let s = 0n;
      for (const m of months) {
        const x = spendOf(iv, m);
        s += x;
        if (isActual(m)) actual += x;
        if (m < K) atRisk += x;
      }
      spend += s;
      if (iv.category === 'commissioned') commissioned += s;
      let need = s;
      for (const pool of rf) {
        if (!pool.ids.has(iv.id)) continue;
        const take = pool.left < need ? pool.left : need;
        pool.left -= take;
        need -= take;
      }
      const take = general < need ? general : need;
      general -= take;
      need -= take;
      drawn += need;
    }
    let underspend = general;
    for (const pool of rf) underspend += pool.left;
    let share: number | null = null;
    let compliant = true;
    if (spend > 0n) {
      const scaled =
        options.shareRounding === 'half-up' ? (commissioned * 20000n + spend) / (2n * spend) : roundHalfEven(commissioned * 10000n, spend);
      share = Number(scaled) / 10000;
      if (minShare) compliant = commissioned * minShare.den >= minShare.num * spend;
    }
    years.push({
      fy: fyLabel(f),
      funding: pounds(funding),
      spend: pounds(spend),
      actual: pounds(actual),
      forecast: pounds(spend - actual),
      drawn: pounds(drawn),
      underspend: pounds(underspend),
      atRisk: pounds(atRisk),
      commissionedShare: share,
      compliant,
      limitBreached: drawn > limit,
    });
    totalSpend += spend;
    totalDrawn += drawn;
  }

  // ---- months
  const monthRows = [];
  for (let m = H0; m <= HN; m++) {
    let funding = 0n;
    for (const { alloc } of allocsOf(fyOf(m))) funding += alloc.amount;
    let spend = 0n;
    let partner = 0n;
    for (const iv of interventions) {
      spend += spendOf(iv, m);
      partner += partnerOf(iv, m);
    }
    // §10: months[].partner stays the partner's share of the planned cost, in actual months too.
    monthRows.push({
      month: monthText(m),
      funding: pounds(monthlySplit(funding, m)),
      spend: pounds(spend),
      partner: pounds(partner),
      actual: isActual(m),
    });
  }

  // ---- 3.6 outcomes
  let closuresCount = 0;
  let avoidableCount = 0;
  let losing = 0;
  const outcomes: RefIntervention[] = interventions.map((iv) => {
    const row: RefIntervention = {
      id: iv.id,
      outcome: 'continues',
      noticeDeadline: null,
      noticeServed: null,
      lastMonth: null,
      runOn: 0,
      exitCost: 0,
      avoidable: false,
      usersMoved: 0,
      usersLosingSupport: 0,
      partner: null,
      handoverMonth: null,
      actualToDate: 0,
    };
    // §10: its actual spend over the horizon (every entry is in an actual month).
    let toDate = 0n;
    for (let m = H0; m <= HN; m++) if (isActual(m)) toDate += actualOf(iv, m);
    row.actualToDate = pounds(toDate);
    const c = closures.get(iv.id);
    if (c) {
      const moved = iv.capacity === null ? 0 : Math.min(iv.users, iv.capacity);
      row.outcome = 'closes';
      row.noticeDeadline = monthText(c.deadline);
      row.noticeServed = monthText(c.served);
      row.lastMonth = monthText(c.last);
      // §10: runOn counts actual amounts in actual months (§10 reading: of its run-on months
      // April..last only; actual amounts after the last month are in the account, not in runOn).
      let runOn = 0n;
      for (let m = fyStart(c.fy); m <= c.last; m++) runOn += isActual(m) ? actualOf(iv, m) : planCost(iv, m);
      row.runOn = pounds(runOn);
      row.exitCost = pounds(iv.exitCost);
      row.avoidable = c.avoidable;
      row.usersMoved = moved;
      row.usersLosingSupport = iv.users - moved;
      closuresCount++;
      if (c.avoidable) avoidableCount++;
      losing += iv.users - moved;
      return row;
    }
    // transitions: share 1 in the last month it runs in the horizon
    const first = Math.max(H0, iv.start ?? H0);
    const last = Math.min(HN, iv.end ?? HN);
    if (last >= first) {
      const t = taperAt(iv, last);
      if (t && t.share.num === t.share.den) {
        let h = last;
        while (h - 1 >= first) {
          const p = taperAt(iv, h - 1);
          if (!p || p.share.num !== p.share.den) break;
          h--;
        }
        row.outcome = 'transitions';
        row.partner = t.partner;
        row.handoverMonth = monthText(h);
        return row;
      }
    }
    if (iv.end !== null && iv.end <= HN) row.outcome = 'ended'; // README: at or before the horizon's end
    return row;
  });

  return {
    id: scenarioId,
    name: scenarioId === 'base' ? 'Base' : scenario.name,
    years,
    interventions: outcomes,
    months: monthRows,
    totals: {
      spend: pounds(totalSpend),
      drawn: pounds(totalDrawn),
      closures: closuresCount,
      avoidableClosures: avoidableCount,
      usersLosingSupport: losing,
    },
  };
}

/** `npx headroom simulate PLAN --json` for every scenario, base first then plan order. */
export function referenceJson(plan: any, options: RefOptions = {}) {
  const ids = ['base', ...(plan.scenarios ?? []).map((s: any) => s.id)];
  return { plan: plan.name, scenarios: ids.map((id) => referenceScenario(plan, id, options)) };
}

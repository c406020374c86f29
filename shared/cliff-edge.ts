// The cliff edge, for the briefing and the app's timeline alike: for each FY, each service's
// notice deadline against the month the FY's funding becomes known, per scenario. Every fact
// is the engine's own (each intervention's notices and each year's known month,
// plan-format.md §3.2, §3.3); this only gathers them by FY and words the warning.
// No runtime imports beyond formatting, so the renderer's main bundle can use it.
import type { NoticeResult, SimulationResult } from './engine';
import { fyText, monthLong } from './format';
import { parseMonth, type FyYear, type MonthIndex } from './months';
import type { Plan } from './plan';
import { SCENARIO_LETTERS, countOf } from './words';

export interface DeadlineRow {
  readonly id: string;
  readonly name: string;
  /** Per scenario: the FY's notice decision, or null when it is no candidate then (not running, or closed earlier). */
  readonly notices: readonly (NoticeResult | null)[];
}

export interface CliffEdge {
  readonly fy: FyYear;
  /** Per scenario: the month the FY's funding is known. */
  readonly known: readonly MonthIndex[];
  readonly rows: readonly DeadlineRow[];
}

/** A notice whose deadline falls before the FY's funding is known: decided blind. */
export const isEarly = (notice: NoticeResult | null): notice is NoticeResult => notice !== null && notice.blindMonths > 0;

/** A deadline still to decide: not passed before the plan starts, and not for an FY a partner carries whole. */
export const isChoice = (notice: NoticeResult | null): notice is NoticeResult =>
  notice !== null && !notice.passed && notice.verdict !== 'handed-over';

/** The last month of service when the FY's decision closes it. */
export const closesAfter = (notice: NoticeResult | null): MonthIndex | null => (notice?.verdict === 'closes' ? notice.lastMonth : null);

/**
 * The FY's notice decisions per service, lined up by id across the results (which may come from
 * different plans: a snapshot's and today's), earliest deadline first; services with none left out.
 */
export function deadlineRows(results: readonly SimulationResult[], fy: FyYear): DeadlineRow[] {
  const byId = results.map((r) => new Map(r.interventions.map((item) => [item.id, item])));
  const ids = [...new Set(results.flatMap((r) => r.interventions.map((item) => item.id)))];
  const rows: DeadlineRow[] = ids
    .map((id) => {
      const found = byId.map((m) => m.get(id));
      const notices = found.map((item) => item?.notices.find((n) => n.fy === fy) ?? null);
      return { id, name: found.find((item) => item !== undefined)!.name, notices };
    })
    .filter((row) => row.notices.some((n) => n !== null));
  const earliest = (row: DeadlineRow) => Math.min(...row.notices.flatMap((n) => (n ? [n.deadline] : [])));
  return rows.sort((a, b) => earliest(a) - earliest(b));
}

/** Per FY with any notice, the services' notices in each of the results (scenarios in the same plan), earliest deadline first. */
export function cliffEdges(results: readonly SimulationResult[]): CliffEdge[] {
  return results[0].years
    .map(({ fy }) => ({ fy, known: results.map((r) => r.years.find((y) => y.fy === fy)!.known), rows: deadlineRows(results, fy) }))
    .filter((edge) => edge.rows.length > 0);
}

/** The months the FY's funding becomes known, each with the scenarios (that still run services then) it holds for. */
export function relevantKnown(edge: CliffEdge): [MonthIndex, number[]][] {
  const byMonth = new Map<MonthIndex, number[]>();
  edge.known.forEach((k, i) => {
    if (edge.rows.some((r) => r.notices[i] !== null)) byMonth.set(k, [...(byMonth.get(k) ?? []), i]);
  });
  return [...byMonth].sort((a, b) => a[0] - b[0]);
}

/** Per service, its earliest deadline that falls before the funding is known. */
export function earlyDeadlines(edge: CliffEdge): MonthIndex[] {
  return edge.rows.flatMap((r) => {
    const early = r.notices.filter(isEarly).map((n) => n.deadline);
    return early.length ? [Math.min(...early)] : [];
  });
}

/** Some deadlines fell before the plan's first month: they had passed when it starts. */
export function anyPassed(edge: CliffEdge): boolean {
  return edge.rows.some((r) => r.notices.some((n) => n !== null && n.passed));
}

/** Every deadline of the FY fell before the plan's first month: history, nothing left to decide. */
export function allPassed(edge: CliffEdge): boolean {
  const notices = edge.rows.flatMap((r) => r.notices.filter((n): n is NoticeResult => n !== null));
  return notices.length > 0 && notices.every((n) => n.passed);
}

function between(from: MonthIndex, to: MonthIndex): string {
  return from === to ? `on 1 ${monthLong(from)}` : `between 1 ${monthLong(from)} and 1 ${monthLong(to)}`;
}

function span(from: MonthIndex, to: MonthIndex): string {
  return from === to ? `1 ${monthLong(from)}` : `1 ${monthLong(from)} to 1 ${monthLong(to)}`;
}

/**
 * "For 2021/22, 9 services reach their notice deadline between … before the funding is known
 * in June 2021 (A, B): …". Deadlines before the plan starts are said to have passed: no choice
 * is left for them.
 */
export function cliffEdgeMessage(edge: CliffEdge): string | null {
  const early = earlyDeadlines(edge);
  if (early.length === 0) return null;
  const known = relevantKnown(edge);
  const [latest, who] = known[known.length - 1];
  const whose = who.map((i) => SCENARIO_LETTERS[i]).join(', ');
  const open = edge.rows.flatMap((r) => {
    const choices = r.notices.filter((n) => isEarly(n) && isChoice(n)).map((n) => n!.deadline);
    return choices.length ? [Math.min(...choices)] : [];
  });
  const passed = early.length - open.length;
  const head = `For ${fyText(edge.fy)}, `;
  if (open.length === 0) {
    return `${head}${countOf(early.length, 'service’s notice deadline', 'services’ notice deadlines')} (${span(Math.min(...early), Math.max(...early))}) had already passed before the plan starts, ahead of the funding being known in ${monthLong(latest)} (${whose}): they run on at the underwriter's risk until then.`;
  }
  const also =
    passed > 0 ? ` The deadlines of ${countOf(passed, 'other service', 'other services')} had already passed before the plan starts.` : '';
  return `${head}${countOf(open.length, 'service reaches its', 'services reach their')} notice deadline ${between(Math.min(...open), Math.max(...open))}, before the funding is known in ${monthLong(latest)} (${whose}): each is a choice between serving notice and running on at the underwriter's risk.${also}`;
}

/**
 * The FY a headline is about unless the person picks another: the next cliff edge. With
 * actuals, the first FY not yet known at `asAt` (an FY whose known month K ≤ asAt in every
 * scenario is known); else the first FY whose funding (amount or known month) any scenario
 * changes from base; else the FY most at risk in any of them. `results[0]` is base; every
 * figure is the engine's (`years[].known`, `funding`, `atRisk`). Null with no FYs.
 */
export function nextCliffEdgeFy(asAt: MonthIndex | null, results: readonly SimulationResult[]): FyYear | null {
  const base = results[0];
  if (!base || base.years.length === 0) return null;
  const fys = base.years.map((y) => y.fy);
  const yearIn = (r: SimulationResult, yi: number) => r.years[yi];
  if (asAt !== null) {
    const open = fys.findIndex((_, yi) => results.some((r) => yearIn(r, yi).known > asAt));
    if (open >= 0) return fys[open];
  }
  const changed = fys.findIndex((_, yi) =>
    results.some((r) => yearIn(r, yi).funding !== yearIn(base, yi).funding || yearIn(r, yi).known !== yearIn(base, yi).known),
  );
  if (changed >= 0) return fys[changed];
  const peak = fys.map((_, yi) => Math.max(...results.map((r) => yearIn(r, yi).atRisk)));
  const best = peak.indexOf(Math.max(...peak));
  return fys[best];
}

/**
 * The scenario to open on when none was looked at before: the plan's scenario with most at
 * stake in the headline FY (its at-risk there, then people losing support), first in plan
 * order on a tie; base when the plan has no scenarios. `results[0]` is base.
 */
export function headlineScenarioId(results: readonly SimulationResult[], fy: FyYear | null): string {
  const atRisk = (r: SimulationResult) => r.years.find((y) => y.fy === fy)?.atRisk ?? 0;
  let best: SimulationResult | null = null;
  for (const r of results.slice(1)) {
    if (!best || atRisk(r) > atRisk(best) || (atRisk(r) === atRisk(best) && r.totals.usersLosingSupport > best.totals.usersLosingSupport))
      best = r;
  }
  return best?.id ?? results[0]?.id ?? 'base';
}

/** The next cliff edge of a plan (nextCliffEdgeFy), with its actuals' `asAt` when it has actuals. */
export function headlineFyOf(plan: Pick<Plan, 'actuals'>, results: readonly SimulationResult[]): FyYear | null {
  const asAt = plan.actuals?.asAt;
  return nextCliffEdgeFy(asAt ? parseMonth(asAt) : null, results);
}

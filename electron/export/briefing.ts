// The briefing: one self-contained HTML page (inline CSS, inline SVG, no script) laid out
// for A4, which a director can print or hand on as a PDF. Every sentence and figure comes
// from the engine's result; every plan-provided string is escaped (names are untrusted),
// and a Content-Security-Policy forbids scripts should escaping ever be missed.
import { createHash } from 'node:crypto';
import { formatComparisonValue, type ComparisonRow } from '../../shared/compare';
import type { InterventionResult, SimulationResult, YearResult } from '../../shared/engine';
import { formatFy, fyEnd, fyOfMonth, fyStart, monthName, parseFy, type FyYear, type MonthIndex } from '../../shared/months';
import { formatMoney, formatMoneyShort, formatPercent } from '../../shared/money';
import { isStreamChange, type Plan } from '../../shared/plan';
import type { ResolvedScenario } from '../../shared/resolve';
import { exportDateText, simulateScenarios, type ExportOptions, type ScenarioSet } from './workbook';

// ---------------------------------------------------------------- words and numbers

const LETTERS = ['A', 'B', 'C', 'D', 'E', 'F'];
const COLOURS = ['#1f4e79', '#b5541c', '#2e7d5b', '#74508f', '#8a6d1f', '#4d5b69'];

/** Text for HTML, attribute values included. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
const esc = escapeHtml;

/** Text as a CSS string literal: anything but plain characters becomes a hex escape. */
function cssString(text: string): string {
  return `"${text.replace(/[^A-Za-z0-9 .,:;()/£%–—·-]/g, (c) => `\\${c.codePointAt(0)!.toString(16)} `)}"`;
}

const pounds = (pence: number) => formatMoney(pence, { wholePounds: true });
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function underwriterText(result: SimulationResult): string {
  return result.underwriter === 'Underwriter' ? 'the underwriter' : `the underwriter (${result.underwriter})`;
}

function yearOf(result: SimulationResult, fy: FyYear): YearResult {
  return result.years.find((y) => y.fy === fy)!;
}

/**
 * The FY a scenario is about: the first whose funding it changes (an allocation named in
 * its changes, or one whose amount or confirmation differs from base); failing that, the
 * FY of its first closure, then the FY most at risk.
 */
export function headlineFy(set: ScenarioSet, index: number): FyYear {
  const scenario = set.scenarios[index];
  const result = set.results[index];
  const named = new Set<FyYear>();
  const raw = set.plan.scenarios?.find((s) => s.id === scenario.id);
  for (const change of raw?.changes ?? []) if (isStreamChange(change)) named.add(parseFy(change.fy));
  for (const fy of scenario.fys) {
    if (named.has(fy)) return fy;
    for (const stream of scenario.streams) {
      const mine = stream.allocations.get(fy);
      const base = set.base.streams.find((s) => s.id === stream.id)?.allocations.get(fy);
      if (mine?.amount !== base?.amount || mine?.known !== base?.known) return fy;
    }
  }
  const closedFor = result.interventions.filter((r) => r.closedFor !== null).map((r) => r.closedFor!);
  if (closedFor.length > 0) return Math.min(...closedFor);
  let best = result.years[0];
  for (const y of result.years) if (y.atRisk > best.atRisk) best = y;
  return best.fy;
}

/** "at 75% of the planned Home Office funding", "with no Home Office funding", or "at the planned level". */
function fundingClause(set: ScenarioSet, index: number, fy: FyYear): string {
  const scenario = set.scenarios[index];
  const changed: { funder: string; name: string; mine: number; base: number }[] = [];
  for (const stream of scenario.streams) {
    const mine = stream.allocations.get(fy)?.amount ?? 0;
    const base = set.base.streams.find((s) => s.id === stream.id)?.allocations.get(fy)?.amount ?? 0;
    if (mine !== base) changed.push({ funder: stream.funder.trim() || stream.name, name: stream.name, mine, base });
  }
  if (changed.length === 0) return scenario.id === set.base.id ? 'as planned' : 'at the planned level';
  // Streams are named by their funder, or by their own name when a funder has several that changed.
  const shared = new Set(changed.map((c) => c.funder).filter((f, i, all) => all.indexOf(f) !== i));
  const parts = changed.map((c) => {
    const label = shared.has(c.funder) ? c.name : c.funder;
    if (c.mine === 0) return `with no ${label} funding`;
    if (c.base === 0) return `with ${pounds(c.mine)} of new ${label} funding`;
    return `at ${formatPercent(c.mine / c.base, 1)} of the planned ${label} funding`;
  });
  return parts.join(' and ');
}

export interface KeyMessage {
  readonly scenarioId: string;
  readonly letter: string;
  readonly text: string;
}

/** One plain-English message per scenario, from its result; then how each differs from the first. */
export function keyMessages(set: ScenarioSet): KeyMessage[] {
  const messages: KeyMessage[] = [];
  set.results.forEach((result, i) => {
    const fy = headlineFy(set, i);
    const year = yearOf(result, fy);
    const t = result.totals;
    const clauses: string[] = [];
    if (t.closures === 0) clauses.push('no service closes');
    else {
      clauses.push(`${plural(t.closures, 'service closes', 'services close')}`);
      if (t.usersLosingSupport === 0) {
        clauses.push('no one loses support');
      } else {
        clauses.push(`${t.usersLosingSupport} ${t.usersLosingSupport === 1 ? 'person loses' : 'people lose'} support`);
        const a = t.usersLosingSupportAvoidably;
        clauses.push(a === 0 ? 'none of them avoidably' : a === t.usersLosingSupport ? (a === 1 ? 'avoidably' : 'all of them avoidably') : `${a} of them avoidably`);
      }
    }
    clauses.push(year.atRisk > 0
      ? `${underwriterText(result)} is exposed to ${pounds(year.atRisk)} until confirmation`
      : 'nothing is spent before confirmation');
    const last = clauses.pop()!;
    let text = `If ${formatFy(fy)} is confirmed in ${monthName(year.known)} ${fundingClause(set, i, fy)}, ${clauses.join(', ')}${clauses.length ? ', and ' : ''}${last}.`;
    text += t.drawn > 0
      ? ` Over the plan, ${pounds(t.drawn)} is drawn from the underwriter, ${t.limitBreaches > 0 ? `beyond its limit in ${plural(t.limitBreaches, 'year', 'years')}` : 'within its limit'}`
      : ' Nothing is drawn from the underwriter';
    text += t.underspend > 0 ? `; ${pounds(t.underspend)} of funding lapses unspent.` : '.';
    if (t.avoidableClosures > 0) {
      text += ` Serving notice before the funding is known closes ${plural(t.avoidableClosures, 'service', 'services')} that waiting would have kept.`;
    }
    if (t.nonCompliantYears > 0) text += ` The grant condition is broken in ${plural(t.nonCompliantYears, 'year', 'years')}.`;
    messages.push({ scenarioId: result.id, letter: LETTERS[i], text });
  });
  set.results.slice(1).forEach((result, j) => {
    const i = j + 1;
    const diff = (key: string) => set.comparison.totals.find((r) => r.key === key)!.differences[i] ?? 0;
    const closures = diff('closures');
    const people = diff('usersLosingSupport');
    const drawn = diff('drawn');
    const parts = [
      closures === 0 ? 'closes as many services' : `closes ${plural(Math.abs(closures), `${closures > 0 ? 'more' : 'fewer'} service`, `${closures > 0 ? 'more' : 'fewer'} services`)}`,
      people === 0 ? 'leaves as many people without support' : `leaves ${Math.abs(people)} ${people > 0 ? 'more' : 'fewer'} ${Math.abs(people) === 1 ? 'person' : 'people'} without support`,
      drawn === 0 ? 'draws the same from the underwriter' : `draws ${pounds(Math.abs(drawn))} ${drawn > 0 ? 'more' : 'less'} from the underwriter`,
    ];
    messages.push({ scenarioId: result.id, letter: LETTERS[i], text: `Compared with ${LETTERS[0]}, ${LETTERS[i]} ${parts[0]}, ${parts[1]}, and ${parts[2]}.` });
  });
  return messages;
}

// ---------------------------------------------------------------- the cliff edge

interface DeadlineRow {
  readonly id: string;
  readonly name: string;
  /** Per scenario: the notice deadline for the FY, or null when not running then. */
  readonly deadlines: readonly (MonthIndex | null)[];
  /** Per scenario: the last month of service when it closes for this FY. */
  readonly closes: readonly (MonthIndex | null)[];
}

interface CliffEdge {
  readonly fy: FyYear;
  /** Per scenario: the month the FY's funding is known. */
  readonly known: readonly MonthIndex[];
  readonly rows: readonly DeadlineRow[];
}

/** Runs in the FY in this scenario (its dates allow it and it did not close for an earlier FY). */
function runsIn(scenario: ResolvedScenario, result: SimulationResult, index: number, fy: FyYear): boolean {
  const item = scenario.interventions[index];
  const from = Math.max(fyStart(fy), scenario.horizonStart);
  const to = Math.min(fyEnd(fy), scenario.horizonStart + scenario.horizonMonths - 1);
  if ((item.start ?? from) > to || (item.end ?? to) < from || from > to) return false;
  const closedFor = result.interventions[index].closedFor;
  return closedFor === null || closedFor >= fy;
}

export function cliffEdges(set: ScenarioSet): CliffEdge[] {
  const first = set.scenarios[0];
  return first.fys.map((fy) => {
    const rows: DeadlineRow[] = first.interventions.map((item, ii) => ({
      id: item.id,
      name: item.name,
      deadlines: set.scenarios.map((s, si) => (runsIn(s, set.results[si], ii, fy) ? fyStart(fy) - (s.interventions[ii].noticeMonths.get(fy) ?? 0) : null)),
      closes: set.results.map((r) => (r.interventions[ii].closedFor === fy ? r.interventions[ii].lastMonth : null)),
    })).filter((row) => row.deadlines.some((d) => d !== null));
    const earliest = (row: DeadlineRow) => Math.min(...row.deadlines.filter((d): d is number => d !== null));
    rows.sort((a, b) => earliest(a) - earliest(b));
    return { fy, known: set.results.map((r) => yearOf(r, fy).known), rows };
  }).filter((edge) => edge.rows.length > 0);
}

/** The months the FY's funding becomes known, each with the scenarios (that still run services then) it holds for. */
function relevantKnown(edge: CliffEdge): [MonthIndex, number[]][] {
  const byMonth = new Map<MonthIndex, number[]>();
  edge.known.forEach((k, i) => {
    if (edge.rows.some((r) => r.deadlines[i] !== null)) byMonth.set(k, [...(byMonth.get(k) ?? []), i]);
  });
  return [...byMonth].sort((a, b) => a[0] - b[0]);
}

/** Deadlines falling before the latest confirmation: decisions taken before the money is known. */
function earlyDeadlines(edge: CliffEdge): MonthIndex[] {
  return edge.rows.flatMap((r) => {
    const early = r.deadlines.flatMap((d, i) => (d !== null && d < edge.known[i] ? [d] : []));
    return early.length ? [Math.min(...early)] : [];
  });
}

function cliffEdgeMessage(edge: CliffEdge, _set: ScenarioSet): string | null {
  const early = earlyDeadlines(edge);
  if (early.length === 0) return null;
  const known = relevantKnown(edge);
  const [latest, who] = known[known.length - 1];
  const from = Math.min(...early);
  const to = Math.max(...early);
  const when = from === to ? `on 1 ${monthName(from)}` : `between 1 ${monthName(from)} and 1 ${monthName(to)}`;
  const whose = who.map((i) => LETTERS[i]);
  return `For ${formatFy(edge.fy)}, ${plural(early.length, 'service reaches its', 'services reach their')} notice deadline ${when}, before the funding is known in ${monthName(latest)} (${whose.join(', ')}): each is a choice between serving notice and running on at the underwriter's risk.`;
}

/** A caption when some deadlines fall before the plan's first month: they had passed when it starts. */
function passedNote(edge: CliffEdge, first: SimulationResult): string {
  const passed = edge.rows.some((r) => r.deadlines.some((d) => d !== null && d < first.horizonStart));
  return passed ? `<figcaption>The plan starts in ${esc(monthName(first.horizonStart))}: deadlines before then had already passed.</figcaption>` : '';
}

// ---------------------------------------------------------------- SVG charts

const W = 680;

function niceStep(max: number, ticks: number): number {
  const raw = Math.max(max, 1) / ticks;
  const power = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * power >= raw) return m * power;
  return 10 * power;
}

function svgText(x: number, y: number, text: string, cls: string, anchor: 'start' | 'middle' | 'end' = 'start'): string {
  return `<text x="${x.toFixed(1)}" y="${y.toFixed(1)}" class="${cls}" text-anchor="${anchor}">${esc(text)}</text>`;
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/** Monthly funding (shaded) against spend (line) for one scenario; at-risk months banded. */
function monthlyChart(result: SimulationResult, index: number, maxPence: number): string {
  const H = 165;
  const left = 52, right = 8, top = 8, bottom = 24;
  const pw = W - left - right, ph = H - top - bottom;
  const months = result.months;
  const bw = pw / months.length;
  const step = niceStep(maxPence, 4);
  const yMax = Math.ceil(Math.max(maxPence, 1) / step) * step;
  const y = (p: number) => top + ph - (p / yMax) * ph;
  const x = (i: number) => left + i * bw;
  const parts: string[] = [];
  // At-risk months: spend before the FY's funding is confirmed.
  let i = 0;
  while (i < months.length) {
    if (!months[i].atRisk) { i++; continue; }
    const start = i;
    while (i < months.length && months[i].atRisk) i++;
    parts.push(`<rect x="${x(start).toFixed(1)}" y="${top}" width="${((i - start) * bw).toFixed(1)}" height="${ph}" class="risk-band"/>`);
  }
  for (let v = 0; v <= yMax; v += step) {
    parts.push(`<line x1="${left}" x2="${W - right}" y1="${y(v).toFixed(1)}" y2="${y(v).toFixed(1)}" class="grid"/>`);
    parts.push(svgText(left - 6, y(v) + 3, formatMoneyShort(v), 'tick', 'end'));
  }
  // Funding: a step area, the monthly split of each FY's funding.
  let area = `M${x(0).toFixed(1)},${y(0).toFixed(1)}`;
  months.forEach((m, k) => (area += ` L${x(k).toFixed(1)},${y(m.funding).toFixed(1)} L${x(k + 1).toFixed(1)},${y(m.funding).toFixed(1)}`));
  area += ` L${x(months.length).toFixed(1)},${y(0).toFixed(1)} Z`;
  parts.push(`<path d="${area}" class="funding"/>`);
  // Months whose spend runs above their share of the year's funding.
  months.forEach((m, k) => {
    if (m.spend > m.funding) parts.push(`<rect x="${x(k).toFixed(1)}" y="${y(m.spend).toFixed(1)}" width="${bw.toFixed(1)}" height="${(y(m.funding) - y(m.spend)).toFixed(1)}" class="over"/>`);
  });
  let line = '';
  months.forEach((m, k) => (line += `${k ? ' L' : 'M'}${x(k).toFixed(1)},${y(m.spend).toFixed(1)} L${x(k + 1).toFixed(1)},${y(m.spend).toFixed(1)}`));
  parts.push(`<path d="${line}" class="spend" stroke="${COLOURS[index]}"/>`);
  // FY boundaries and labels.
  months.forEach((m, k) => {
    const monthOfYear = m.month - Math.floor(m.month / 12) * 12;
    if (monthOfYear === 3 || k === 0) {
      if (k > 0) parts.push(`<line x1="${x(k).toFixed(1)}" x2="${x(k).toFixed(1)}" y1="${top}" y2="${top + ph + 4}" class="fy-line"/>`);
      const end = Math.min(months.length, k + 12 - ((monthOfYear + 9) % 12));
      parts.push(svgText((x(k) + x(end)) / 2, H - 8, formatFy(fyOfMonth(m.month)), 'tick', 'middle'));
    }
  });
  parts.push(`<line x1="${left}" x2="${W - right}" y1="${y(0).toFixed(1)}" y2="${y(0).toFixed(1)}" class="axis"/>`);
  const label = `Monthly funding and spend, ${LETTERS[index]}: ${result.name}`;
  return `<svg viewBox="0 0 ${W} ${H}" role="img" aria-label="${esc(label)}">${parts.join('')}</svg>`;
}

/** Bars per FY, one per scenario, with short values above. */
function barChart(results: readonly SimulationResult[], pick: (y: YearResult) => number, title: string): string {
  const w = W, H = 150;
  const left = 8, right = 8, top = 16, bottom = 22;
  const pw = w - left - right, ph = H - top - bottom;
  const fys = results[0].years.map((y) => y.fy);
  const max = Math.max(1, ...results.flatMap((r) => r.years.map(pick)));
  const group = pw / fys.length;
  const bar = Math.min(44, (group * 0.7) / results.length);
  const parts: string[] = [];
  fys.forEach((fy, g) => {
    const gx = left + g * group + (group - bar * results.length) / 2;
    results.forEach((r, si) => {
      const value = pick(r.years[g]);
      const h = (value / max) * ph;
      const bx = gx + si * bar;
      parts.push(`<rect x="${bx.toFixed(1)}" y="${(top + ph - h).toFixed(1)}" width="${(bar - 3).toFixed(1)}" height="${Math.max(h, 0.6).toFixed(1)}" fill="${COLOURS[si]}"/>`);
      parts.push(svgText(bx + (bar - 3) / 2, top + ph - h - 3, formatMoneyShort(value), 'bar-value', 'middle'));
    });
    parts.push(svgText(left + g * group + group / 2, H - 8, formatFy(fy), 'tick', 'middle'));
  });
  parts.push(`<line x1="${left}" x2="${w - right}" y1="${top + ph}" y2="${top + ph}" class="axis"/>`);
  return `<svg viewBox="0 0 ${w} ${H}" role="img" aria-label="${esc(title)}">${parts.join('')}</svg>`;
}

/** Per FY: each service's notice deadline against the month its funding becomes known. */
function timelineChart(edge: CliffEdge, set: ScenarioSet): string {
  const rowH = 13;
  const labelW = 230, right = 40, top = 30, bottom = 22;
  const allDeadlines = edge.rows.flatMap((r) => r.deadlines.filter((d): d is number => d !== null));
  const lastMonths = edge.rows.flatMap((r) => r.closes.filter((m): m is number => m !== null));
  const known = relevantKnown(edge);
  const from = Math.min(...allDeadlines, ...known.map(([k]) => k)) - 1;
  // Up to a little past the last event: the rest of the year holds no decision.
  const to = Math.min(fyEnd(edge.fy), Math.max(fyStart(edge.fy) + 3, ...known.map(([k]) => k), ...lastMonths) + 2);
  const span = to - from + 1;
  const pw = W - labelW - right;
  const H = top + edge.rows.length * rowH + bottom;
  const x = (m: number) => labelW + ((m - from) / span) * pw;
  const parts: string[] = [];
  const latest = Math.max(...known.map(([k]) => k));
  const earliest = Math.min(...allDeadlines);
  if (earliest < latest) {
    parts.push(`<rect x="${x(earliest).toFixed(1)}" y="${top - 4}" width="${(x(latest) - x(earliest)).toFixed(1)}" height="${edge.rows.length * rowH + 4}" class="risk-band"/>`);
  }
  for (let m = from; m <= to + 1; m++) {
    const monthOfYear = m - Math.floor(m / 12) * 12;
    parts.push(`<line x1="${x(m).toFixed(1)}" x2="${x(m).toFixed(1)}" y1="${top - 4}" y2="${top + edge.rows.length * rowH}" class="${monthOfYear === 3 ? 'fy-line' : 'grid'}"/>`);
    if (m <= to && (span <= 18 || monthOfYear % 3 === 0)) parts.push(svgText(x(m) + pw / span / 2, H - 8, monthName(m, true).slice(0, 3), 'tick', 'middle'));
    if (m <= to && (monthOfYear === 0 || m === from)) parts.push(svgText(x(m) + 1, H + 2, String(Math.floor(m / 12)), 'tick-faint'));
  }
  parts.push(svgText(x(fyStart(edge.fy)) - 3, top - 8, `${formatFy(edge.fy)} starts`, 'tick', 'end'));
  // The month the funding becomes known, per scenario (shared lines carry several letters).
  for (const [k, who] of known) {
    const kx = x(k);
    parts.push(`<line x1="${kx.toFixed(1)}" x2="${kx.toFixed(1)}" y1="${top - 14}" y2="${top + edge.rows.length * rowH}" class="known-line" stroke="${COLOURS[who[0]]}"/>`);
    parts.push(svgText(kx + 3, top - 18, `Known ${monthName(k, true)} (${who.map((i) => LETTERS[i]).join(', ')})`, 'known-label'));
  }
  edge.rows.forEach((row, r) => {
    const cy = top + r * rowH + rowH / 2;
    if (r % 2 === 1) parts.push(`<rect x="0" y="${(cy - rowH / 2).toFixed(1)}" width="${labelW - 4}" height="${rowH}" class="zebra"/>`);
    parts.push(svgText(2, cy + 3, truncate(row.name, 44), 'row-label'));
    const shared = row.deadlines.every((d) => d === row.deadlines.find((e) => e !== null) || d === null);
    row.deadlines.forEach((d, si) => {
      if (d === null || (shared && si !== row.deadlines.findIndex((e) => e !== null))) return;
      const early = shared ? row.deadlines.some((e, i) => e !== null && e < edge.known[i]) : d < edge.known[si];
      parts.push(`<line x1="${x(d).toFixed(1)}" x2="${x(fyStart(edge.fy)).toFixed(1)}" y1="${cy.toFixed(1)}" y2="${cy.toFixed(1)}" class="notice"/>`);
      parts.push(`<circle cx="${x(d).toFixed(1)}" cy="${cy.toFixed(1)}" r="3.2" class="${early ? 'deadline-early' : 'deadline'}"${shared ? '' : ` stroke="${COLOURS[si]}"`}/>`);
    });
    row.closes.forEach((last, si) => {
      if (last === null) return;
      const y0 = cy - 1.5 + (si - (set.results.length - 1) / 2) * 3.2;
      parts.push(`<rect x="${x(fyStart(edge.fy)).toFixed(1)}" y="${y0.toFixed(1)}" width="${Math.max(1.5, x(last + 1) - x(fyStart(edge.fy))).toFixed(1)}" height="2.6" fill="${COLOURS[si]}"/>`);
      parts.push(`<text x="${(x(last + 1) + 2).toFixed(1)}" y="${(cy + 3).toFixed(1)}" class="closes-label" fill="${COLOURS[si]}">×${LETTERS[si]}</text>`);
    });
  });
  const label = `Notice deadlines for ${formatFy(edge.fy)} against the month its funding is known`;
  return `<svg viewBox="0 0 ${W} ${H + 6}" role="img" aria-label="${esc(label)}">${parts.join('')}</svg>`;
}

// ---------------------------------------------------------------- tables

const cell = formatComparisonValue;

function comparisonTable(set: ScenarioSet): string {
  const { comparison } = set;
  const n = comparison.scenarios.length;
  const head = `<thead><tr><th class="measure"></th>${comparison.scenarios.map((s, i) => `<th class="num"><span class="chip" data-i="${i}">${LETTERS[i]}</span><span class="name">${esc(truncate(s.name, 50))}</span></th>`).join('')}${comparison.scenarios.slice(1).map((_, i) => `<th class="num diff">${LETTERS[i + 1]} − ${LETTERS[0]}</th>`).join('')}</tr></thead>`;
  const rows = (list: readonly ComparisonRow[]) =>
    list.map((row) => {
      const differs = row.differences.some((d) => d !== null && d !== 0);
      return `<tr${differs ? ' class="differs"' : ''}><td class="measure">${esc(row.label)}</td>${row.values.map((v) => `<td class="num">${esc(cell(row, v))}</td>`).join('')}${row.differences.slice(1).map((d) => `<td class="num diff">${esc(cell(row, d, true))}</td>`).join('')}</tr>`;
    }).join('');
  const span = 1 + n * 2 - 1;
  const years = comparison.years.map((y) => `<tbody class="year"><tr class="group"><th colspan="${span}">${esc(y.label)}</th></tr>${rows(y.rows)}</tbody>`).join('');
  return `<table class="figures${n > 2 ? ' wide' : ''}">${head}<tbody><tr class="group"><th colspan="${span}">Whole plan</th></tr>${rows(comparison.totals)}</tbody>${years}</table>`;
}

function outcomeWords(r: InterventionResult): { text: string; cls: string } {
  switch (r.outcome) {
    case 'closes': {
      const people = (r.usersLosingSupport > 0 ? ` · ${r.usersLosingSupport} lose support` : '') + (r.usersMoved > 0 ? ` · ${r.usersMoved} moved` : '');
      return { text: `Closes after ${monthName(r.lastMonth!, true)}${people}${r.avoidable ? ' · avoidable' : ''}`, cls: r.avoidable ? 'closes avoidable' : 'closes' };
    }
    case 'transitions':
      return { text: `Handed over from ${monthName(r.handoverMonth!, true)}`, cls: 'transitions' };
    case 'ended':
      return { text: 'Ends as planned', cls: 'ended' };
    default:
      return { text: 'Continues', cls: 'continues' };
  }
}

function outcomeTable(set: ScenarioSet): string {
  const byId = set.results.map((r) => new Map(r.interventions.map((i) => [i.id, i])));
  const head = `<thead><tr><th>Service</th>${set.results.map((r, i) => `<th><span class="chip" data-i="${i}">${LETTERS[i]}</span> <span class="name">${esc(truncate(r.name, 50))}</span></th>`).join('')}</tr></thead>`;
  const body = set.comparison.interventions.map((row) => {
    const cells = byId.map((m) => {
      const words = outcomeWords(m.get(row.id)!);
      return `<td class="outcome ${words.cls}">${esc(words.text)}</td>`;
    }).join('');
    return `<tr${row.differs ? ' class="differs"' : ''}><td class="service">${esc(row.name)}</td>${cells}</tr>`;
  }).join('');
  return `<table class="outcomes">${head}<tbody>${body}</tbody></table>`;
}

function glance(set: ScenarioSet, fy: FyYear | null): string {
  const measures: [string, (r: SimulationResult) => string][] = [
    ['Services closing', (r) => String(r.totals.closures)],
    ['People losing support', (r) => r.totals.usersLosingSupport.toLocaleString('en-GB')],
    ['Drawn from the underwriter', (r) => pounds(r.totals.drawn)],
    ...(fy === null ? [] : [[`Exposed until ${formatFy(fy)} is confirmed`, (r: SimulationResult) => pounds(yearOf(r, fy).atRisk)] as [string, (r: SimulationResult) => string]]),
    ['Largest exposure in any year', (r) => pounds(r.totals.peakAtRisk)],
  ];
  return `<table class="glance"><thead><tr><th></th>${set.results.map((r, i) => `<th><span class="chip" data-i="${i}">${LETTERS[i]}</span> ${esc(truncate(r.name, 60))}</th>`).join('')}</tr></thead><tbody>${measures
    .map(([label, value]) => `<tr><td class="measure">${esc(label)}</td>${set.results.map((r) => `<td class="big">${esc(value(r))}</td>`).join('')}</tr>`)
    .join('')}</tbody></table>`;
}

// ---------------------------------------------------------------- the page

export interface BriefingMeta {
  readonly plan: string;
  readonly scenarios: readonly string[];
  readonly date: string;
}

export function briefingMeta(set: ScenarioSet, date: Date): BriefingMeta {
  return { plan: set.plan.name, scenarios: set.results.map((r, i) => `${LETTERS[i]}: ${r.name}`), date: exportDateText(date) };
}

function styles(meta: BriefingMeta): string {
  const chips = COLOURS.map((c, i) => `.chip[data-i="${i}"]{background:${c}}`).join('');
  // One line of footer: long scenario names are shortened (the first page names them in full).
  const footer = meta.scenarios.map((s) => truncate(s, Math.floor(104 / meta.scenarios.length) - 3)).join('   ·   ');
  return `
@page {
  size: A4;
  margin: 20mm 18mm 18mm 18mm;
  @top-left { content: ${cssString(truncate(meta.plan, 90))}; font: 7.5pt ${FONT}; color: #6b7785; vertical-align: bottom; padding-bottom: 4mm; }
  @top-right { content: ${cssString(`Briefing · ${meta.date}`)}; font: 7.5pt ${FONT}; color: #6b7785; vertical-align: bottom; padding-bottom: 4mm; }
  @bottom-left { content: ${cssString(footer)}; font: 7pt ${FONT}; color: #6b7785; vertical-align: top; padding-top: 4mm; width: 75%; }
  @bottom-right { content: "Page " counter(page) " of " counter(pages); font: 7.5pt ${FONT}; color: #6b7785; vertical-align: top; padding-top: 4mm; }
}
@page :first { @top-left { content: none; } @top-right { content: none; } }
* { box-sizing: border-box; }
html { font-family: ${FONT}; font-size: 10pt; line-height: 1.45; color: #1c2733; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; }
@media screen {
  html { background: #e9edf1; }
  body { max-width: 210mm; margin: 8mm auto; padding: 16mm 18mm; background: #fff; box-shadow: 0 1px 4px rgba(0,0,0,.15); }
}
h1 { font-size: 21pt; line-height: 1.2; font-weight: 600; margin: 2mm 0 3mm; color: #14263d; letter-spacing: -0.01em; }
h2 { font-size: 13pt; font-weight: 600; color: #14263d; margin: 0 0 3mm; padding-bottom: 1.5mm; border-bottom: 0.75pt solid #c8d1da; }
h3 { font-size: 10.5pt; font-weight: 600; color: #14263d; margin: 5mm 0 1.5mm; }
p { margin: 0 0 2.5mm; }
h2, h3, p.lead-in, .legend { break-after: avoid; }
.overline { font-size: 8pt; letter-spacing: 0.12em; text-transform: uppercase; color: #5b6b7b; }
.lede { font-size: 11pt; color: #33414f; max-width: 160mm; }
section { margin-top: 8mm; }
section.new-page { break-before: page; margin-top: 0; }
.keep { break-inside: avoid; }
.scenario-key { list-style: none; padding: 0; margin: 4mm 0 0; }
.scenario-key li { display: flex; gap: 3mm; align-items: baseline; margin: 0 0 1.5mm; }
.scenario-key .stance { color: #5b6b7b; font-size: 8.5pt; }
.chip { display: inline-block; min-width: 5mm; padding: 0.3mm 1.3mm; border-radius: 1mm; color: #fff; font-weight: 700; font-size: 8pt; text-align: center; line-height: 1.35; }
${chips}
.messages { background: #f2f5f8; border-left: 3pt solid #1f4e79; padding: 4mm 6mm 2mm 6mm; margin: 0; }
.messages ol { margin: 0; padding-left: 0; list-style: none; }
.messages li { display: grid; grid-template-columns: 8mm 1fr; margin: 0 0 3mm; font-size: 10.5pt; line-height: 1.5; }
.messages li .chip { justify-self: start; align-self: start; margin-top: 0.6mm; }
.messages li.edge { color: #33414f; }
.messages li.edge .chip { background: #8c96a1; }
table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }
th, td { padding: 1.3mm 2mm; text-align: left; vertical-align: top; }
.glance { margin-top: 2mm; }
.glance th { font-size: 8.5pt; font-weight: 600; color: #33414f; border-bottom: 0.75pt solid #c8d1da; vertical-align: bottom; }
.glance td { border-bottom: 0.5pt solid #e3e8ed; padding-top: 2mm; padding-bottom: 2mm; }
.glance td.big { font-size: 15pt; font-weight: 600; color: #14263d; }
.glance td.measure { color: #33414f; width: 36%; vertical-align: middle; }
.figures { font-size: 8pt; line-height: 1.3; }
.figures thead th { border-bottom: 0.75pt solid #8a99a8; font-weight: 600; }
.figures td { border-bottom: 0.4pt solid #e3e8ed; padding-top: 0.45mm; padding-bottom: 0.45mm; }
.figures thead .name { display: block; font-weight: 400; font-size: 7.5pt; color: #5b6b7b; white-space: normal; line-height: 1.25; margin-top: 0.8mm; }
.figures .num { text-align: right; white-space: nowrap; }
.figures .diff { color: #4a5866; background: #f6f8fa; }
.figures tr.group th { font-size: 9pt; font-weight: 600; color: #14263d; padding-top: 2.6mm; padding-bottom: 0.8mm; border-bottom: 0.75pt solid #c8d1da; }
.figures tbody { break-inside: avoid; }
.figures tr.differs td.measure { font-weight: 600; }
.figures td.measure { width: 38%; min-width: 40mm; }
.figures.wide { font-size: 7pt; }
.figures.wide th, .figures.wide td { padding-left: 1.2mm; padding-right: 1.2mm; }
figure { margin: 0 0 4mm; break-inside: avoid; }
figcaption { font-size: 8.5pt; color: #5b6b7b; margin-top: 1mm; }
figure h3 { margin-top: 3mm; }
svg { display: block; width: 100%; height: auto; overflow: visible; }
svg .grid { stroke: #e3e8ed; stroke-width: 0.6; }
svg .axis { stroke: #8a99a8; stroke-width: 0.8; }
svg .fy-line { stroke: #a9b5c1; stroke-width: 0.8; }
svg .tick { font: 8.5px ${FONT}; fill: #5b6b7b; }
svg .tick-faint { font: 7.5px ${FONT}; fill: #8a99a8; }
svg .bar-value { font: 9px ${FONT}; fill: #33414f; }
svg .risk-band { fill: #f7ecd2; }
svg .over { fill: #efc4bd; }
svg .funding { fill: #dde7f0; stroke: #a7bccf; stroke-width: 0.6; }
svg .spend { fill: none; stroke-width: 2.2; stroke-linejoin: round; }
svg .row-label { font: 9px ${FONT}; fill: #1c2733; }
svg .zebra { fill: #f6f8fa; }
svg .notice { stroke: #b7c2cc; stroke-width: 1.2; }
svg .deadline { fill: #fff; stroke: #6b7785; stroke-width: 1; }
svg .deadline-early { fill: #b3261e; stroke: #b3261e; stroke-width: 1; }
svg .known-line { stroke-width: 1.3; stroke-dasharray: 3 2; }
svg .known-label { font: 600 8px ${FONT}; fill: #14263d; }
svg .closes-label { font: 600 7px ${FONT}; }
.legend { display: flex; flex-wrap: wrap; gap: 5mm; font-size: 8pt; color: #33414f; margin: 1mm 0 2mm; }
.legend .swatch { display: inline-block; width: 4mm; height: 2.6mm; margin-right: 1.2mm; vertical-align: -0.2mm; border-radius: 0.4mm; }
.legend .dot { display: inline-block; width: 2.4mm; height: 2.4mm; border-radius: 50%; margin-right: 1.2mm; vertical-align: -0.1mm; }
.sw-funding { background: #d6e2ed; border: 0.5pt solid #9fb6cc; }
.sw-risk { background: #f7ecd2; }
.sw-over { background: #efc4bd; }
.sw-line { height: 0.7mm !important; vertical-align: 0.6mm !important; background: #1f4e79; }
.dot-early { background: #b3261e; }
.dot-late { background: #fff; border: 0.6pt solid #6b7785; }
.outcomes { font-size: 8.5pt; }
.outcomes thead th { border-bottom: 0.75pt solid #8a99a8; font-weight: 600; vertical-align: bottom; }
.outcomes thead .name { font-weight: 400; font-size: 7.5pt; color: #5b6b7b; }
.outcomes td { border-bottom: 0.4pt solid #e3e8ed; padding-top: 1mm; padding-bottom: 1mm; }
.outcomes tr { break-inside: avoid; }
.outcomes tr.differs td.service { font-weight: 600; }
.outcomes td.closes { color: #8f1f18; }
.outcomes td.avoidable { color: #8f1f18; font-weight: 600; }
.outcomes td.transitions { color: #1f5e46; }
.outcomes td.ended, .outcomes td.continues { color: #4a5866; }
.note { font-size: 8.5pt; color: #5b6b7b; }
.notes { font-size: 8.5pt; color: #33414f; border-top: 0.75pt solid #c8d1da; padding-top: 3mm; margin-top: 8mm; }
.notes p { margin-bottom: 1.8mm; }
`;
}

function breachNote(set: ScenarioSet): string {
  const breaches = set.results.flatMap((r, i) => (r.totals.limitBreaches > 0 ? [`${LETTERS[i]} (${plural(r.totals.limitBreaches, 'year', 'years')})`] : []));
  return breaches.length ? `it is breached under ${breaches.join(', ')}.` : 'no scenario reaches it.';
}

const FONT = `"Segoe UI", "Helvetica Neue", Arial, "Liberation Sans", sans-serif`;

function stanceWords(stance: string): string {
  return stance === 'prudent' ? 'serves notice wherever funding is still unconfirmed at a deadline' : 'waits for confirmation before serving notice';
}

/** The briefing for `scenarioIds` as one self-contained HTML document. */
export function briefingHtml(plan: Plan, scenarioIds: readonly string[], opts: ExportOptions = {}): string {
  return briefingFromSet(simulateScenarios(plan, scenarioIds), opts);
}

export function briefingFromSet(set: ScenarioSet, opts: ExportOptions = {}): string {
  if (set.results.length > LETTERS.length) throw new Error(`a briefing compares at most ${LETTERS.length} scenarios`);
  const date = opts.date ?? new Date();
  const meta = briefingMeta(set, date);
  const first = set.results[0];
  const horizonFrom = monthName(first.horizonStart);
  const horizonTo = monthName(first.horizonStart + first.horizonMonths - 1);
  const edges = cliffEdges(set);
  const headlines = set.results.map((_, i) => headlineFy(set, i));
  const edgeMessages = edges.filter((e) => headlines.includes(e.fy)).map((e) => cliffEdgeMessage(e, set)).filter((m): m is string => m !== null);
  const messages = keyMessages(set);

  const maxMonthly = Math.max(1, ...set.results.flatMap((r) => r.months.flatMap((m) => [m.funding, m.spend])));
  const limits = new Set(set.results.flatMap((r) => r.years.map((y) => y.limit)));
  const limitNote = limits.size === 1
    ? `The underwriting limit is ${pounds([...limits][0])} a year; ${breachNote(set)}`
    : 'Underwriting limits differ between scenarios or years; see the figures table.';

  const body = `
<header>
  <div class="overline">Funding cliff-edge briefing · ${esc(meta.date)}</div>
  <h1>${esc(set.plan.name)}</h1>
  <p class="lede">What happens to services, people and the underwriter's exposure under ${set.results.length === 1 ? 'one funding scenario' : `${set.results.length} funding scenarios`}, from ${esc(horizonFrom)} to ${esc(horizonTo)}.</p>
  <ul class="scenario-key">
    ${set.results.map((r, i) => `<li><span class="chip" data-i="${i}">${LETTERS[i]}</span><span><strong>${esc(r.name)}</strong> <span class="stance">· ${esc(stanceWords(r.stance))}</span></span></li>`).join('')}
  </ul>
</header>

<section class="keep">
  <h2>Key messages</h2>
  <div class="messages"><ol>
    ${messages.map((m) => `<li><span class="chip" data-i="${LETTERS.indexOf(m.letter)}">${m.letter}</span><span>${esc(m.text)}</span></li>`).join('')}
    ${edgeMessages.map((m) => `<li class="edge"><span class="chip">!</span><span>${esc(m)}</span></li>`).join('')}
  </ol></div>
</section>

<section class="keep">
  <h2>At a glance</h2>
  ${glance(set, headlines.every((fy) => fy === headlines[0]) ? headlines[0] : null)}
  <p class="note">Whole-pound figures in the messages and at a glance are rounded; the tables that follow are exact to the penny.</p>
</section>

<section>
  <h2>The figures</h2>
  <p class="note lead-in">Each scenario's totals and each financial year, with the difference from ${LETTERS[0]}. “At risk” is spend in the months before a year's funding is confirmed: what ${esc(underwriterText(first))} must guarantee.</p>
  ${comparisonTable(set)}
</section>

<section class="new-page">
  <h2>Money month by month</h2>
  <div class="legend"><span><span class="swatch sw-funding"></span>Funding, each year's spread by month</span><span><span class="swatch sw-line"></span>Spend</span><span><span class="swatch sw-over"></span>Spend above funding</span><span><span class="swatch sw-risk"></span>Before the year's funding is confirmed</span></div>
  ${set.results.map((r, i) => `<figure><h3><span class="chip" data-i="${i}">${LETTERS[i]}</span> ${esc(r.name)}</h3>${monthlyChart(r, i, maxMonthly)}</figure>`).join('')}
</section>

<section class="keep">
  <h2>At risk and drawn, year by year</h2>
  <div class="legend">${set.results.map((r, i) => `<span><span class="chip" data-i="${i}">${LETTERS[i]}</span> ${esc(truncate(r.name, 48))}</span>`).join('')}</div>
  <figure><h3>At risk before confirmation</h3>${barChart(set.results, (y) => y.atRisk, 'At risk before confirmation, by financial year')}<figcaption>Spend made before the year's funding is confirmed: what the underwriter must guarantee.</figcaption></figure>
  <figure><h3>Drawn from the underwriter</h3>${barChart(set.results, (y) => y.drawn, 'Drawn from the underwriter, by financial year')}<figcaption>${esc(limitNote)}</figcaption></figure>
</section>

${edges.length ? `<section class="new-page">
  <h2>The cliff edge: notice deadlines against confirmation</h2>
  <p class="note lead-in">For each year, each service's notice deadline (notice served by the 1st of that month ends it before the year starts) against the month the year's funding becomes known. A red deadline falls before the funding is known: the service must be given notice, or run on at the underwriter's risk. A coloured bar shows a service closing for that year, running on until its last month (×).</p>
  <div class="legend"><span><span class="dot dot-early"></span>Deadline before the funding is known</span><span><span class="dot dot-late"></span>Deadline after it</span><span><span class="swatch sw-risk"></span>Decisions taken before the money is known</span></div>
  ${edges.map((e) => `<figure><h3>${esc(formatFy(e.fy))}</h3>${timelineChart(e, set)}${passedNote(e, first)}</figure>`).join('')}
</section>` : ''}

<section class="new-page">
  <h2>What happens to each service</h2>
  <p class="note lead-in">Services whose outcome differs between scenarios come first, in bold.</p>
  ${outcomeTable(set)}
  <div class="notes">
    <p><strong>How these figures are made.</strong> Headroom simulates each scenario month by month: funding is given for a financial year and lapses at its end; services are funded in priority order; a service that cannot be funded is given notice and runs on for its notice period, with any exit cost. Spend that no funding covers is drawn from the underwriter. Under a waiting stance, notice is served when the year's funding is known; under a prudent stance, it is served at each deadline where funding is still unconfirmed, and a closure is “avoidable” when waiting would have kept the service.</p>
    <p>Produced with Headroom on ${esc(meta.date)} from the plan “${esc(set.plan.name)}”.</p>
  </div>
</section>`;

  const css = styles(meta);
  const hash = createHash('sha256').update(css, 'utf8').digest('base64');
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'sha256-${hash}'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(`${set.plan.name}: briefing, ${meta.date}`)}</title>
<style>${css}</style>
</head>
<body>
${body}
</body>
</html>
`;
}

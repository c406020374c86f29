// The briefing's charts as inline SVG: money month by month, at risk and drawn by FY, and
// the cliff edge (each service's notice deadline against the month the FY's funding is
// known). The figures are the engine's; the cliff edge's come from its notices.
import { closesAfter, isEarly, relevantKnown, type CliffEdge } from '../../shared/cliff-edge';
import { SCENARIO_LETTERS as LETTERS } from '../../shared/words';
import type { SimulationResult, YearResult } from '../../shared/engine';
import { fyText, moneyShort, monthShort, niceStep } from '../../shared/format';
import { fyEnd, fyOfMonth, fyStart } from '../../shared/months';
import { COLOURS } from './briefing-style';
import { esc, svgText, truncate } from './html';

/** The width every chart is drawn at (its viewBox; the page scales it). */
const W = 680;

/** The plot inside a chart's margins at the common width: `pw` by `ph`. */
function plotArea(H: number, margins: { left: number; right: number; top: number; bottom: number }) {
  return { ...margins, pw: W - margins.left - margins.right, ph: H - margins.top - margins.bottom };
}

export function monthlyChart(result: SimulationResult, index: number, maxPence: number): string {
  const H = 165;
  const { left, right, top, pw, ph } = plotArea(H, { left: 52, right: 8, top: 8, bottom: 24 });
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
    if (!months[i].atRisk) {
      i++;
      continue;
    }
    const start = i;
    while (i < months.length && months[i].atRisk) i++;
    parts.push(`<rect x="${x(start).toFixed(1)}" y="${top}" width="${((i - start) * bw).toFixed(1)}" height="${ph}" class="risk-band"/>`);
  }
  for (let v = 0; v <= yMax; v += step) {
    parts.push(`<line x1="${left}" x2="${W - right}" y1="${y(v).toFixed(1)}" y2="${y(v).toFixed(1)}" class="grid"/>`);
    parts.push(svgText(left - 6, y(v) + 3, moneyShort(v), 'tick', 'end'));
  }
  // Funding: a step area, the monthly split of each FY's funding.
  let area = `M${x(0).toFixed(1)},${y(0).toFixed(1)}`;
  months.forEach((m, k) => (area += ` L${x(k).toFixed(1)},${y(m.funding).toFixed(1)} L${x(k + 1).toFixed(1)},${y(m.funding).toFixed(1)}`));
  area += ` L${x(months.length).toFixed(1)},${y(0).toFixed(1)} Z`;
  parts.push(`<path d="${area}" class="funding"/>`);
  // Months whose spend runs above their share of the year's funding.
  months.forEach((m, k) => {
    if (m.spend > m.funding)
      parts.push(
        `<rect x="${x(k).toFixed(1)}" y="${y(m.spend).toFixed(1)}" width="${bw.toFixed(1)}" height="${(y(m.funding) - y(m.spend)).toFixed(1)}" class="over"/>`,
      );
  });
  let line = '';
  months.forEach(
    (m, k) => (line += `${k ? ' L' : 'M'}${x(k).toFixed(1)},${y(m.spend).toFixed(1)} L${x(k + 1).toFixed(1)},${y(m.spend).toFixed(1)}`),
  );
  parts.push(`<path d="${line}" class="spend" stroke="${COLOURS[index]}"/>`);
  // FY boundaries and labels.
  months.forEach((m, k) => {
    const monthOfYear = m.month - Math.floor(m.month / 12) * 12;
    if (monthOfYear === 3 || k === 0) {
      if (k > 0) parts.push(`<line x1="${x(k).toFixed(1)}" x2="${x(k).toFixed(1)}" y1="${top}" y2="${top + ph + 4}" class="fy-line"/>`);
      const end = Math.min(months.length, k + 12 - ((monthOfYear + 9) % 12));
      parts.push(svgText((x(k) + x(end)) / 2, H - 8, fyText(fyOfMonth(m.month)), 'tick', 'middle'));
    }
  });
  parts.push(`<line x1="${left}" x2="${W - right}" y1="${y(0).toFixed(1)}" y2="${y(0).toFixed(1)}" class="axis"/>`);
  const label = `Monthly funding and spend, ${LETTERS[index]}: ${result.name}`;
  return `<svg viewBox="0 0 ${W} ${H}" role="img" aria-label="${esc(label)}">${parts.join('')}</svg>`;
}

/** Bars per FY, one per scenario, with short values above. */
export function barChart(results: readonly SimulationResult[], pick: (y: YearResult) => number, title: string): string {
  const H = 150;
  const { left, right, top, pw, ph } = plotArea(H, { left: 8, right: 8, top: 16, bottom: 22 });
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
      parts.push(
        `<rect x="${bx.toFixed(1)}" y="${(top + ph - h).toFixed(1)}" width="${(bar - 3).toFixed(1)}" height="${Math.max(h, 0.6).toFixed(1)}" fill="${COLOURS[si]}"/>`,
      );
      parts.push(svgText(bx + (bar - 3) / 2, top + ph - h - 3, moneyShort(value), 'bar-value', 'middle'));
    });
    parts.push(svgText(left + g * group + group / 2, H - 8, fyText(fy), 'tick', 'middle'));
  });
  parts.push(`<line x1="${left}" x2="${W - right}" y1="${top + ph}" y2="${top + ph}" class="axis"/>`);
  return `<svg viewBox="0 0 ${W} ${H}" role="img" aria-label="${esc(title)}">${parts.join('')}</svg>`;
}

/** Per FY: each service's notice deadline against the month its funding becomes known. */
export function timelineChart(edge: CliffEdge, scenarios: number): string {
  const rowH = 13;
  const labelW = 230,
    right = 40,
    top = 30,
    bottom = 22;
  const allDeadlines = edge.rows.flatMap((r) => r.notices.flatMap((n) => (n ? [n.deadline] : [])));
  const lastMonths = edge.rows.flatMap((r) => r.notices.flatMap((n) => closesAfter(n) ?? []));
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
    parts.push(
      `<rect x="${x(earliest).toFixed(1)}" y="${top - 4}" width="${(x(latest) - x(earliest)).toFixed(1)}" height="${edge.rows.length * rowH + 4}" class="risk-band"/>`,
    );
  }
  for (let m = from; m <= to + 1; m++) {
    const monthOfYear = m - Math.floor(m / 12) * 12;
    parts.push(
      `<line x1="${x(m).toFixed(1)}" x2="${x(m).toFixed(1)}" y1="${top - 4}" y2="${top + edge.rows.length * rowH}" class="${monthOfYear === 3 ? 'fy-line' : 'grid'}"/>`,
    );
    if (m <= to && (span <= 18 || monthOfYear % 3 === 0))
      parts.push(svgText(x(m) + pw / span / 2, H - 8, monthShort(m).slice(0, 3), 'tick', 'middle'));
    if (m <= to && (monthOfYear === 0 || m === from)) parts.push(svgText(x(m) + 1, H + 2, String(Math.floor(m / 12)), 'tick-faint'));
  }
  parts.push(svgText(x(fyStart(edge.fy)) - 3, top - 8, `${fyText(edge.fy)} starts`, 'tick', 'end'));
  // The month the funding becomes known, per scenario (shared lines carry several letters).
  known.forEach(([k, who], j) => {
    const kx = x(k);
    const label = `Known ${monthShort(k)} (${who.map((i) => LETTERS[i]).join(', ')})`;
    // A label that would run into the next month's goes to the left of its line.
    const next = known[j + 1];
    const left = next !== undefined && x(next[0]) - kx < label.length * 4.4 + 6;
    parts.push(
      `<line x1="${kx.toFixed(1)}" x2="${kx.toFixed(1)}" y1="${top - 14}" y2="${top + edge.rows.length * rowH}" class="known-line" stroke="${COLOURS[who[0]]}"/>`,
    );
    parts.push(left ? svgText(kx - 3, top - 18, label, 'known-label', 'end') : svgText(kx + 3, top - 18, label, 'known-label'));
  });
  edge.rows.forEach((row, r) => {
    const cy = top + r * rowH + rowH / 2;
    if (r % 2 === 1) parts.push(`<rect x="0" y="${(cy - rowH / 2).toFixed(1)}" width="${labelW - 4}" height="${rowH}" class="zebra"/>`);
    parts.push(svgText(2, cy + 3, truncate(row.name, 44), 'row-label'));
    const deadlines = row.notices.map((n) => n?.deadline ?? null);
    // One dot when every scenario has the same deadline; else one per scenario, in its colour.
    const shared = deadlines.every((d) => d === deadlines.find((e) => e !== null) || d === null);
    deadlines.forEach((d, si) => {
      if (d === null || (shared && si !== deadlines.findIndex((e) => e !== null))) return;
      const early = shared ? row.notices.some(isEarly) : isEarly(row.notices[si]);
      parts.push(
        `<line x1="${x(d).toFixed(1)}" x2="${x(fyStart(edge.fy)).toFixed(1)}" y1="${cy.toFixed(1)}" y2="${cy.toFixed(1)}" class="notice"/>`,
      );
      parts.push(
        `<circle cx="${x(d).toFixed(1)}" cy="${cy.toFixed(1)}" r="3.2" class="${early ? 'deadline-early' : 'deadline'}"${shared ? '' : ` stroke="${COLOURS[si]}"`}/>`,
      );
    });
    row.notices.forEach((notice, si) => {
      const last = closesAfter(notice);
      if (last === null) return;
      const y0 = cy - 1.5 + (si - (scenarios - 1) / 2) * 3.2;
      parts.push(
        `<rect x="${x(fyStart(edge.fy)).toFixed(1)}" y="${y0.toFixed(1)}" width="${Math.max(1.5, x(last + 1) - x(fyStart(edge.fy))).toFixed(1)}" height="2.6" fill="${COLOURS[si]}"/>`,
      );
      parts.push(
        `<text x="${(x(last + 1) + 2).toFixed(1)}" y="${(cy + 3).toFixed(1)}" class="closes-label" fill="${COLOURS[si]}">×${LETTERS[si]}</text>`,
      );
    });
  });
  const label = `Notice deadlines for ${fyText(edge.fy)} against the month its funding is known`;
  return `<svg viewBox="0 0 ${W} ${H + 6}" role="img" aria-label="${esc(label)}">${parts.join('')}</svg>`;
}

// The briefing: one self-contained HTML page (inline CSS, inline SVG, no script) laid out
// for A4, which a director can print or hand on as a PDF. Every sentence and figure comes
// from the engine's result (the sentences from shared/briefing-messages.ts and
// shared/cliff-edge.ts); every plan-provided string is escaped (names are untrusted), and a
// Content-Security-Policy forbids scripts should escaping ever be missed.
import { headlineFy, keyMessages, underwriterText } from '../../shared/briefing-messages';
import { allPassed, anyPassed, cliffEdgeMessage, cliffEdges, type CliffEdge } from '../../shared/cliff-edge';
import type { SimulationResult } from '../../shared/engine';
import { fyText, monthLong, moneyWhole as pounds } from '../../shared/format';
import type { Plan } from '../../shared/plan';
import { simulateScenarios, type ScenarioSet } from '../../shared/scenario-set';
import { SCENARIO_LETTERS as LETTERS, countOf as plural, stanceSentence } from '../../shared/words';
import { barChart, monthlyChart, timelineChart } from './briefing-charts';
import { styles, type BriefingMeta } from './briefing-style';
import { comparisonTable, glance, outcomeTable } from './briefing-tables';
import { esc, truncate, htmlDocument } from './html';
import { exportDateText, type ExportOptions } from './workbook';

export { escapeHtml } from './html';
export type { BriefingMeta } from './briefing-style';

export function briefingMeta(set: ScenarioSet, date: Date): BriefingMeta {
  return { plan: set.plan.name, scenarios: set.results.map((r, i) => `${LETTERS[i]}: ${r.name}`), date: exportDateText(date) };
}

/** A caption when some deadlines fall before the plan's first month: they had passed when it starts. */
function passedNote(edge: CliffEdge, first: SimulationResult): string {
  return anyPassed(edge)
    ? `<figcaption>The plan starts in ${esc(monthLong(first.horizonStart))}: deadlines before then had already passed.</figcaption>`
    : '';
}

/** An FY's deadlines against confirmation; history only (every deadline passed) is said, not drawn. */
function edgeFigure(edge: CliffEdge, scenarios: number, first: SimulationResult): string {
  if (allPassed(edge)) {
    return `<p class="note passed-edge"><strong>${esc(fyText(edge.fy))}:</strong> every notice deadline fell before the plan starts in ${esc(monthLong(first.horizonStart))}; they had already passed, so there is nothing left to decide.</p>`;
  }
  return `<figure><h3>${esc(fyText(edge.fy))}</h3>${timelineChart(edge, scenarios)}${passedNote(edge, first)}</figure>`;
}

function breachNote(set: ScenarioSet): string {
  const breaches = set.results.flatMap((r, i) =>
    r.totals.limitBreaches > 0 ? [`${LETTERS[i]} (${plural(r.totals.limitBreaches, 'year', 'years')})`] : [],
  );
  return breaches.length ? `it is breached under ${breaches.join(', ')}.` : 'no scenario reaches it.';
}

/** `annex`: a section of the briefing's own HTML to end it with (the change history, briefing-history.ts). */
export interface BriefingOptions extends ExportOptions {
  readonly annex?: string;
}

/** The briefing for `scenarioIds` as one self-contained HTML document. */
export function briefingHtml(plan: Plan, scenarioIds: readonly string[], opts: BriefingOptions = {}): string {
  return briefingFromSet(simulateScenarios(plan, scenarioIds), opts);
}

export function briefingFromSet(set: ScenarioSet, opts: BriefingOptions = {}): string {
  if (set.results.length > LETTERS.length) throw new Error(`a briefing compares at most ${LETTERS.length} scenarios`);
  const date = opts.date ?? new Date();
  const meta = briefingMeta(set, date);
  const first = set.results[0];
  const horizonFrom = monthLong(first.horizonStart);
  const horizonTo = monthLong(first.horizonStart + first.horizonMonths - 1);
  const edges = cliffEdges(set.results);
  const headlines = set.results.map((_, i) => headlineFy(set, i));
  const edgeMessages = edges
    .filter((e) => headlines.includes(e.fy))
    .map((e) => cliffEdgeMessage(e))
    .filter((m): m is string => m !== null);
  const messages = keyMessages(set);

  const maxMonthly = Math.max(1, ...set.results.flatMap((r) => r.months.flatMap((m) => [m.funding, m.spend])));
  const limits = new Set(set.results.flatMap((r) => r.years.map((y) => y.limit)));
  const limitNote =
    limits.size === 1
      ? `The underwriting limit is ${pounds([...limits][0])} a year; ${breachNote(set)}`
      : 'Underwriting limits differ between scenarios or years; see the figures table.';

  const body = `
<header>
  <div class="overline">Funding cliff-edge briefing · ${esc(meta.date)}</div>
  <h1>${esc(set.plan.name)}</h1>
  <p class="lede">What happens to services, people and the underwriter's exposure under ${set.results.length === 1 ? 'one funding scenario' : `${set.results.length} funding scenarios`}, from ${esc(horizonFrom)} to ${esc(horizonTo)}.</p>
  <ul class="scenario-key">
    ${set.results.map((r, i) => `<li><span class="chip" data-i="${i}">${LETTERS[i]}</span><span><strong>${esc(r.name)}</strong> <span class="stance">· ${esc(stanceSentence(r.stance))}</span></span></li>`).join('')}
  </ul>
</header>

<section class="messages-section">
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
  <div class="notes keep">
    <p><strong>How these figures are made.</strong> Headroom simulates each scenario month by month: funding is given for a financial year and lapses at its end; services are funded in priority order; a service that cannot be funded is given notice and runs on for its notice period, with any exit cost. Spend that no funding covers is drawn from the underwriter. Under a waiting stance, notice is served when the year's funding is known; under a prudent stance, it is served at each deadline where funding is still unconfirmed, and a closure is “avoidable” when waiting would have kept the service.</p>
    <p>Produced with Headroom on ${esc(meta.date)} from the plan “${esc(set.plan.name)}”.</p>
  </div>
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

${
  edges.length
    ? `<section class="new-page">
  <h2>The cliff edge: notice deadlines against confirmation</h2>
  <p class="note lead-in">For each year, each service's notice deadline (notice served by the 1st of that month ends it before the year starts) against the month the year's funding becomes known. A red deadline falls before the funding is known: the service must be given notice, or run on at the underwriter's risk. A coloured bar shows a service closing for that year, running on until its last month (×).</p>
  <div class="legend"><span><span class="dot dot-early"></span>Deadline before the funding is known</span><span><span class="dot dot-late"></span>Deadline after it</span><span><span class="swatch sw-risk"></span>Decisions taken before the money is known</span></div>
  ${edges.map((e) => edgeFigure(e, set.results.length, first)).join('')}
</section>`
    : ''
}

<section class="new-page">
  <h2>What happens to each service</h2>
  <p class="note lead-in">Services whose outcome differs between scenarios come first, in bold.</p>
  ${outcomeTable(set)}
</section>
${opts.annex ?? ''}`;

  return htmlDocument(`${set.plan.name}: briefing, ${meta.date}`, styles(meta), body);
}

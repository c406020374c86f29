// The forecast outturn report (shared/outturn.ts) as one self-contained HTML page (inline
// CSS, no script) for A4 landscape, in the briefing's look: the headline sentences, the
// figures at a glance, each service, by system and category, and funding against outturn.
// Every plan-provided string is escaped (names and commentary are untrusted), and a
// Content-Security-Policy forbids scripts should escaping ever be missed.
import { differenceText, fyText, moneyFull as money, plural } from '../../shared/format';
import {
  actualsBasis,
  budgetSourceLine,
  conditionSentence,
  lapseSentence,
  type OutturnFigures,
  type OutturnGroup,
  type OutturnReport,
  varianceShareText,
  varianceWords,
} from '../../shared/outturn';
import { outcomePhrase } from '../../shared/words';
import { esc, htmlDocument } from './html';
import { type OutturnMeta, outturnStyles } from './outturn-style';
import { exportDateText, type ExportOptions } from './workbook';

const FIGURE_HEADS = ['Budget', 'Actual to date', 'Forecast', 'Outturn', 'Variance', '%'];

const num = (text: string, cls = '') => `<td class="num${cls ? ` ${cls}` : ''}">${esc(text)}</td>`;
const side = (variance: number) => (variance > 0 ? 'over' : variance < 0 ? 'under' : '');

function figureCells(f: OutturnFigures): string {
  return [
    num(money(f.budget)),
    num(money(f.actual)),
    num(money(f.forecast)),
    num(money(f.outturn)),
    num(differenceText('money', f.variance), side(f.variance)),
    num(varianceShareText(f.varianceShare), side(f.variance)),
  ].join('');
}

const heads = (first: readonly string[]) =>
  `<thead><tr>${first.map((h) => `<th>${esc(h)}</th>`).join('')}${FIGURE_HEADS.map((h) => `<th class="num">${esc(h)}</th>`).join('')}</tr></thead>`;

function servicesTable(report: OutturnReport): string {
  const span = 3 + FIGURE_HEADS.length;
  const lines = report.lines
    .map((l) => {
      const outcome = l.outcome?.outcome === 'continues' ? '' : ` <span class="muted">· ${esc(outcomePhrase(l.outcome))}</span>`;
      const comment = l.commentary ? `<tr class="comment"><td colspan="${span}">${esc(l.commentary)}</td></tr>` : '';
      return `<tbody class="line"><tr><td class="name">${esc(l.system ?? '')}</td><td>${l.category === 'commissioned' ? 'Commissioned' : 'Central'}</td><td class="name">${esc(l.name)}${outcome}</td>${figureCells(l)}</tr>${comment}</tbody>`;
    })
    .join('');
  const total = `<tbody><tr class="total"><td colspan="3">Total</td>${figureCells(report.totals)}</tr></tbody>`;
  return `<table class="figures services">${heads(['System', 'Category', 'Service'])}${lines}${total}</table>`;
}

function groupTable(label: string, groups: readonly OutturnGroup[], totals: OutturnFigures): string {
  const rows = groups.map((g) => `<tr><td class="name">${esc(g.label)}</td>${figureCells(g)}</tr>`).join('');
  return `<table class="figures">${heads([label])}<tbody>${rows}<tr class="total"><td>Total</td>${figureCells(totals)}</tr></tbody></table>`;
}

function fundingTable(report: OutturnReport): string {
  const rows: [string, number, number][] = [
    ['Funding', report.funding, report.funding],
    ['Spend', report.totals.budget, report.totals.outturn],
    [`Drawn from ${report.underwriter}`, report.budgetDrawn, report.drawn],
    [`Underspend, lapsing at 31 March ${report.fy + 1}`, report.budgetUnderspend, report.underspend],
  ];
  return `<table class="figures"><thead><tr><th>Funding for ${esc(fyText(report.fy))}</th><th class="num">At budget</th><th class="num">At outturn</th></tr></thead><tbody>${rows
    .map(([label, budget, outturn]) => `<tr><td class="name">${esc(label)}</td>${num(money(budget))}${num(money(outturn))}</tr>`)
    .join('')}</tbody></table>`;
}

function glance(t: OutturnFigures): string {
  const cells: [string, string][] = [
    ['Budget', money(t.budget)],
    ['Actual to date', money(t.actual)],
    ['Forecast', money(t.forecast)],
    ['Outturn', money(t.outturn)],
    ['Variance', differenceText('money', t.variance)],
  ];
  return `<table class="glance"><thead><tr>${cells.map(([h]) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody><tr>${cells.map(([, v]) => `<td>${esc(v)}</td>`).join('')}</tr></tbody></table>`;
}

/** The sentence on the total variance: "Overspend of £300.00 against a budget of £120,000.00 (+0.25%)." */
function varianceSentence(t: OutturnFigures): string {
  const share = t.varianceShare === null || t.variance === 0 ? '' : ` (${varianceShareText(t.varianceShare)})`;
  return `${varianceWords(t.variance)} against a budget of ${money(t.budget)}${share}.`;
}

export function outturnMeta(report: OutturnReport, date: Date): OutturnMeta {
  return {
    plan: report.plan,
    scenario: `${report.scenario.name} [${report.scenario.id}]`,
    fy: fyText(report.fy),
    date: exportDateText(date),
  };
}

/** The report as one self-contained HTML document. */
export function outturnHtml(report: OutturnReport, opts: ExportOptions = {}): string {
  const meta = outturnMeta(report, opts.date ?? new Date());
  const basis = actualsBasis(report);
  const months = report.actualMonths > 0 ? ` (${plural(report.actualMonths, 'month')} of ${meta.fy} actual, the rest forecast)` : '';
  const body = `
<header>
  <div class="overline">Forecast outturn ${esc(meta.fy)} · ${esc(meta.date)}</div>
  <h1>${esc(report.plan)}</h1>
  <p class="lede">${esc(meta.scenario)} · ${esc(basis)}${esc(months)}</p>
  <p class="lede budget-source">${esc(budgetSourceLine(report))}</p>
</header>

<div class="top keep">
  <ul class="messages">
    <li class="${side(report.totals.variance)}">${esc(varianceSentence(report.totals))}</li>
    <li>${esc(lapseSentence(report))}</li>
    <li>${esc(conditionSentence(report))}</li>
  </ul>
  <div class="funding">${fundingTable(report)}</div>
</div>

<section class="keep">${glance(report.totals)}</section>

<section>
  <h2>Each service</h2>
  ${servicesTable(report)}
  <p class="note">${esc(budgetSourceLine(report))}. Outturn: actual to date plus the forecast for the rest of the year. A positive variance is an overspend. Funding not spent by 31 March ${report.fy + 1} lapses; spend that funding does not cover is drawn from ${esc(report.underwriter)}. Figures are exact to the penny; produced with Headroom on ${esc(meta.date)}.</p>
</section>

<section class="groups keep">
  <div><h2>By system</h2>${groupTable('System', report.bySystem, report.totals)}</div>
  <div><h2>By category</h2>${groupTable('Category', report.byCategory, report.totals)}</div>
</section>`;

  return htmlDocument(`${report.plan}: forecast outturn ${meta.fy}, ${meta.date}`, outturnStyles(meta), body);
}

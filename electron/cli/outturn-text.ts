// What `outturn` prints for a person: the forecast outturn report of shared/outturn.ts as
// tables (money as £1,234.56, variances signed), then the funding, what lapses and the condition.
import { differenceText, fyText, moneyFull as money } from '../../shared/format';
import {
  actualsBasis,
  budgetSourceLine,
  conditionSentence,
  lapseSentence,
  type OutturnFigures,
  type OutturnReport,
  varianceShareText,
  varianceWords,
} from '../../shared/outturn';
import { type Column, renderTable } from './tables';

const FIGURE_COLUMNS: readonly Column[] = [
  { title: 'Budget', align: 'right' },
  { title: 'Actual to date', align: 'right' },
  { title: 'Forecast', align: 'right' },
  { title: 'Outturn', align: 'right' },
  { title: 'Variance', align: 'right' },
  { title: 'Variance %', align: 'right' },
];

function figureCells(f: OutturnFigures): string[] {
  return [
    money(f.budget),
    money(f.actual),
    money(f.forecast),
    money(f.outturn),
    differenceText('money', f.variance),
    varianceShareText(f.varianceShare),
  ];
}

/** A commentary on one line of a terminal: line breaks as spaces. */
const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

export function outturnText(report: OutturnReport): string {
  const services = renderTable(
    [{ title: 'System' }, { title: 'Category' }, { title: 'Service' }, ...FIGURE_COLUMNS, { title: '' }],
    [
      ...report.lines.map((l) => [
        l.system ?? '',
        l.category === 'commissioned' ? 'Commissioned' : 'Central',
        `${l.name} (${l.id})`,
        ...figureCells(l),
        l.commentary ? '*' : '',
      ]),
      ['Total', '', '', ...figureCells(report.totals), ''],
    ],
  );
  const group = (title: string, groups: OutturnReport['bySystem']) =>
    renderTable(
      [{ title }, ...FIGURE_COLUMNS],
      groups.map((g) => [g.label, ...figureCells(g)]),
    );
  const notes = report.lines.filter((l) => l.commentary !== null);
  const commentary = notes.length
    ? ['', 'Commentary (* above)', ...notes.map((l) => `  ${l.name} (${l.id}): ${oneLine(l.commentary!)}`)]
    : [];
  const funding = renderTable(
    [{ title: '' }, { title: 'At budget', align: 'right' }, { title: 'At outturn', align: 'right' }],
    [
      ['Funding', money(report.funding), money(report.funding)],
      ['Spend', money(report.totals.budget), money(report.totals.outturn)],
      [`Drawn from ${report.underwriter}`, money(report.budgetDrawn), money(report.drawn)],
      ['Underspend (lapses at 31 March)', money(report.budgetUnderspend), money(report.underspend)],
    ],
  );
  const fy = fyText(report.fy);
  return [
    `${report.plan}: ${report.scenario.name} [${report.scenario.id}]`,
    `Forecast outturn ${fy} · ${actualsBasis(report)}`,
    budgetSourceLine(report),
    '',
    services,
    ...commentary,
    '',
    'By system',
    group('System', report.bySystem),
    '',
    'By category',
    group('Category', report.byCategory),
    '',
    `Funding for ${fy}`,
    funding,
    '',
    `${varianceWords(report.totals.variance)} against the budget.`,
    lapseSentence(report),
    conditionSentence(report),
  ].join('\n');
}

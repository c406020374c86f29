// What `simulate` and `compare` print for a person: FYs as 2021/22, money as £1,234.56.
import type { Comparison, ComparisonRow } from '../../shared/compare';
import type { InterventionResult, SimulationResult } from '../../shared/engine';
import { formatComparisonValue, fyText, moneyFull as money, monthShort, percent } from '../../shared/format';
import { outcomeAt, outcomeCode, outcomeLower } from '../../shared/words';
import { renderTable } from './tables';

const month = (m: number | null) => (m === null ? '' : monthShort(m));

function outcomeText(r: InterventionResult): string {
  switch (r.outcome) {
    case 'closes': {
      const parts = [
        outcomeLower(outcomeAt(r)),
        `notice due ${month(r.noticeDeadline)}, served ${month(r.noticeServed)}`,
        `run-on ${money(r.runOn)}`,
      ];
      if (r.exitCost > 0) parts.push(`exit ${money(r.exitCost)}`);
      if (r.serviceUsers > 0)
        parts.push(`${r.usersLosingSupport} lose support${r.usersMoved ? `, ${r.usersMoved} moved to ${r.transitionTo}` : ''}`);
      if (r.avoidable) parts.push('AVOIDABLE');
      return parts.join('; ');
    }
    case 'transitions':
      return `handed over to ${r.partner} from ${month(r.handoverMonth)}`;
    default:
      return outcomeLower(outcomeAt(r));
  }
}

export function simulationText(planName: string, result: SimulationResult): string {
  // With actuals, each FY's spend is its forecast outturn: say how much of it is actual.
  const withActuals = result.asAt !== null;
  const split = (actual: number, forecast: number) => (withActuals ? [money(actual), money(forecast)] : []);
  const years = renderTable(
    [
      { title: 'FY' },
      { title: 'Funding', align: 'right' },
      { title: withActuals ? 'Spend (outturn)' : 'Spend', align: 'right' },
      ...(withActuals
        ? [
            { title: 'Actual', align: 'right' as const },
            { title: 'Forecast', align: 'right' as const },
          ]
        : []),
      { title: 'Drawn', align: 'right' },
      { title: 'Underspend', align: 'right' },
      { title: 'At risk', align: 'right' },
      { title: 'Known from' },
      { title: 'Commissioned', align: 'right' },
      { title: 'Condition' },
      { title: 'Limit' },
    ],
    [
      ...result.years.map((y) => [
        fyText(y.fy),
        money(y.funding),
        money(y.spend),
        ...split(y.actual, y.forecast),
        money(y.drawn),
        money(y.underspend),
        money(y.atRisk),
        monthShort(y.known),
        percent(y.commissionedShare, 2),
        y.requiredShare === null ? 'none' : y.compliant ? 'met' : 'BROKEN',
        y.limitBreached ? 'BREACHED' : 'within',
      ]),
      [
        'Total',
        money(result.totals.funding),
        money(result.totals.spend),
        ...split(
          result.years.reduce((sum, y) => sum + y.actual, 0),
          result.years.reduce((sum, y) => sum + y.forecast, 0),
        ),
        money(result.totals.drawn),
        money(result.totals.underspend),
        money(result.totals.atRisk),
        '',
        '',
        '',
        '',
      ],
    ],
  );
  const changed = result.interventions.filter((r) => r.outcome !== 'continues');
  const outcomes = changed.length
    ? renderTable(
        [{ title: 'Intervention' }, { title: 'Outcome' }],
        changed.map((r) => [`${r.name} (${r.id})`, outcomeText(r)]),
      )
    : 'Every intervention continues.';
  const t = result.totals;
  const summary =
    `${t.closures} service${t.closures === 1 ? '' : 's'} close` +
    (t.closures ? ` (${t.avoidableClosures} avoidably)` : '') +
    `, ${t.usersLosingSupport} people lose support` +
    (t.usersLosingSupportAvoidably ? ` (${t.usersLosingSupportAvoidably} avoidably)` : '') +
    `; ${money(t.drawn)} drawn from ${result.underwriter}; largest exposure before confirmation ${money(t.peakAtRisk)}.`;
  const heading = `${planName}: ${result.name} [${result.id}, ${result.stance}]${withActuals ? ` · actuals to ${monthShort(result.asAt!)}` : ''}`;
  return [heading, '', years, '', outcomes, '', summary].join('\n');
}

const cell = formatComparisonValue;

/** `titles` head the scenarios' columns (default: their ids). */
export function comparisonText(planName: string, comparison: Comparison, titles?: readonly string[]): string {
  const names = titles ?? comparison.scenarios.map((s) => s.id);
  const columns = [
    { title: '' },
    ...names.map((title) => ({ title, align: 'right' as const })),
    ...names.slice(1).map((n) => ({ title: `${n} − ${names[0]}`, align: 'right' as const })),
  ];
  const rows = (list: readonly ComparisonRow[]) =>
    list.map((row) => [row.label, ...row.values.map((v) => cell(row, v)), ...row.differences.slice(1).map((d) => cell(row, d, true))]);
  const parts = [
    `${planName}: ${comparison.scenarios.map((s) => `${s.name} [${s.id}]`).join(' against ')}`,
    '',
    'Totals',
    renderTable(columns, rows(comparison.totals)),
  ];
  for (const year of comparison.years) parts.push('', year.label, renderTable(columns, rows(year.rows)));
  parts.push(
    '',
    'Outcomes (those that differ first)',
    renderTable(
      [{ title: 'Intervention' }, ...names.map((title) => ({ title }))],
      comparison.interventions.map((r) => [`${r.differs ? '* ' : '  '}${r.name} (${r.id})`, ...r.outcomes.map(outcomeCode)]),
    ),
  );
  return parts.join('\n');
}

// The briefing's tables: the comparison's figures (exact, with differences from the first
// scenario), what happens to each service, and the figures at a glance.
import { shareDifferenceText, shareText, yearOf } from '../../shared/briefing-messages';
import { SCENARIO_LETTERS as LETTERS } from '../../shared/words';
import type { ComparisonRow } from '../../shared/compare';
import type { InterventionResult, SimulationResult } from '../../shared/engine';
import { count, formatComparisonValue, fyText, moneyWhole } from '../../shared/format';
import type { FyYear } from '../../shared/months';
import type { ScenarioSet } from '../../shared/scenario-set';
import { outcomeAt, outcomePhrase } from '../../shared/words';
import { esc, truncate } from './html';

/** Exact money and counts; shares to one decimal, their differences in points. */
function cell(row: ComparisonRow, value: number | null, signed = false): string {
  if (row.kind === 'share') return signed ? shareDifferenceText(value) : shareText(value);
  return formatComparisonValue(row, value, signed);
}

export function comparisonTable(set: ScenarioSet): string {
  const { comparison } = set;
  const n = comparison.scenarios.length;
  const head = `<thead><tr><th class="measure"></th>${comparison.scenarios.map((s, i) => `<th class="num"><span class="chip" data-i="${i}">${LETTERS[i]}</span><span class="name">${esc(truncate(s.name, 50))}</span></th>`).join('')}${comparison.scenarios
    .slice(1)
    .map((_, i) => `<th class="num diff">${LETTERS[i + 1]} − ${LETTERS[0]}</th>`)
    .join('')}</tr></thead>`;
  const rows = (list: readonly ComparisonRow[]) =>
    list
      .map((row) => {
        const differs = row.differences.some((d) => d !== null && d !== 0);
        return `<tr${differs ? ' class="differs"' : ''}><td class="measure">${esc(row.label)}</td>${row.values.map((v) => `<td class="num">${esc(cell(row, v))}</td>`).join('')}${row.differences
          .slice(1)
          .map((d) => `<td class="num diff">${esc(cell(row, d, true))}</td>`)
          .join('')}</tr>`;
      })
      .join('');
  const span = 1 + n * 2 - 1;
  const years = comparison.years
    .map((y) => `<tbody class="year"><tr class="group"><th colspan="${span}">${esc(y.label)}</th></tr>${rows(y.rows)}</tbody>`)
    .join('');
  return `<table class="figures${n > 2 ? ' wide' : ''}">${head}<tbody><tr class="group"><th colspan="${span}">Whole plan</th></tr>${rows(comparison.totals)}</tbody>${years}</table>`;
}

/** The outcome in the shared words, with who loses support; its class colours the cell. */
function outcomeWords(r: InterventionResult): { text: string; cls: string } {
  const text = outcomePhrase(outcomeAt(r));
  if (r.outcome !== 'closes') return { text, cls: r.outcome };
  const people =
    (r.usersLosingSupport > 0 ? ` · ${r.usersLosingSupport} lose support` : '') + (r.usersMoved > 0 ? ` · ${r.usersMoved} moved` : '');
  return { text: `${text}${people}${r.avoidable ? ' · avoidable' : ''}`, cls: r.avoidable ? 'closes avoidable' : 'closes' };
}

export function outcomeTable(set: ScenarioSet): string {
  const byId = set.results.map((r) => new Map(r.interventions.map((i) => [i.id, i])));
  const head = `<thead><tr><th>Service</th>${set.results.map((r, i) => `<th><span class="chip" data-i="${i}">${LETTERS[i]}</span> <span class="name">${esc(truncate(r.name, 50))}</span></th>`).join('')}</tr></thead>`;
  const body = set.comparison.interventions
    .map((row) => {
      const cells = byId
        .map((m) => {
          const found = m.get(row.id);
          const words = found ? outcomeWords(found) : { text: outcomePhrase(null), cls: 'absent' };
          return `<td class="outcome ${words.cls}">${esc(words.text)}</td>`;
        })
        .join('');
      return `<tr${row.differs ? ' class="differs"' : ''}><td class="service">${esc(row.name)}</td>${cells}</tr>`;
    })
    .join('');
  return `<table class="outcomes">${head}<tbody>${body}</tbody></table>`;
}

export function glance(set: ScenarioSet, fy: FyYear | null): string {
  const measures: [string, (r: SimulationResult) => string][] = [
    ['Services closing', (r) => String(r.totals.closures)],
    ['People losing support', (r) => count(r.totals.usersLosingSupport)],
    ['Drawn from the underwriter', (r) => moneyWhole(r.totals.drawn)],
    ...(fy === null
      ? []
      : [
          [`Exposed until ${fyText(fy)} is confirmed`, (r: SimulationResult) => moneyWhole(yearOf(r, fy).atRisk)] as [
            string,
            (r: SimulationResult) => string,
          ],
        ]),
    ['Largest exposure in any year', (r) => moneyWhole(r.totals.peakAtRisk)],
  ];
  return `<table class="glance"><thead><tr><th></th>${set.results.map((r, i) => `<th><span class="chip" data-i="${i}">${LETTERS[i]}</span> ${esc(truncate(r.name, 60))}</th>`).join('')}</tr></thead><tbody>${measures
    .map(
      ([label, value]) =>
        `<tr><td class="measure">${esc(label)}</td>${set.results.map((r) => `<td class="big">${esc(value(r))}</td>`).join('')}</tr>`,
    )
    .join('')}</tbody></table>`;
}

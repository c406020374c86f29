// What the Results table says about each service, for the exports (workbook, CSV): per
// service and scenario its outcome, notice deadline, notice served, last month, run-on,
// exit cost, people moved and losing support, partner and handover month; and every notice
// deadline in date order with what each scenario does there. Every fact is the engine's
// (InterventionResult and its notices[], plan-format.md §3.3, §3.6); nothing is worked out
// again here, only laid out.
import { deadlineRows } from './cliff-edge';
import type { InterventionResult, NoticeResult, SimulationResult } from './engine';
import type { FyYear, MonthIndex } from './months';
import { formatMonth } from './months';
import { NOT_IN_PLAN, outcomeAt, outcomeCode, verdictWords } from './words';

export type DetailKind = 'text' | 'month' | 'money' | 'count';

export interface DetailColumn {
  readonly key: string;
  readonly label: string;
  readonly kind: DetailKind;
  /** Money in pence, months as indices, counts as numbers, text as text; null where it does not apply. */
  readonly value: (r: InterventionResult) => string | number | null;
}

export const SERVICE_DETAIL: readonly DetailColumn[] = [
  { key: 'outcome', label: 'Outcome', kind: 'text', value: (r) => outcomeCode(outcomeAt(r)) },
  { key: 'noticeDeadline', label: 'Notice deadline', kind: 'month', value: (r) => r.noticeDeadline },
  { key: 'noticeServed', label: 'Notice served', kind: 'month', value: (r) => r.noticeServed },
  { key: 'lastMonth', label: 'Last month', kind: 'month', value: (r) => r.lastMonth },
  { key: 'runOn', label: 'Run-on', kind: 'money', value: (r) => r.runOn },
  { key: 'exitCost', label: 'Exit cost', kind: 'money', value: (r) => r.exitCost },
  { key: 'usersMoved', label: 'People moved', kind: 'count', value: (r) => r.usersMoved },
  { key: 'usersLosingSupport', label: 'People losing support', kind: 'count', value: (r) => r.usersLosingSupport },
  { key: 'partner', label: 'Partner', kind: 'text', value: (r) => r.partner },
  { key: 'handoverMonth', label: 'Handover month', kind: 'month', value: (r) => r.handoverMonth },
];

/** A month cell as exports write it: "2021-06". */
export const monthCell = (m: MonthIndex | null) => (m === null ? null : formatMonth(m));

/** One notice deadline: a service's decision for one FY, in each scenario. */
export interface DecisionRow {
  /** The earliest of the scenarios' deadlines (a scenario may change the notice period). */
  readonly deadline: MonthIndex;
  readonly fy: FyYear;
  readonly id: string;
  readonly name: string;
  /** The deadline came before the plan's first month in every scenario that has it. */
  readonly passed: boolean;
  /** Per scenario: the engine's notice decision, or null when the service is no candidate then. */
  readonly notices: readonly (NoticeResult | null)[];
}

/**
 * Every notice deadline of the scenarios, in date order (then FY, then the cliff edge's order);
 * services lined up by id and FYs over every result's horizon, so the results may come from different plans.
 */
export function decisionRows(results: readonly SimulationResult[]): DecisionRow[] {
  const fys = [...new Set(results.flatMap((r) => r.years.map((y) => y.fy)))].sort((a, b) => a - b);
  const rows = fys.flatMap((fy) =>
    deadlineRows(results, fy).map((row) => {
      const given = row.notices.filter((n): n is NoticeResult => n !== null);
      return {
        deadline: Math.min(...given.map((n) => n.deadline)),
        fy,
        id: row.id,
        name: row.name,
        passed: given.every((n) => n.passed),
        notices: row.notices,
      };
    }),
  );
  return rows.sort((a, b) => a.deadline - b.deadline || a.fy - b.fy);
}

/** What a scenario does at a deadline: "Closes: notice served 2021-06, last month 2021-08", "Continues (decided 2021-06)". */
export function decisionText(n: NoticeResult | null): string {
  if (n === null) return 'not running then';
  const when = n.decidedBy === 'look-ahead' ? `notice at the deadline ${formatMonth(n.deadline)}` : `decided ${formatMonth(n.decidedAt)}`;
  if (n.verdict === 'closes') {
    const avoidable = n.avoidable ? ' (avoidable by waiting)' : '';
    return `Closes: ${when}, notice served ${monthCell(n.served)}, last month ${monthCell(n.lastMonth)}${avoidable}`;
  }
  if (n.verdict === 'handed-over') return verdictWords(n.verdict);
  return `${verdictWords(n.verdict)} (${when})`;
}

/** A deadline's cells, one per result: decisionText, or "not in plan" where that result's plan has no such service. */
export function decisionCells(row: DecisionRow, results: readonly SimulationResult[]): string[] {
  return row.notices.map((n, i) => (n === null && !results[i].interventions.some((r) => r.id === row.id) ? NOT_IN_PLAN : decisionText(n)));
}

// The words for what the engine decided, in one place for the app, the CLI and the exports:
// outcomes ("Closes after Jun 2021", "Handed over from Oct 2021", "Ends as planned",
// "Continues"), stances, each FY's notice verdict and where its known month comes from
// (plan-format.md §3.2, §3.3).
import type { InterventionResult, NoticeVerdict, Outcome, YearKnownSource } from './engine';
import { formatMonth, monthName, type MonthIndex } from './months';
import type { Stance } from './resolve';

/** The letter each scenario goes by in a briefing, in the order they were named. */
export const SCENARIO_LETTERS: readonly string[] = ['A', 'B', 'C', 'D', 'E', 'F'];

/** "2 services close", with counts as plain numerals (the briefing sentences' own style). */
export function countOf(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** An intervention's outcome and its month: the last month for closes, the handover for transitions. */
export interface OutcomeAt {
  readonly outcome: Outcome;
  readonly month: MonthIndex | null;
}

export function outcomeAt(r: InterventionResult): OutcomeAt {
  if (r.outcome === 'closes') return { outcome: r.outcome, month: r.lastMonth };
  if (r.outcome === 'transitions') return { outcome: r.outcome, month: r.handoverMonth };
  return { outcome: r.outcome, month: null };
}

export function sameOutcome(a: OutcomeAt, b: OutcomeAt): boolean {
  return a.outcome === b.outcome && a.month === b.month;
}

/** "closes 2022-08", "transitions 2021-10", "ended", "continues": the comparison's machine-readable cell. */
export function outcomeCode(o: OutcomeAt): string {
  return o.month === null ? o.outcome : `${o.outcome} ${formatMonth(o.month)}`;
}

/** "Closes after Jun 2021", "Handed over from Oct 2021", "Ends as planned", "Continues" (long months unless short). */
export function outcomePhrase(o: OutcomeAt, short = true): string {
  const month = (m: MonthIndex | null) => (m === null ? '' : ` ${monthName(m, short)}`);
  switch (o.outcome) {
    case 'closes':
      return `Closes after${month(o.month)}`;
    case 'transitions':
      return `Handed over from${month(o.month)}`;
    case 'ended':
      return 'Ends as planned';
    default:
      return 'Continues';
  }
}

/** The same words in the middle of a sentence: "closes after Jun 2021". */
export function outcomeLower(o: OutcomeAt, short = true): string {
  const phrase = outcomePhrase(o, short);
  return phrase.charAt(0).toLowerCase() + phrase.slice(1);
}

/** A stance as a choice on screen: "Wait for confirmation", "Serve notice where unconfirmed". */
export function stanceLabel(stance: Stance | string): string {
  return stance === 'prudent' ? 'Serve notice where unconfirmed' : 'Wait for confirmation';
}

/** A stance in a sentence about a scenario: "waits for confirmation before serving notice". */
export function stanceSentence(stance: Stance | string): string {
  return stance === 'prudent' ? 'serves notice wherever funding is still unconfirmed at a deadline' : 'waits for confirmation before serving notice';
}

/** What an FY's notice decision did with an intervention. */
export function verdictWords(verdict: NoticeVerdict): string {
  switch (verdict) {
    case 'closes':
      return 'Closes';
    case 'transitions':
      return 'Handed over';
    case 'handed-over':
      return 'Already handed over';
    default:
      return 'Continues';
  }
}

/** Where an FY's known month comes from: "a confirmation delay" beats "a confirmation date". */
export function knownSourceWords(source: YearKnownSource): string {
  switch (source) {
    case 'confirm-delay':
      return 'a confirmation delay';
    case 'confirmed-on':
      return 'a confirmation date';
    case 'fy-start':
      return 'known at the start of the year';
    default:
      return 'no funding to wait for';
  }
}

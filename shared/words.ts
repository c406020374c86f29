// The words for what the engine decided, in one place for the app, the CLI and the exports:
// outcomes ("Closes after Jun 2021", "Handed over from Oct 2021", "Ends as planned",
// "Continues"), stances, each FY's notice verdict and where its known month comes from
// (plan-format.md §3.2, §3.3), for every screen, the CLI and the exports.
import type { InterventionResult, NoticeVerdict, Outcome, YearKnownSource } from './engine';
import { dateLong, monthLong, plural } from './format';
import { formatMonth, fyStart, monthName, type FyYear, type MonthIndex } from './months';
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

/**
 * A service compared across two plans (a snapshot's and today's) may be in only one of them:
 * its outcome in the other is null, "not in plan".
 */
export type OutcomeOrAbsent = OutcomeAt | null;

/** The words for a service absent from a compared plan. */
export const NOT_IN_PLAN = 'not in plan';

export function sameOutcome(a: OutcomeOrAbsent, b: OutcomeOrAbsent): boolean {
  if (a === null || b === null) return a === b;
  return a.outcome === b.outcome && a.month === b.month;
}

/** "closes 2022-08", "transitions 2021-10", "ended", "continues", "not in plan": the comparison's machine-readable cell. */
export function outcomeCode(o: OutcomeOrAbsent): string {
  if (o === null) return NOT_IN_PLAN;
  return o.month === null ? o.outcome : `${o.outcome} ${formatMonth(o.month)}`;
}

/** "Closes after Jun 2021", "Handed over from Oct 2021", "Ends as planned", "Continues", "Not in plan" (long months unless short). */
export function outcomePhrase(o: OutcomeOrAbsent, short = true): string {
  if (o === null) return 'Not in plan';
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
export function outcomeLower(o: OutcomeOrAbsent, short = true): string {
  const phrase = outcomePhrase(o, short);
  return phrase.charAt(0).toLowerCase() + phrase.slice(1);
}

/** A stance as a choice on screen: "Wait for confirmation", "Serve notice where unconfirmed". */
export function stanceLabel(stance: Stance | string): string {
  return stance === 'prudent' ? 'Serve notice where unconfirmed' : 'Wait for confirmation';
}

/** A stance in a list of scenarios: "Wait", "Prudent". */
export function stanceShort(stance: Stance | string | undefined): string {
  return stance === 'prudent' ? 'Prudent' : 'Wait';
}

/** A stance in a sentence about a scenario: "waits for confirmation before serving notice". */
export function stanceSentence(stance: Stance | string): string {
  return stance === 'prudent'
    ? 'serves notice wherever funding is still unconfirmed at a deadline'
    : 'waits for confirmation before serving notice';
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

/** An FY's known month and where it comes from (plan-format.md §3.2), as the engine or resolver gives it. */
export interface KnownFact {
  readonly fy: FyYear;
  readonly known: MonthIndex;
  readonly knownSource: YearKnownSource;
  /** The confirmation date, where the resolver kept it (an allocation confirmed on a day). */
  readonly confirmedOn?: string | null;
}

/** "4 months after April": how far a confirmation delay puts the month from the FY's start. */
function delayWords(fact: KnownFact): string {
  return monthsAfterAprilWords(fact.known - fyStart(fact.fy));
}

/** A confirmDelay in words: "2 months after April", "1 month before April", "no delay after April". */
export function monthsAfterAprilWords(months: number): string {
  if (months === 0) return 'no delay after April';
  return months > 0 ? `${plural(months, 'month')} after April` : `${plural(-months, 'month')} before April`;
}

/** An expected confirmation in words: "expected 2 months after April", "expected in April". */
export function expectedWords(months: number): string {
  return months === 0 ? 'expected in April' : `expected ${monthsAfterAprilWords(months)}`;
}

/** "Known August 2021 (4 months after April)", "Confirmed 4 June 2021", "Known from April (no confirmation date)": a delay beats a date. */
export function knownWords(fact: KnownFact): string {
  switch (fact.knownSource) {
    case 'confirm-delay':
      return `Known ${monthLong(fact.known)} (${delayWords(fact)})`;
    case 'confirmed-on':
      return `Confirmed ${fact.confirmedOn ? dateLong(fact.confirmedOn) : monthLong(fact.known)}`;
    case 'fy-start':
      return 'Known from April (no confirmation date)';
    case 'no-allocations':
      return 'Known from April (no allocations)';
  }
}

/** The month and its reason, to sit in brackets: "August 2021, 4 months after April". */
export function knownAside(fact: KnownFact): string {
  const month = monthLong(fact.known);
  switch (fact.knownSource) {
    case 'confirm-delay':
      return `${month}, ${delayWords(fact)}`;
    case 'confirmed-on':
      return fact.confirmedOn ? `confirmed ${dateLong(fact.confirmedOn)}` : `${month}, when confirmed`;
    case 'fy-start':
      return `${month}, no confirmation date`;
    case 'no-allocations':
      return `${month}, no allocations`;
  }
}

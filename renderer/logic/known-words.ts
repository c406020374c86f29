// How the screens say when an FY's money is known: the engine's known month and where it
// comes from (plan-format.md §3.2), never worked out again here. A delay beats a date.
import type { YearKnownSource } from '../../shared/engine';
import { fyStart, type FyYear, type MonthIndex } from '../../shared/months';
import { dateLong, monthLong, plural } from './format';

export interface KnownFact {
  readonly fy: FyYear;
  readonly known: MonthIndex;
  readonly knownSource: YearKnownSource;
  /** The confirmation date, where the resolver kept it (an allocation confirmed on a day). */
  readonly confirmedOn?: string | null;
}

/** "4 months after April": how far a confirmation delay puts the month from the FY's start. */
function delayWords(fact: KnownFact): string {
  const months = fact.known - fyStart(fact.fy);
  if (months === 0) return 'no delay after April';
  return months > 0 ? `${plural(months, 'month')} after April` : `${plural(-months, 'month')} before April`;
}

/** "Known August 2021 (4 months after April)", "Confirmed 4 June 2021", "Known from April (no confirmation date)". */
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

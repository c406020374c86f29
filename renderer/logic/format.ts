// How figures read on screen (en-GB), under the names the screens use: every wording lives
// in shared/format.ts (figures) and shared/words.ts (outcomes, stances), shared with the
// CLI and the exports. Screens show rounded figures: £1,234,567, 48.5%, "Jun 2021".
import type { InterventionResult } from '../../shared/engine';
import { differenceText, measureText, moneyWhole, type MeasureKind } from '../../shared/format';
import { poundsToPence } from '../../shared/money';
import { outcomeAt, outcomePhrase, type OutcomeOrAbsent } from '../../shared/words';

export {
  count,
  dateLong,
  fyText as fyLabel,
  moneyFull as moneyExact,
  moneyShort,
  moneyWhole as money,
  monthLong,
  monthShort,
  percent,
  plural,
} from '../../shared/format';
export { stanceLabel as stanceText } from '../../shared/words';

/** Pounds exact to the penny (a ladder's or a tornado's totals, as their JSON gives them), in whole pounds. */
export const moneyOfPounds = (pounds: number): string => moneyWhole(poundsToPence(pounds) ?? Math.round(pounds * 100));

/** A difference from the first scenario: "+£12,345", "−£12,345", "no change". */
export const difference = (value: number | null, kind: MeasureKind) => differenceText(kind, value, 'rounded');

/** A comparison value: money, count, share or yes/no. */
export const measure = (value: number | null, kind: MeasureKind) => measureText(kind, value, 'rounded');

/** "Closes after June 2021", "Handed over from October 2021", "Ends as planned", "Continues". */
export const outcomeText = (r: InterventionResult) => outcomePhrase(outcomeAt(r), false);

/** Short form for narrow columns: "Closes after Jun 2021", "Handed over from Oct 2021". */
export const outcomeShort = (r: InterventionResult) => outcomePhrase(outcomeAt(r), true);

/** A comparison's outcome in words, short months. */
export const outcomeCell = (o: OutcomeOrAbsent) => outcomePhrase(o, true);

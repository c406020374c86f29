// A break-even answer in plain words: "The smallest grant level that keeps every service
// open is 95.2% (Serious Violence Fund: VRU grant £3,148,720 in 2021/22)". Amounts come from
// the scenario resolved at the answer (in the worker), never from arithmetic here.
import type { BreakevenTarget } from '../../shared/uncertainty/targets';
import type { BreakevenAnswer } from './analysis';
import { count, money, percent } from './format';

export const BREAKEVEN_TARGET_LABELS: Readonly<Record<BreakevenTarget, string>> = {
  'no-closures': 'No service closes',
  'no-drawn': 'Nothing drawn from the underwriter',
  compliant: 'Grant condition met every year',
};

function targetWords(target: BreakevenTarget, underwriter: string): string {
  if (target === 'no-closures') return 'keeps every service open';
  if (target === 'no-drawn') return `needs nothing from ${underwriter}`;
  return 'meets the grant condition in every year';
}

/** "grantLevel" → "grant level"; a level reads as a percentage. */
function variableWords(variable: string): string {
  return variable
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/_/g, ' ')
    .toLowerCase();
}

export function valueWords(value: number, isLevel: boolean): string {
  return isLevel ? percent(value, 4) : String(value);
}

function amountsWords(answer: Extract<BreakevenAnswer, { status: 'found' }>): string {
  if (answer.amounts.length === 0) return '';
  const byStream = new Map<string, string[]>();
  for (const a of answer.amounts) byStream.set(a.streamName, [...(byStream.get(a.streamName) ?? []), `${money(a.amount)} in ${a.fy}`]);
  const parts = [...byStream].map(([name, items]) => `${name} ${items.join(' and ')}`);
  return ` (${parts.join('; ')})`;
}

export function breakevenSentence(props: {
  answer: BreakevenAnswer;
  variable: string;
  target: BreakevenTarget;
  isLevel: boolean;
  underwriter: string;
}): string {
  const { answer, variable, target, isLevel, underwriter } = props;
  const name = variableWords(variable);
  const goal = targetWords(target, underwriter);
  if (answer.status === 'error') return `Break-even could not be worked out: ${answer.message}`;
  if (answer.status === 'not-met') {
    const why =
      target === 'no-closures'
        ? `${count(answer.closures.length)} service${answer.closures.length === 1 ? '' : 's'} still close${answer.closures.length === 1 ? 's' : ''} (${answer.closures.join(', ')})`
        : target === 'no-drawn'
          ? `${money(answer.drawn)} is still drawn from ${underwriter}`
          : `${count(answer.nonCompliantYears)} year${answer.nonCompliantYears === 1 ? '' : 's'} still break${answer.nonCompliantYears === 1 ? 's' : ''} the grant condition`;
    return `No ${name} in this range ${goal}: even at ${valueWords(answer.hi, isLevel)}, the top of the range, ${why}.`;
  }
  const value = valueWords(answer.value, isLevel);
  if (answer.atBottom) return `Every ${name} in the range ${goal}, down to ${value}, the bottom of the range${amountsWords(answer)}.`;
  return `The smallest ${name} that ${goal} is ${value}${amountsWords(answer)}.`;
}

// When an FY's money is known, in the resolver's words, under a confirmation-date field.
// Left out where the field's own date sets the month: the field already says it.
import { knownWords, type KnownFact } from '../../shared/words';
import './KnownNote.css';

export function KnownNote(props: { fact: KnownFact | null | undefined; dateGiven: boolean; testId?: string }) {
  const { fact } = props;
  if (!fact || fact.knownSource === 'confirmed-on') return null;
  // A delay beats a date (plan-format.md §3.2): say so when the field holds one.
  const overridden = fact.knownSource === 'confirm-delay' && props.dateGiven;
  return (
    <div className={`confirm-note${fact.knownSource === 'confirm-delay' ? ' confirmed' : ''}`} data-testid={props.testId}>
      {knownWords(fact)}
      {overridden ? '; the delay beats the date' : ''}
    </div>
  );
}

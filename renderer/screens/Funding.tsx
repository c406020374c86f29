// Funding: a card per stream (renderer/screens/funding/) with its funder, kind, ring-fence,
// grant condition and notes, and a row per FY for its allocation: the amount or formula with
// its value, how it is confirmed, and the month it is known as the resolver gives it.
// Every field stores at once; adding and deleting a stream are one edit each.
import { Empty, ScreenHeader } from '../components/common';
import { usePlan, useScenario } from '../store/hooks';
import { AddStream } from './funding/AddStream';
import { StreamCard } from './funding/StreamCard';
import './Funding.css';

/** After an add or a delete, focus goes somewhere that still exists. */
function focusLater(selector: string) {
  requestAnimationFrame(() => requestAnimationFrame(() => document.querySelector<HTMLElement>(selector)?.focus()));
}

export function Funding() {
  const plan = usePlan();
  const { resolved } = useScenario('base');
  if (!plan) return null;
  const fys = resolved?.fys ?? [];
  return (
    <div className="screen" data-testid="screen-funding">
      <ScreenHeader
        title="Funding"
        lede="What each funder gives for each financial year, and when it is confirmed. Unspent funding lapses on 31 March."
      >
        <AddStream plan={plan} onAdded={() => focusLater('.stream-card:last-of-type [data-testid^="add-alloc-"]')} />
      </ScreenHeader>
      {fys.length === 0 ? (
        <Empty>Working out the amounts…</Empty>
      ) : (
        <div className="funding-streams" data-testid="funding-grid">
          {plan.fundingStreams.length === 0 ? <Empty>No funding streams yet: add the first with “+ Add funding stream”.</Empty> : null}
          {plan.fundingStreams.map((stream, si) => (
            <StreamCard
              key={stream.id}
              plan={plan}
              si={si}
              fys={fys}
              resolved={resolved?.streams.find((s) => s.id === stream.id)}
              onDeleted={() => focusLater('[data-testid="add-stream"]')}
            />
          ))}
          <p className="hint">
            Amounts are in pounds; a formula starts with “=” (for example <code>=3307000 * grantLevel</code>). An allocation with no
            confirmation is known when its year starts, in April; an expected delay replaces a confirmation date.
          </p>
        </div>
      )}
    </div>
  );
}

// Simulation off the UI thread. Requests arrive faster than they can be answered while a
// slider is dragged: only the newest waiting request is worked on, older ones are dropped.
import './zod-jitless';
import { createSimulator, type SimRequest, type SimResponse } from './logic/simulation';

let waiting: SimRequest | null = null;
// Kept between requests: each plan is resolved against the one before.
const runSimulation = createSimulator();
let scheduled = false;

function work() {
  scheduled = false;
  const request = waiting;
  waiting = null;
  if (!request) return;
  const started = performance.now();
  let response: SimResponse;
  try {
    const outcome = runSimulation(request.plan);
    response = { ...outcome, seq: request.seq, draft: request.draft, revision: request.revision, ms: performance.now() - started };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    response = {
      ok: false,
      problems: [{ path: '(plan)', message: `could not be simulated: ${message}` }],
      seq: request.seq,
      draft: request.draft,
      revision: request.revision,
      ms: performance.now() - started,
    };
  }
  postMessage(response);
}

addEventListener('message', (event: MessageEvent<SimRequest>) => {
  waiting = event.data;
  if (!scheduled) {
    scheduled = true;
    // Let any requests already queued arrive first, so a burst collapses to its newest.
    setTimeout(work, 0);
  }
});

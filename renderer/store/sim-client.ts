// The page's side of the simulation worker: every request gets a new seq, and the results
// slice (results-slice.ts) decides which answers stand.
import type { SimRequest, SimResponse } from '../logic/simulation';
import { useStore } from './store';

let worker: Worker | null = null;
let seq = 0;

function ensureWorker(): Worker {
  if (!worker) {
    worker = new Worker(new URL('./../sim.worker.ts', import.meta.url), { type: 'module' });
    worker.addEventListener('message', (event: MessageEvent<SimResponse>) => useStore.getState().receive(event.data));
    worker.addEventListener('error', (event) => {
      useStore.getState().receive({
        ok: false,
        seq: ++seq,
        draft: false,
        revision: -1,
        ms: 0,
        problems: [{ path: '(plan)', message: `the simulation stopped: ${event.message || 'unknown error'}` }],
      });
    });
  }
  return worker;
}

/** Sends a plan to be simulated; returns the request's seq. */
export function requestSimulation(plan: unknown, opts: { draft: boolean; revision: number }): number {
  const request: SimRequest = { seq: ++seq, plan, draft: opts.draft, revision: opts.revision };
  useStore.getState().setRequested(request.seq);
  ensureWorker().postMessage(request);
  return request.seq;
}

/**
 * The stored plan is the draft already sent as `draftSeq`: its answer stands for the stored
 * plan, so it is not simulated again. Returns false when that answer is already superseded.
 */
export function adoptDraft(draftSeq: number, revision: number): boolean {
  return useStore.getState().adopt(draftSeq, revision);
}

// Risk draws, ladders and break-even off the UI thread (the work is in logic/analysis.ts).
// A risk worker is set up once per run and then asked for slice after slice; the page
// stops a run by terminating its workers.
import './zod-jitless';
import { batchBuffers } from '../shared/uncertainty/draws';
import { createRiskWorker, runBreakeven, runLadder, type AnalysisReply, type AnalysisRequest } from './logic/analysis';

const risk = createRiskWorker();

function reply(message: AnalysisReply) {
  if (message.kind === 'risk-slice' && message.ok) {
    // Typed arrays are handed over, not copied.
    postMessage(message, { transfer: batchBuffers(message.batch) });
  } else {
    postMessage(message);
  }
}

addEventListener('message', (event: MessageEvent<AnalysisRequest>) => {
  const request = event.data;
  switch (request.kind) {
    case 'risk-setup':
    case 'risk-slice': {
      const answer = risk(request);
      if (answer) reply(answer);
      return;
    }
    case 'ladder':
      reply(runLadder(request, (done, total) => reply({ kind: 'ladder-progress', done, total })));
      return;
    case 'breakeven':
      reply({ kind: 'breakeven', answer: runBreakeven(request) });
      return;
  }
});

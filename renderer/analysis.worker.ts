// Risk draws, ladders, break-even and tornadoes off the UI thread (the work is in logic/analysis.ts).
// The page keeps its workers: a risk worker is set up for each run (holding the plans it was
// sent) and then asked for slice after slice; the page ignores the answers of a run it has
// stopped. Ladders, break-evens and tornadoes go to a worker of their own.
import './zod-jitless';
import { batchBuffers } from '../shared/uncertainty/draws';
import { createRiskWorker, runBreakeven, runLadder, runTornado, type AnalysisReply, type AnalysisRequest } from './logic/analysis';

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
      reply(runLadder(request, (done, total) => reply({ kind: 'ladder-progress', id: request.id, done, total })));
      return;
    case 'breakeven':
      reply({ kind: 'breakeven', id: request.id, answer: runBreakeven(request) });
      return;
    case 'tornado':
      reply({ kind: 'tornado', id: request.id, answer: runTornado(request) });
      return;
  }
});

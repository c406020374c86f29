// A risk worker thread, kept by pool.ts from run to run: runs slices of draws. It keeps the
// last few plans it was sent and a draw runner for each (plan, scenario, seed), so a run
// of a plan it has seen costs no set-up (the runner's combination cache is kept too).
// Bundled on its own by build/scripts/build-cli.mjs into out/cli/risk-worker.cjs.
import { parentPort } from 'node:worker_threads';
import type { Plan } from '../../shared/plan';
import { batchBuffers, DrawError } from '../../shared/uncertainty/draws';
import { createDrawRunner, type DrawRunner } from '../../shared/uncertainty/risk';
import { keepNewest } from '../../shared/uncertainty/schedule';
import type { WorkerReply, WorkerTask } from './protocol';

const port = parentPort!;
const plans = new Map<string, Plan>();
const runners = new Map<string, DrawRunner>();

function runnerFor(task: WorkerTask): DrawRunner {
  if (task.plan) keepNewest(plans, task.planKey, task.plan);
  const plan = plans.get(task.planKey);
  if (!plan) throw new Error(`the risk worker does not hold plan ${task.planKey}`);
  const key = `${task.planKey}\n${task.scenarioId}\n${task.seed}`;
  let runner = runners.get(key);
  if (!runner || task.plan) {
    runner = createDrawRunner(plan, task.scenarioId, task.seed);
    keepNewest(runners, key, runner);
  }
  return runner;
}

port.on('message', (task: WorkerTask) => {
  let reply: WorkerReply;
  let transfer: ArrayBuffer[] = [];
  try {
    const batch = runnerFor(task).run(task.fromDraw, task.toDraw);
    reply = { id: task.id, ok: true, batch };
    transfer = batchBuffers(batch);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    reply =
      error instanceof DrawError
        ? { id: task.id, ok: false, kind: 'draw', drawIndex: error.drawIndex, message }
        : {
            id: task.id,
            ok: false,
            kind: 'other',
            drawIndex: task.fromDraw,
            message,
            stack: error instanceof Error ? error.stack : undefined,
          };
  }
  port.postMessage(reply, transfer);
});

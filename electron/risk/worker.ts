// A risk worker thread: runs slices of draws for pool.ts. Bundled on its own by
// build/scripts/build-cli.mjs into out/cli/risk-worker.cjs, next to the CLI.
import { parentPort, workerData } from 'node:worker_threads';
import type { Plan } from '../../shared/plan';
import { batchBuffers, DrawError, type DrawBatch } from '../../shared/uncertainty/draws';
import { createDrawRunner } from '../../shared/uncertainty/risk';
import type { WorkerReply, WorkerSetup, WorkerTask } from './pool';

const port = parentPort!;
const { plan, scenarioId, seed } = workerData as WorkerSetup & { plan: Plan };
// Set up once per thread, so work that outlives one slice (the combination cache) is kept.
const runner = createDrawRunner(plan, scenarioId, seed);

port.on('message', (task: WorkerTask) => {
  let reply: WorkerReply;
  let transfer: ArrayBuffer[] = [];
  try {
    const batch: DrawBatch = runner.run(task.fromDraw, task.toDraw);
    reply = { ok: true, batch };
    transfer = batchBuffers(batch);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    reply =
      error instanceof DrawError
        ? { ok: false, kind: 'draw', drawIndex: error.drawIndex, message }
        : { ok: false, kind: 'other', drawIndex: task.fromDraw, message, stack: error instanceof Error ? error.stack : undefined };
  }
  port.postMessage(reply, transfer);
});

// The analysis worker (renderer/analysis.worker.ts), started in one place so the bundler
// builds it once: kept for risk runs (analysis-client.ts) and for ladders and break-evens
// (questions-client.ts).
export function newAnalysisWorker(): Worker {
  return new Worker(new URL('../analysis.worker.ts', import.meta.url), { type: 'module' });
}

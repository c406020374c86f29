// Open, edit-and-save and undo times (median of 20) on the worked example and on a plan of
// 500 interventions. Printed for the record; the bounds only catch something pathological.
import path from 'node:path';
import { expect, it } from 'vitest';
import { PlanDocument } from '../../electron/store/plan-document';
import type { Plan } from '../../shared/plan';
import { largePlan, tempDir, workedExample } from './helpers';

const RUNS = 20;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return (sorted[(sorted.length - 1) >> 1] + sorted[sorted.length >> 1]) / 2;
}

async function measure(plan: Plan) {
  const file = path.join(tempDir(), 'plan.headroom');
  PlanDocument.create(file, plan).close();
  const open: number[] = [];
  const edit: number[] = [];
  const undo: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    let t = performance.now();
    const doc = await PlanDocument.open(file);
    open.push(performance.now() - t);
    t = performance.now();
    const result = doc.apply({ label: 'Change a cost', ops: [{ op: 'set', path: ['interventions', 0, 'annualCost'], value: 1000 + i }] });
    edit.push(performance.now() - t);
    expect(result.ok).toBe(true);
    t = performance.now();
    doc.undo();
    undo.push(performance.now() - t);
    doc.close();
  }
  return { open: median(open), edit: median(edit), undo: median(undo) };
}

it('measures open, edit-and-save and undo', async () => {
  const rows: [string, Awaited<ReturnType<typeof measure>>][] = [
    ['worked example', await measure(workedExample())],
    ['500 interventions', await measure(largePlan(500))],
  ];
  const ms = (value: number) => `${value.toFixed(1)} ms`.padStart(10);
  console.log(['plan                  open      edit+save  undo', ...rows.map(([name, t]) => `${name.padEnd(18)}${ms(t.open)}${ms(t.edit)}${ms(t.undo)}`)].join('\n'));
  for (const [, t] of rows) for (const value of Object.values(t)) expect(value).toBeLessThan(5000);
}, 120_000);

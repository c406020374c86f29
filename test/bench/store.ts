// Part 5: the plan store: open, edit and save, undo.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PlanDocument } from '../../electron/store/plan-document';
import demoPlan from '../../shared/demo/wmvru-plan.json';
import { generatePlan } from './generate';
import { gc, interleave, stat, type Timing } from './measure';
import { quick, root } from './options';

export interface StoreRow {
  readonly plan: string;
  readonly fileKb: number;
  readonly open: Timing;
  readonly editAndSave: Timing;
  readonly undo: Timing;
}

export async function benchStore(): Promise<{ rows: StoreRow[] } | { skipped: string }> {
  if (!fs.existsSync(path.join(root, 'electron/store/plan-document.ts')))
    return { skipped: 'store not built (electron/store/plan-document.ts missing)' };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'headroom-bench-store-'));
  const plans: [string, unknown][] = [
    ['demo plan (21 interventions, 36 months, 6 scenarios)', demoPlan],
    ['500 interventions, 120 months, 8 scenarios', generatePlan({ interventions: 500, months: 120, scenarios: 8 })],
  ];
  const rows: StoreRow[] = [];
  try {
    for (const [index, [name, plan]] of plans.entries()) {
      const file = path.join(dir, `plan-${index}.headroom`);
      PlanDocument.create(file, plan).close();
      const opens: { cpu: number; wall: number }[] = [];
      for (let round = -1; round < (quick ? 3 : 5); round++) {
        gc();
        const c = process.cpuUsage();
        const t = performance.now();
        const doc = await PlanDocument.open(file);
        const wall = performance.now() - t;
        const d = process.cpuUsage(c);
        doc.close();
        if (round >= 0) opens.push({ cpu: (d.user + d.system) / 1000, wall });
      }
      const doc = await PlanDocument.open(file);
      try {
        const costs = doc.plan().interventions;
        const k = Math.floor(costs.length / 2);
        let value = 123456.78;
        const stats = interleave(
          [
            {
              name: 'edit',
              batchable: false,
              run: () => {
                const result = doc.apply({
                  label: 'Change annual cost',
                  ops: [{ op: 'set', path: ['interventions', k, 'annualCost'], value: (value += 1) }],
                });
                if (!result.ok) throw new Error(`store edit refused: ${result.problems[0]?.message}`);
              },
            },
            { name: 'undo', batchable: false, run: () => void doc.undo() },
          ],
          { warmup: 1, minRounds: quick ? 3 : 5, maxRounds: 21, budgetMs: quick ? 500 : 1500 },
        );
        rows.push({
          plan: name,
          fileKb: Math.round(fs.statSync(file).size / 1024),
          open: { cpu: stat(opens.map((o) => o.cpu)), wall: stat(opens.map((o) => o.wall)) },
          editAndSave: stats.get('edit')!,
          undo: stats.get('undo')!,
        });
      } finally {
        doc.close();
      }
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return { rows };
}

// The tables printed at the end of a run.
import type { GridResult } from './grid';

export const ms = (value: number) =>
  value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value >= 1 ? value.toFixed(2) : value.toFixed(3);
export const times = (value: number) => `${value >= 100 ? value.toFixed(0) : value.toFixed(1)}×`;

export function table(head: readonly string[], body: readonly (readonly string[])[]): string {
  const widths = head.map((h, c) => Math.max(h.length, ...body.map((row) => row[c].length)));
  const line = (cells: readonly string[]) => cells.map((cell, c) => cell.padStart(widths[c])).join('  ');
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}

export function gridTable(rows: readonly GridResult[]): string {
  const head = [
    'N',
    'M',
    'S',
    'closures',
    'simulate',
    'flat',
    'sim/flat',
    'edit',
    'edit/flat',
    'HF S',
    'HF recalc',
    'engine edit',
    'HF/engine',
    'equal',
  ];
  return table(
    head,
    rows.map((r) => {
      const hf = 'skipped' in r.hf ? null : r.hf;
      return [
        r.interventions,
        r.months,
        r.scenarios,
        r.closures,
        ms(r.engine.simulate.cpu.median),
        ms(r.flat.cpu.median),
        times(r.simulateOverFlat),
        ms(r.engine.edit.cpu.median),
        times(r.editOverFlat),
        hf ? `${hf.scenarios}${hf.sampled ? `/${r.scenarios}` : ''}` : '-',
        hf ? ms(hf.recalc.cpu.median) : 'skipped',
        hf ? ms(hf.engineEdit.cpu.median) : '-',
        hf ? times(hf.ratio) : '-',
        hf ? (hf.equal ? 'yes' : 'NO') : '-',
      ].map(String);
    }),
  );
}

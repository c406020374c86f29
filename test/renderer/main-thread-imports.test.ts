// mathjs stays off the UI thread (the "mathjs off the UI thread"): the modules the
// renderer's main bundle pulls in, followed by esbuild from renderer/main.tsx, reach no
// mathjs; formulas are evaluated in the workers (renderer/sim.worker.ts, analysis.worker.ts),
// which are loaded through `new URL(...)` and so are not part of this graph.
import path from 'node:path';
import { buildSync } from 'esbuild';
import { describe, expect, it } from 'vitest';

const REPO = path.resolve(__dirname, '../..');

function mainThreadInputs(): string[] {
  const result = buildSync({
    entryPoints: [path.join(REPO, 'renderer/main.tsx')],
    bundle: true,
    write: false,
    metafile: true,
    outdir: path.join(REPO, 'out/test-main-thread'),
    format: 'esm',
    loader: { '.css': 'empty', '.svg': 'empty', '.png': 'empty' },
    logLevel: 'silent',
  });
  return Object.keys(result.metafile!.inputs);
}

describe('the renderer main thread', () => {
  it('imports no mathjs, and neither the resolver nor the formula module', () => {
    const inputs = mainThreadInputs();
    expect(inputs.some((f) => f.includes('renderer/App.tsx'))).toBe(true);
    expect(inputs.filter((f) => f.includes('node_modules/mathjs/'))).toEqual([]);
    expect(inputs.filter((f) => /shared\/(formula|resolve)\.ts$/.test(f))).toEqual([]);
  });
});

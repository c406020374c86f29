// Golden files: the exact `simulate --json` text (every scenario) of the shared plans, as
// the engine printed it when the files were written. A change to the engine that moves a
// penny, a flag or a month shows here as a differing byte.
//
// To rewrite them on purpose (after a change to the rules, reviewed), run:
//   HEADROOM_UPDATE_GOLDEN=1 npx vitest run --config test/vitest.config.ts test/core/golden.test.ts
// and review `git diff test/fixtures/golden`.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { simulate } from '../../shared/engine';
import { jsonText } from '../../shared/json-text';
import { parseMonth } from '../../shared/months';
import { simulationJson } from '../../shared/result-json';
import { validatePlan } from '../../shared/validate';
import { DEMO_PLAN_PATH } from '../fixtures';
import { referenceJson } from '../differential/reference';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));

const PLANS: Readonly<Record<string, string>> = {
  'wmvru-plan': DEMO_PLAN_PATH,
  'worked-example': fixture('worked-example.json'),
  'worked-example-actuals': fixture('worked-example-actuals.json'),
  'authoring-plan': fixture('authoring-plan.json'),
  // test/bench/generate.ts at 20 interventions × 120 months, 8 scenarios (one prudent) and a risk scenario.
  'bench-20x120': fixture('bench-20x120.json'),
  'decided-at-k': fixture('decided-at-k.json'),
};

const update = process.env.HEADROOM_UPDATE_GOLDEN === '1';

function load(path: string) {
  const validation = validatePlan(JSON.parse(readFileSync(path, 'utf8')));
  if (!validation.ok) throw new Error(`${path}: ${validation.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
  return validation;
}

/** What `headroom simulate PLAN --json` writes to stdout (bin.ts adds the newline). */
function simulateJsonText(path: string): string {
  const { plan, scenarios } = load(path);
  return `${jsonText(simulationJson(plan.name, scenarios.map(simulate)))}\n`;
}

describe('golden simulate --json', () => {
  for (const [name, path] of Object.entries(PLANS)) {
    it(`${name} is byte-identical`, () => {
      const golden = fixture(`golden/${name}.json`);
      const text = simulateJsonText(path);
      if (update) writeFileSync(golden, text);
      expect(existsSync(golden), `${golden} is missing: see this file's header`).toBe(true);
      const expected = readFileSync(golden, 'utf8');
      // A short message on a mismatch (the files run to thousands of lines): the first differing line.
      if (text !== expected) {
        const [a, b] = [text.split('\n'), expected.split('\n')];
        const line = a.findIndex((l, k) => l !== b[k]);
        expect(`line ${line + 1}: ${a[line]}`).toBe(`line ${line + 1}: ${b[line]}`);
      }
      expect(text).toBe(expected);
    });
  }
});

describe('a closure decided at K beside a look-ahead closure (plan-format.md §3.3)', () => {
  // 2022/23 has £100,000, known in February 2022. X's deadline (January 2022) comes before
  // it: nothing is known, so X gets notice. At K, W (£80,000) is funded and Y (£40,000) no
  // longer fits. Under wait over all three, X (£30,000) is funded, W does not fit and Y
  // does: the wait decision would have funded both X and Y, but only X's closure came from
  // the look-ahead.
  const { scenarios } = load(PLANS['decided-at-k']);
  const prudent = simulate(scenarios.find((s) => s.id === 'prudent')!);
  const wait = simulate(scenarios[0]);
  const outcome = (id: string) => prudent.interventions.find((r) => r.id === id)!;

  it('under wait, W closes and X and Y are funded', () => {
    expect(wait.interventions.map((r) => [r.id, r.outcome])).toEqual([
      ['x', 'continues'],
      ['w', 'closes'],
      ['y', 'continues'],
    ]);
  });

  it('the look-ahead closure is avoidable, the one decided at K is not', () => {
    expect(outcome('x')).toMatchObject({ outcome: 'closes', decidedAt: 'look-ahead', avoidable: true, lastMonth: parseMonth('2022-03') });
    expect(outcome('w').outcome).toBe('continues');
    expect(outcome('y')).toMatchObject({ outcome: 'closes', decidedAt: 'confirmation', avoidable: false });
    expect(prudent.totals).toMatchObject({ closures: 2, avoidableClosures: 1, usersLosingSupportAvoidably: 40 });
  });

  it('the reference reading of the spec agrees', () => {
    const reference = referenceJson(JSON.parse(readFileSync(PLANS['decided-at-k'], 'utf8'))).scenarios[1];
    const avoidable = Object.fromEntries(reference.interventions.map((r) => [r.id, [r.outcome, r.avoidable]]));
    expect(avoidable).toEqual({ x: ['closes', true], w: ['continues', false], y: ['closes', false] });
  });
});

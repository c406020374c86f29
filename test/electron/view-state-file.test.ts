// Each document's view state in the app's settings (electron/view-state-file.ts): kept per
// document path, none for a document never looked at, a damaged file read as none.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_REMEMBERED, ViewStateFile } from '../../electron/view-state-file';
import type { ViewState } from '../../shared/view-state';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'headroom-view-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const state = (scenarioId: string): ViewState => ({
  screen: 'compare',
  scenarioId,
  compareIds: ['base', scenarioId],
  headlineFy: 2021,
  riskScenarioId: null,
  risk: {},
});

describe('the view state file', () => {
  it('keeps one state per document; an old document has none', () => {
    const file = new ViewStateFile(path.join(dir, 'a.json'));
    expect(file.get('/plans/one.headroom')).toBeNull();
    file.set('/plans/one.headroom', state('cut'));
    file.set('/plans/two.headroom', state('no-grant'));
    expect(new ViewStateFile(file.file).get('/plans/one.headroom')).toEqual(state('cut'));
    expect(file.get('/plans/two.headroom')?.scenarioId).toBe('no-grant');
  });

  it('forgets the least recently kept beyond its cap, and reads a damaged file as none', () => {
    const file = new ViewStateFile(path.join(dir, 'b.json'));
    for (let i = 0; i <= MAX_REMEMBERED; i++) file.set(`/plans/${i}.headroom`, state(`s${i}`));
    expect(file.get('/plans/0.headroom')).toBeNull();
    expect(file.get(`/plans/${MAX_REMEMBERED}.headroom`)?.scenarioId).toBe(`s${MAX_REMEMBERED}`);
    fs.writeFileSync(file.file, '{not json');
    expect(file.get('/plans/1.headroom')).toBeNull();
    fs.writeFileSync(file.file, JSON.stringify({ version: 1, documents: { '/x': { screen: 'nowhere' } } }));
    expect(file.get('/x')).toBeNull();
  });
});

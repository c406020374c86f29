// Where main and the harness put a new plan: decisions tested with Electron mocked.
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({ dialog: {} }));

import { chooseNewPlanFile, freePlanFile } from '../../electron/new-plan';

describe('chooseNewPlanFile', () => {
  const win = { id: 1 } as never;

  it('asks over the window with the plan’s name, refusing to replace silently', async () => {
    const showSaveDialog = vi.fn(async () => ({ canceled: false, filePath: '/plans/Our unit.headroom' }));
    expect(await chooseNewPlanFile({ showSaveDialog } as never, win, 'Our: unit')).toBe('/plans/Our unit.headroom');
    expect(showSaveDialog).toHaveBeenCalledWith(win, {
      title: 'New plan',
      defaultPath: 'Our unit.headroom',
      filters: [{ name: 'Headroom plan', extensions: ['headroom'] }],
      properties: ['showOverwriteConfirmation', 'createDirectory'],
    });
  });

  it('adds .headroom to a bare name and answers null when cancelled', async () => {
    const bare = vi.fn(async () => ({ canceled: false, filePath: '/plans/Ours' }));
    expect(await chooseNewPlanFile({ showSaveDialog: bare } as never, null, 'Ours')).toBe('/plans/Ours.headroom');
    expect(bare).toHaveBeenCalledWith(expect.objectContaining({ defaultPath: 'Ours.headroom' }));
    const cancelled = vi.fn(async () => ({ canceled: true, filePath: '' }));
    expect(await chooseNewPlanFile({ showSaveDialog: cancelled } as never, win, 'Ours')).toBeNull();
  });
});

describe('freePlanFile', () => {
  it('takes the plan’s name, then "Name 2", "Name 3"…', () => {
    const taken = new Set([path.join('/d', 'Our unit.headroom'), path.join('/d', 'Our unit 2.headroom')]);
    expect(freePlanFile('/d', 'Our unit', (f) => taken.has(f))).toBe(path.join('/d', 'Our unit 3.headroom'));
    expect(freePlanFile('/d', 'Other', (f) => taken.has(f))).toBe(path.join('/d', 'Other.headroom'));
    expect(freePlanFile('/d', '../..', () => false)).toBe(path.join('/d', 'Plan.headroom'));
  });
});

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => {
  throw new Error('electron/window-state.ts must not import electron at runtime');
});

import {
  boundsFor,
  clampBounds,
  loadWindowState,
  recentDocuments,
  rememberBounds,
  saveWindowState,
  type Rect,
  type WindowState,
} from '../../electron/window-state';

const laptop = { workArea: { x: 0, y: 0, width: 1440, height: 875 } };
const rightMonitor = { workArea: { x: 1440, y: -200, width: 2560, height: 1400 } };

const inside = (r: Rect, area: Rect) =>
  r.x >= area.x && r.y >= area.y && r.x + r.width <= area.x + area.width && r.y + r.height <= area.y + area.height;

describe('clampBounds', () => {
  it('keeps a window that is fully on a connected display', () => {
    const saved = { x: 1600, y: 0, width: 1200, height: 800 };
    expect(clampBounds(saved, [laptop, rightMonitor])).toEqual(saved);
  });

  it('centres a window saved on a monitor that is no longer connected on the primary display', () => {
    const result = clampBounds({ x: 2000, y: 100, width: 1200, height: 800 }, [laptop]);
    expect(result).toEqual({ x: 120, y: 37, width: 1200, height: 800 });
  });

  it('pulls a partly off-screen window fully onto the display it mostly overlaps', () => {
    const result = clampBounds({ x: 1000, y: 500, width: 1000, height: 700 }, [laptop]);
    expect(result).toEqual({ x: 440, y: 175, width: 1000, height: 700 });
  });

  it('picks the display with the largest overlap', () => {
    const result = clampBounds({ x: 1300, y: 100, width: 1000, height: 700 }, [laptop, rightMonitor]);
    expect(inside(result, rightMonitor.workArea)).toBe(true);
    expect(result).toMatchObject({ x: 1440, y: 100 });
  });

  it('shrinks a window larger than its display', () => {
    const result = clampBounds({ x: 0, y: 0, width: 3000, height: 2000 }, [laptop]);
    expect(result).toEqual({ x: 0, y: 0, width: 1440, height: 875 });
  });

  it('centres a size-only record, and handles negative-origin displays', () => {
    const left = { workArea: { x: -1920, y: 0, width: 1920, height: 1080 } };
    expect(clampBounds({ width: 1000, height: 600 }, [left, laptop])).toEqual({ x: -1460, y: 240, width: 1000, height: 600 });
    expect(clampBounds({ x: -1000, y: 50, width: 800, height: 600 }, [laptop, left])).toEqual({
      x: -1000,
      y: 50,
      width: 800,
      height: 600,
    });
  });

  it('returns whole pixels', () => {
    const result = clampBounds({ x: 10.6, y: 20.2, width: 900.5, height: 600.4 }, [laptop]);
    expect(Object.values(result).every(Number.isInteger)).toBe(true);
  });
});

describe('window state file', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'headroom-winstate-'));
    file = path.join(dir, 'nested', 'window-state.json');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('round-trips through save and load, leaving no temporary file', () => {
    let state: WindowState = { version: 1, documents: {} };
    state = rememberBounds(state, '/plans/a.headroom', { x: 1, y: 2, width: 1000, height: 700 });
    state = rememberBounds(state, '/plans/b.headroom', { x: 3, y: 4, width: 1100, height: 720 });
    saveWindowState(file, state);
    expect(loadWindowState(file)).toEqual(state);
    expect(fs.readdirSync(path.dirname(file))).toEqual(['window-state.json']);
  });

  it('replaces the previous file atomically (rename over it)', () => {
    saveWindowState(file, rememberBounds({ version: 1, documents: {} }, '/a', { x: 0, y: 0, width: 900, height: 600 }));
    const renameSpy = vi.spyOn(fs, 'renameSync');
    saveWindowState(file, rememberBounds({ version: 1, documents: {} }, '/b', { x: 0, y: 0, width: 900, height: 600 }));
    expect(renameSpy).toHaveBeenCalledOnce();
    expect(renameSpy.mock.calls[0][0]).toMatch(/\.tmp$/);
    expect(renameSpy.mock.calls[0][1]).toBe(file);
    renameSpy.mockRestore();
    expect(Object.keys(loadWindowState(file).documents)).toEqual(['/b']);
  });

  it('keeps the old file and removes the temporary one when the write fails', () => {
    saveWindowState(file, rememberBounds({ version: 1, documents: {} }, '/a', { x: 0, y: 0, width: 900, height: 600 }));
    const before = fs.readFileSync(file, 'utf8');
    const renameSpy = vi.spyOn(fs, 'renameSync').mockImplementation(() => {
      throw new Error('disk full');
    });
    expect(() => saveWindowState(file, { version: 1, documents: {} })).toThrow('disk full');
    renameSpy.mockRestore();
    expect(fs.readFileSync(file, 'utf8')).toBe(before);
    expect(fs.readdirSync(path.dirname(file))).toEqual(['window-state.json']);
  });

  it('treats a missing, corrupt or foreign file as empty', () => {
    expect(loadWindowState(file)).toEqual({ version: 1, documents: {} });
    fs.mkdirSync(path.dirname(file), { recursive: true });
    for (const text of ['{not json', 'null', '[]', '{"documents": 5}']) {
      fs.writeFileSync(file, text);
      expect(loadWindowState(file)).toEqual({ version: 1, documents: {} });
    }
  });

  it('drops invalid entries and cannot be used to pollute prototypes', () => {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const good = { x: 1, y: 2, width: 900, height: 600 };
    fs.writeFileSync(
      file,
      `{"documents": {
        "/ok": {"x": 1, "y": 2, "width": 900, "height": 600, "extra": "ignored"},
        "/nan": {"x": "a", "y": 2, "width": 900, "height": 600},
        "/zero": {"x": 0, "y": 0, "width": 0, "height": 600},
        "/short": {"x": 0, "y": 0},
        "__proto__": {"x": 1, "y": 2, "width": 900, "height": 600, "polluted": true}
      }}`,
    );
    const state = loadWindowState(file);
    expect(Object.keys(state.documents).sort()).toEqual(['/ok', '__proto__']);
    expect(state.documents['/ok']).toEqual(good);
    expect(Object.getPrototypeOf(state.documents)).toBe(Object.prototype);
    expect((state.documents as Record<string, unknown>).polluted).toBeUndefined();
    expect(boundsFor(state, 'toString')).toBeUndefined();
    expect(boundsFor(state, '/ok')).toEqual(good);
  });
});

describe('remembered documents', () => {
  const r = { x: 0, y: 0, width: 900, height: 600 };

  it('orders by last use and moves a reopened plan to the front', () => {
    let state: WindowState = { version: 1, documents: {} };
    for (const doc of ['/a', '/b', '/c', '/a']) state = rememberBounds(state, doc, r);
    expect(recentDocuments(state)).toEqual(['/a', '/c', '/b']);
    expect(recentDocuments(state, 2)).toEqual(['/a', '/c']);
  });

  it('forgets the least recently used beyond the limit', () => {
    let state: WindowState = { version: 1, documents: {} };
    for (let i = 0; i < 5; i++) state = rememberBounds(state, `/p${i}`, r, 3);
    expect(Object.keys(state.documents)).toEqual(['/p2', '/p3', '/p4']);
  });

  it('does not mutate the state it was given', () => {
    const state: WindowState = { version: 1, documents: { '/a': r } };
    rememberBounds(state, '/b', r);
    expect(state.documents).toEqual({ '/a': r });
  });
});

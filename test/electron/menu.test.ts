import { describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';

vi.mock('electron', () => {
  throw new Error('electron/menu.ts must not import electron at runtime');
});

import { menuTemplate, type MenuActions } from '../../electron/menu';

function fakeActions(): MenuActions {
  return {
    newPlan: vi.fn(),
    open: vi.fn(),
    openRecent: vi.fn(),
    saveAs: vi.fn(),
    importJson: vi.fn(),
    exportJson: vi.fn(),
    undo: vi.fn(),
    redo: vi.fn(),
  };
}

const plain = (label?: string) => label?.replace('&', '');

function submenu(item: MenuItemConstructorOptions | undefined): MenuItemConstructorOptions[] {
  expect(Array.isArray(item?.submenu)).toBe(true);
  return item!.submenu as MenuItemConstructorOptions[];
}

function top(template: MenuItemConstructorOptions[], label: string) {
  return submenu(template.find((m) => plain(m.label) === label));
}

function item(items: MenuItemConstructorOptions[], label: string) {
  const found = items.find((i) => i.label === label);
  expect(found, `menu item "${label}"`).toBeDefined();
  return found!;
}

function click(i: MenuItemConstructorOptions) {
  // Electron passes (menuItem, window, event); the template's callbacks ignore them.
  (i.click as () => void)();
}

const linux = { platform: 'linux' as const, recent: [] };
const mac = { platform: 'darwin' as const, recent: [] };

describe('menuTemplate', () => {
  it('has File, Edit, View and Help, with Alt access keys off macOS', () => {
    expect(menuTemplate(fakeActions(), linux).map((m) => m.label)).toEqual(['&File', '&Edit', '&View', '&Help']);
    const macLabels = menuTemplate(fakeActions(), mac).map((m) => m.label ?? m.role);
    expect(macLabels).toEqual(['appMenu', 'File', 'Edit', 'View', 'windowMenu', 'Help']);
  });

  it.each([
    ['New Plan', 'CmdOrCtrl+N', 'newPlan'],
    ['Open…', 'CmdOrCtrl+O', 'open'],
    ['Save As…', 'CmdOrCtrl+Shift+S', 'saveAs'],
    ['Import JSON…', undefined, 'importJson'],
    ['Export JSON…', undefined, 'exportJson'],
  ] as const)('File > %s has accelerator %s and calls actions.%s', (label, accelerator, action) => {
    const actions = fakeActions();
    const entry = item(top(menuTemplate(actions, linux), 'File'), label);
    expect(entry.accelerator).toBe(accelerator);
    click(entry);
    expect(actions[action]).toHaveBeenCalledOnce();
    const others = Object.entries(actions).filter(([name]) => name !== action);
    for (const [, fn] of others) expect(fn).not.toHaveBeenCalled();
  });

  it('ends File with Quit off macOS and Close on macOS', () => {
    expect(top(menuTemplate(fakeActions(), linux), 'File').at(-1)?.role).toBe('quit');
    expect(top(menuTemplate(fakeActions(), mac), 'File').at(-1)?.role).toBe('close');
  });

  it('lists recent plans, each opening its own path', () => {
    const actions = fakeActions();
    const recent = ['/plans/a.headroom', '/plans/b.headroom'];
    const items = submenu(item(top(menuTemplate(actions, { ...linux, recent }), 'File'), 'Open Recent'));
    expect(items.map((i) => i.label)).toEqual(recent);
    click(items[1]);
    expect(actions.openRecent).toHaveBeenCalledExactlyOnceWith('/plans/b.headroom');
  });

  it('shows a disabled placeholder when there are no recent plans, and at most 10', () => {
    const none = submenu(item(top(menuTemplate(fakeActions(), linux), 'File'), 'Open Recent'));
    expect(none).toEqual([{ label: 'No recent plans', enabled: false }]);
    const many = Array.from({ length: 15 }, (_, i) => `/p/${i}.headroom`);
    const items = submenu(item(top(menuTemplate(fakeActions(), { ...linux, recent: many }), 'File'), 'Open Recent'));
    expect(items).toHaveLength(10);
  });

  it('wires Undo to Ctrl+Z and Redo to Ctrl+Y off macOS, Shift+Cmd+Z on macOS', () => {
    const actions = fakeActions();
    const edit = top(menuTemplate(actions, linux), 'Edit');
    expect(item(edit, 'Undo').accelerator).toBe('CmdOrCtrl+Z');
    expect(item(edit, 'Redo').accelerator).toBe('Ctrl+Y');
    click(item(edit, 'Undo'));
    click(item(edit, 'Redo'));
    expect(actions.undo).toHaveBeenCalledOnce();
    expect(actions.redo).toHaveBeenCalledOnce();
    expect(item(top(menuTemplate(actions, mac), 'Edit'), 'Redo').accelerator).toBe('Shift+Cmd+Z');
    expect(edit.map((i) => i.role).filter(Boolean)).toEqual(['cut', 'copy', 'paste', 'selectAll']);
  });

  it('offers Reload and Developer Tools only in development', () => {
    const roles = (dev: boolean) => top(menuTemplate(fakeActions(), { ...linux, dev }), 'View').map((i) => i.role);
    expect(roles(false)).not.toContain('reload');
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(false)).toEqual(expect.arrayContaining(['resetZoom', 'zoomIn', 'zoomOut']));
    expect(roles(true)).toEqual(expect.arrayContaining(['reload', 'toggleDevTools', 'zoomIn']));
  });

  it('has About in Help', () => {
    expect(top(menuTemplate(fakeActions(), linux), 'Help').map((i) => i.role)).toContain('about');
  });
});

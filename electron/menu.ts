// The application menu as plain data; main.ts passes the result to Menu.buildFromTemplate.
import type { MenuItemConstructorOptions } from 'electron';

export interface MenuActions {
  newPlan(): void;
  open(): void;
  openRecent(filePath: string): void;
  saveAs(): void;
  importJson(): void;
  exportJson(): void;
  undo(): void;
  redo(): void;
}

export interface MenuOptions {
  platform: NodeJS.Platform;
  recent: readonly string[];
  /** Development build: adds Reload and Developer Tools. */
  dev?: boolean;
}

const MAX_RECENT = 10;

function recentSubmenu(actions: MenuActions, recent: readonly string[]): MenuItemConstructorOptions[] {
  if (recent.length === 0) return [{ label: 'No recent plans', enabled: false }];
  return recent.slice(0, MAX_RECENT).map((filePath) => ({
    label: filePath,
    click: () => actions.openRecent(filePath),
  }));
}

export function menuTemplate(actions: MenuActions, opts: MenuOptions): MenuItemConstructorOptions[] {
  const mac = opts.platform === 'darwin';
  const sep: MenuItemConstructorOptions = { type: 'separator' };
  // `&` marks the Alt access key on Windows and Linux; macOS has no access keys.
  const top = (name: string) => (mac ? name : `&${name}`);

  const file: MenuItemConstructorOptions = {
    label: top('File'),
    submenu: [
      { label: 'New Plan', accelerator: 'CmdOrCtrl+N', click: () => actions.newPlan() },
      { label: 'Open…', accelerator: 'CmdOrCtrl+O', click: () => actions.open() },
      { label: 'Open Recent', submenu: recentSubmenu(actions, opts.recent) },
      sep,
      { label: 'Save As…', accelerator: 'CmdOrCtrl+Shift+S', click: () => actions.saveAs() },
      sep,
      { label: 'Import JSON…', click: () => actions.importJson() },
      { label: 'Export JSON…', click: () => actions.exportJson() },
      sep,
      // macOS keeps Quit in the app menu; elsewhere File ends with Quit.
      mac ? { role: 'close' } : { role: 'quit' },
    ],
  };

  const edit: MenuItemConstructorOptions = {
    label: top('Edit'),
    submenu: [
      // Plan-level undo (the plan store's history), not the text field's.
      { label: 'Undo', accelerator: 'CmdOrCtrl+Z', click: () => actions.undo() },
      { label: 'Redo', accelerator: mac ? 'Shift+Cmd+Z' : 'Ctrl+Y', click: () => actions.redo() },
      sep,
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
    ],
  };

  const view: MenuItemConstructorOptions = {
    label: top('View'),
    submenu: [
      ...(opts.dev ? ([{ role: 'reload' }, { role: 'toggleDevTools' }, sep] as MenuItemConstructorOptions[]) : []),
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      sep,
      { role: 'togglefullscreen' },
    ],
  };

  const help: MenuItemConstructorOptions = {
    label: top('Help'),
    role: 'help',
    submenu: [{ role: 'about', label: 'About Headroom' }],
  };

  return [
    ...(mac ? [{ role: 'appMenu' } as MenuItemConstructorOptions] : []),
    file,
    edit,
    view,
    ...(mac ? [{ role: 'windowMenu' } as MenuItemConstructorOptions] : []),
    help,
  ];
}

// Electron main process: wiring only. Every decision it makes lives in a tested module.
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  nativeTheme,
  protocol,
  screen,
  session,
  shell,
  type WebContents,
} from 'electron';
import type { Handlers } from '../shared/ipc';
import { registerIpc } from './ipc-main';
import { menuTemplate, type MenuActions } from './menu';
import {
  APP_ORIGIN,
  APP_SCHEME,
  CONTENT_SECURITY_POLICY,
  denyPermissionCheck,
  denyPermissionRequest,
  isAllowedExternalUrl,
  isAllowedNavigation,
  resolveAppUrl,
  windowOptions,
} from './security';
import {
  boundsFor,
  clampBounds,
  loadWindowState,
  recentDocuments,
  rememberBounds,
  saveWindowState,
  type Rect,
} from './window-state';

const PLAN_EXTENSION = '.headroom';
// Built layout: out/main/main.js, out/preload/preload.js, out/renderer/index.html.
const bundleDir = path.join(__dirname, '../renderer');
const preloadPath = path.join(__dirname, '../preload/preload.js');

/**
 * The IPC handlers for the window that sent a call. Until the plan store lands, only
 * getAppInfo answers; the store will look up the sender's document here.
 */
function handlersFor(_sender: WebContents): Handlers {
  const notYet = (): never => {
    throw new Error('The plan store is not wired into the desktop app yet');
  };
  return {
    getAppInfo: () => ({ version: app.getVersion(), shell: 'electron' }),
    getPlan: notYet,
    applyEdit: notYet,
    undo: notYet,
    redo: notYet,
    importPlanJson: notYet,
    exportPlanJson: notYet,
    exportComparison: notYet,
  };
}

// Before 'ready': makes headroom://app a secure, standard origin so 'self', fetch and storage work.
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);
app.enableSandbox();

/** One window per plan file; untitled plans have no entry. */
const documentWindows = new Map<string, BrowserWindow>();
let windowState = loadWindowState(stateFile());

function stateFile(): string {
  return path.join(app.getPath('userData'), 'window-state.json');
}

const securityHeaders = (contentType: string) => ({
  'Content-Type': contentType,
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
});

export async function serveApp(request: Request): Promise<Response> {
  if (request.method !== 'GET') return new Response(null, { status: 405, headers: securityHeaders('text/plain') });
  const file = resolveAppUrl(request.url, bundleDir);
  if (file.status !== 200) {
    return new Response('Not found', { status: 404, headers: securityHeaders('text/plain; charset=utf-8') });
  }
  return new Response(await readFile(file.filePath), { status: 200, headers: securityHeaders(file.mimeType) });
}

/** Applied to every webContents the app ever creates. */
export function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => {
    if (!isAllowedNavigation(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAllowedNavigation(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
}

function persistWindowState(): void {
  try {
    saveWindowState(stateFile(), windowState);
  } catch (error) {
    console.error('Could not save window positions:', error);
  }
}

function rememberDocument(doc: string, bounds: Rect): void {
  windowState = rememberBounds(windowState, doc, bounds);
  persistWindowState();
}

function refreshMenu(): void {
  const options = { platform: process.platform, recent: recentDocuments(windowState), dev: !app.isPackaged };
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(menuActions, options)));
}

function createWindow(doc?: string): BrowserWindow {
  const saved = doc ? boundsFor(windowState, doc) : undefined;
  // Primary display first: clampBounds centres a window whose monitor has gone on displays[0].
  const displays = [screen.getPrimaryDisplay(), ...screen.getAllDisplays()];
  const bounds = saved && clampBounds(saved, displays);
  const win = new BrowserWindow(windowOptions({ preloadPath, bounds, dark: nativeTheme.shouldUseDarkColors }));
  win.once('ready-to-show', () => win.show());

  if (doc) {
    documentWindows.set(doc, win);
    app.addRecentDocument(doc);
    rememberDocument(doc, win.getBounds());
    refreshMenu();
    win.on('close', () => rememberDocument(doc, win.getNormalBounds()));
    win.on('closed', () => documentWindows.delete(doc));
  }
  void win.loadURL(`${APP_ORIGIN}/index.html`);
  return win;
}

function openDocument(file: string): void {
  const doc = path.resolve(file);
  const existing = documentWindows.get(doc);
  if (!existing) {
    createWindow(doc);
    return;
  }
  if (existing.isMinimized()) existing.restore();
  existing.focus();
}

async function chooseAndOpen(): Promise<void> {
  const result = await dialog.showOpenDialog({
    title: 'Open plan',
    properties: ['openFile', 'multiSelections'],
    filters: [{ name: 'Headroom plan', extensions: [PLAN_EXTENSION.slice(1)] }],
  });
  if (!result.canceled) result.filePaths.forEach(openDocument);
}

// Save As, import, export, undo and redo act on the open plan, which the plan store owns.
function notWiredYet(command: string): () => void {
  return () => console.warn(`Menu command "${command}" is not wired to the plan store yet`);
}

const menuActions: MenuActions = {
  newPlan: () => void createWindow(),
  open: () => void chooseAndOpen(),
  openRecent: openDocument,
  saveAs: notWiredYet('saveAs'),
  importJson: notWiredYet('importJson'),
  exportJson: notWiredYet('exportJson'),
  undo: notWiredYet('undo'),
  redo: notWiredYet('redo'),
};

function planFromArgv(argv: readonly string[], cwd: string): string | undefined {
  const arg = argv.slice(1).find((a) => !a.startsWith('-') && a.toLowerCase().endsWith(PLAN_EXTENSION));
  return arg && path.resolve(cwd, arg);
}

// macOS delivers double-clicked files before 'ready'; keep them until windows can open.
const pendingFiles: string[] = [];
app.on('open-file', (event, file) => {
  event.preventDefault();
  if (app.isReady()) openDocument(file);
  else pendingFiles.push(file);
});

app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', (_event, argv, workingDirectory) => {
    const doc = planFromArgv(argv, workingDirectory);
    if (doc) openDocument(doc);
    else createWindow();
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });

  void app.whenReady().then(() => {
    session.defaultSession.setPermissionRequestHandler(denyPermissionRequest);
    session.defaultSession.setPermissionCheckHandler(denyPermissionCheck);
    protocol.handle(APP_SCHEME, serveApp);
    registerIpc(ipcMain, handlersFor);
    refreshMenu();

    const fromArgv = planFromArgv(process.argv, process.cwd());
    const docs = [...pendingFiles.splice(0), ...(fromArgv ? [fromArgv] : [])];
    if (docs.length === 0) createWindow();
    else docs.forEach(openDocument);
  });
}

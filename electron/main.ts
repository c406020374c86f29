// Electron main process: wiring only. Every decision it makes lives in a tested module.
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import { app, BrowserWindow, dialog, ipcMain, Menu, nativeTheme, protocol, screen, session, shell, type WebContents } from 'electron';
import type { Handlers } from '../shared/ipc';
import { MENU_CHANNEL, type MenuCommand } from '../shared/api-methods';
import { createHandlers } from './handlers';
import { VIEW_STATE_FILE, ViewStateFile } from './view-state-file';
import { registerIpc } from './ipc-main';
import { briefingPrintOptions } from './export/pdf';
import { fileNameFor } from '../shared/file-name';
import { planJsonText } from '../shared/json-text';
import { writeFileAtomic } from './atomic-file';
import { printInWindow } from './print-window';
import { chooseNewPlanFile, PLAN_EXTENSION, PLAN_FILE } from './new-plan';
import { DocumentSession, openInitialDocument, WINDOW_STATE_FILE } from './session';
import { PlanDocument } from './store/plan-document';
import { menuTemplate, type MenuActions } from './menu';
import {
  APP_ORIGIN,
  APP_SCHEME,
  CONTENT_SECURITY_POLICY,
  denyPermissionCheck,
  denyPermissionRequest,
  isAllowedExternalUrl,
  isAllowedNavigation,
  printWindowOptions,
  resolveAppUrl,
  windowOptions,
} from './security';
import { saveDialogOptions } from './dialogs';
import { boundsFor, clampBounds, loadWindowState, recentDocuments, rememberBounds, saveWindowState, type Rect } from './window-state';

// Built layout: out/main/main.js, out/preload/preload.js, out/renderer/index.html.
const bundleDir = path.join(__dirname, '../renderer');
const preloadPath = path.join(__dirname, '../preload/preload.js');

/** Each window's open plan document, by its webContents id. */
const sessions = new Map<number, { session: DocumentSession; handlers: Handlers }>();

/** The IPC handlers for the window that sent a call: they act on that window's document. */
function handlersFor(sender: WebContents): Handlers {
  const entry = sessions.get(sender.id);
  if (!entry) throw new Error('This window has no plan open');
  return entry.handlers;
}

// Before 'ready': makes headroom://app a secure, standard origin so 'self', fetch and storage work.
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
app.enableSandbox();

/** One window per plan file; untitled plans have no entry. */
const documentWindows = new Map<string, BrowserWindow>();
let windowState = loadWindowState(stateFile());
/** Each document's view state (screen, scenarios, Compare ticks, risk results), in the app's settings. */
const viewStates = new ViewStateFile(path.join(app.getPath('userData'), VIEW_STATE_FILE));

function stateFile(): string {
  return path.join(app.getPath('userData'), WINDOW_STATE_FILE);
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

/** Briefing PDFs: printed in a hidden, sandboxed window with no preload and no JavaScript. */
export function printBriefingPdf(html: string): Promise<Buffer> {
  return printInWindow(html, () => new BrowserWindow(printWindowOptions()), briefingPrintOptions());
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

/** The window now shows `doc` (opened, made by New plan, or saved under another name). */
function showsDocument(win: BrowserWindow, doc: string): void {
  forgetWindow(win);
  documentWindows.set(doc, win);
  app.addRecentDocument(doc);
  rememberDocument(doc, win.getBounds());
  refreshMenu();
}

function forgetWindow(win: BrowserWindow): void {
  for (const [doc, shown] of documentWindows) if (shown === win) documentWindows.delete(doc);
}

function createWindow(session: DocumentSession): BrowserWindow {
  const doc = session.document.info().path;
  const saved = boundsFor(windowState, doc);
  // Primary display first: clampBounds centres a window whose monitor has gone on displays[0].
  const displays = [screen.getPrimaryDisplay(), ...screen.getAllDisplays()];
  const bounds = saved && clampBounds(saved, displays);
  const win = new BrowserWindow(windowOptions({ preloadPath, bounds, dark: nativeTheme.shouldUseDarkColors }));
  const contentsId = win.webContents.id;
  const newPlanPath = (name: string) => chooseNewPlanFile(dialog, win, name);
  const handlers = createHandlers(session, 'electron', printBriefingPdf, viewStates, newPlanPath);
  sessions.set(contentsId, {
    session,
    handlers: {
      ...handlers,
      // New plan (and a snapshot restored) opens the new document in this window: the window now holds that file.
      createPlan: async (answers) => {
        const result = await handlers.createPlan(answers);
        if (result.ok) showsDocument(win, session.document.info().path);
        return result;
      },
      restoreSnapshot: async (ref) => {
        const result = await handlers.restoreSnapshot(ref);
        if (result.ok) showsDocument(win, session.document.info().path);
        return result;
      },
    },
  });
  win.once('ready-to-show', () => win.show());
  showsDocument(win, doc);
  win.on('close', () => rememberDocument(session.document.info().path, win.getNormalBounds()));
  win.on('closed', () => {
    forgetWindow(win);
    sessions.delete(contentsId);
    session.close();
  });
  void win.loadURL(`${APP_ORIGIN}/index.html`);
  return win;
}

/** Opens a plan, or says plainly why it cannot be opened (the file is left as it was). */
async function withSession(open: () => Promise<DocumentSession> | DocumentSession): Promise<void> {
  try {
    createWindow(await open());
  } catch (error) {
    dialog.showErrorBox('Headroom could not open the plan', (error as Error).message);
  }
}

function openDocument(file: string): void {
  const doc = path.resolve(file);
  const existing = documentWindows.get(doc);
  if (!existing) {
    void withSession(async () => new DocumentSession(await PlanDocument.open(doc)));
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

/** The focused window and its document, for menu commands. */
function focused(): { win: BrowserWindow; session: DocumentSession } | null {
  const win = BrowserWindow.getFocusedWindow();
  const entry = win && sessions.get(win.webContents.id);
  return win && entry ? { win, session: entry.session } : null;
}

function tell(win: BrowserWindow, command: MenuCommand): void {
  win.webContents.send(MENU_CHANNEL, command);
}

/** The page asks the guided start's questions, then creates the plan through createPlan. */
function newPlan(): void {
  const target = focused();
  if (target) tell(target.win, 'newPlan');
}

async function saveAs(): Promise<void> {
  const target = focused();
  if (!target) return;
  const result = await dialog.showSaveDialog(
    target.win,
    saveDialogOptions('Save plan as', target.session.document.info().fileName, PLAN_FILE),
  );
  if (result.canceled || !result.filePath) return;
  try {
    await target.session.document.saveAs(result.filePath);
    showsDocument(target.win, target.session.document.info().path);
    tell(target.win, 'reload');
  } catch (error) {
    dialog.showErrorBox('Save As failed; the plan is unchanged', (error as Error).message);
  }
}

async function importJson(): Promise<void> {
  const target = focused();
  if (!target) return;
  const result = await dialog.showOpenDialog(target.win, {
    title: 'Import plan (JSON)',
    properties: ['openFile'],
    filters: [{ name: 'Plan JSON', extensions: ['json'] }],
  });
  if (result.canceled || result.filePaths.length === 0) return;
  const outcome = await sessions.get(target.win.webContents.id)!.handlers.importPlanJson(await readFile(result.filePaths[0], 'utf8'));
  if (outcome.ok) tell(target.win, 'reload');
  else
    dialog.showErrorBox(
      'The plan was not imported; nothing changed',
      outcome.problems
        .map((p) => `${p.path}: ${p.message}`)
        .slice(0, 30)
        .join('\n'),
    );
}

async function exportJson(): Promise<void> {
  const target = focused();
  if (!target) return;
  // The plan being looked at: a snapshot's frozen plan while one is open.
  const plan = target.session.plan();
  const result = await dialog.showSaveDialog(
    target.win,
    saveDialogOptions('Export plan (JSON)', fileNameFor(plan.name, '.json'), { name: 'Plan JSON', extensions: ['json'] }),
  );
  if (result.canceled || !result.filePath) return;
  try {
    writeFileAtomic(result.filePath, planJsonText(plan));
  } catch (error) {
    dialog.showErrorBox('Export failed', (error as Error).message);
  }
}

const menuActions: MenuActions = {
  newPlan,
  open: () => void chooseAndOpen(),
  openRecent: openDocument,
  saveAs: () => void saveAs(),
  importJson: () => void importJson(),
  exportJson: () => void exportJson(),
  // The page runs undo and redo itself, so it can refresh what it shows.
  undo: () => {
    const target = focused();
    if (target) tell(target.win, 'undo');
  },
  redo: () => {
    const target = focused();
    if (target) tell(target.win, 'redo');
  },
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
    else void withSession(() => openInitialDocument(app.getPath('userData')));
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) void withSession(() => openInitialDocument(app.getPath('userData')));
  });

  void app.whenReady().then(() => {
    session.defaultSession.setPermissionRequestHandler(denyPermissionRequest);
    session.defaultSession.setPermissionCheckHandler(denyPermissionCheck);
    protocol.handle(APP_SCHEME, serveApp);
    registerIpc(ipcMain, handlersFor);
    refreshMenu();

    const fromArgv = planFromArgv(process.argv, process.cwd());
    const docs = [...pendingFiles.splice(0), ...(fromArgv ? [fromArgv] : [])];
    if (docs.length === 0) void withSession(() => openInitialDocument(app.getPath('userData')));
    else docs.forEach(openDocument);
  });
}

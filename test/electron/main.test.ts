// Drives electron/main.ts against a fake Electron, to check the wiring the pure modules cannot.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

type Listener = (...args: any[]) => any;

const fake = vi.hoisted(() => {
  const listeners = (target: Map<string, Listener[]>) =>
    vi.fn((event: string, fn: Listener) => {
      target.set(event, [...(target.get(event) ?? []), fn]);
    });
  const emit = (target: Map<string, Listener[]>, event: string, ...args: unknown[]) =>
    (target.get(event) ?? []).forEach((fn) => fn(...args));

  let markReady!: () => void;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  const appEvents = new Map<string, Listener[]>();
  const env = { userData: '', isReady: false };

  class FakeBrowserWindow {
    static all: FakeBrowserWindow[] = [];
    /** Every window ever constructed, destroyed ones included. */
    static created: FakeBrowserWindow[] = [];
    static getAllWindows = () => FakeBrowserWindow.all;
    static getFocusedWindow = () => undefined;
    static nextId = 0;
    events = new Map<string, Listener[]>();
    webContents = {
      id: ++FakeBrowserWindow.nextId,
      send: vi.fn(),
      printToPDF: vi.fn(async (_options: unknown) => Buffer.from('%PDF-1.7 fake')),
    };
    destroyed = false;
    destroy = vi.fn(() => {
      this.destroyed = true;
      FakeBrowserWindow.all = FakeBrowserWindow.all.filter((w) => w !== this);
    });
    isDestroyed = () => this.destroyed;
    on = listeners(this.events);
    once = listeners(this.events);
    loadURL = vi.fn(async () => undefined);
    show = vi.fn();
    focus = vi.fn();
    restore = vi.fn();
    isMinimized = () => false;
    getBounds = () => ({ x: 10, y: 20, width: 1280, height: 800 });
    getNormalBounds = () => ({ x: 30, y: 40, width: 1111, height: 777 });
    options: Record<string, any>;
    constructor(options: Record<string, any>) {
      this.options = options;
      FakeBrowserWindow.all.push(this);
      FakeBrowserWindow.created.push(this);
    }
  }

  const display = { workArea: { x: 0, y: 0, width: 1920, height: 1080 } };
  const electron = {
    app: {
      on: listeners(appEvents),
      whenReady: () => ready,
      isReady: () => env.isReady,
      enableSandbox: vi.fn(),
      requestSingleInstanceLock: vi.fn(() => true),
      isPackaged: true,
      getPath: vi.fn(() => env.userData),
      getVersion: () => '0.1.0',
      quit: vi.fn(),
      addRecentDocument: vi.fn(),
    },
    BrowserWindow: FakeBrowserWindow,
    dialog: { showOpenDialog: vi.fn(), showSaveDialog: vi.fn(), showErrorBox: vi.fn() },
    ipcMain: { handle: vi.fn() },
    Menu: { buildFromTemplate: vi.fn((template: unknown) => template), setApplicationMenu: vi.fn() },
    nativeTheme: { shouldUseDarkColors: false },
    protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
    screen: { getPrimaryDisplay: () => display, getAllDisplays: () => [display] },
    session: { defaultSession: { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() } },
    shell: { openExternal: vi.fn(async () => undefined) },
  };
  return { electron, env, appEvents, emit, FakeBrowserWindow, markReady };
});

vi.mock('electron', () => fake.electron);

import { API_METHODS } from '../../shared/ipc';
import { briefingPrintOptions } from '../../electron/export/pdf';
import { htmlDataUrl } from '../../electron/print-window';
import {
  CONTENT_SECURITY_POLICY,
  denyPermissionCheck,
  denyPermissionRequest,
  printWindowOptions,
  windowOptions,
} from '../../electron/security';

const { electron, FakeBrowserWindow } = fake;
let main: typeof import('../../electron/main');

function fakeWebContents() {
  const events = new Map<string, Listener[]>();
  let openHandler: Listener = () => ({ action: 'allow' });
  return {
    events,
    on: vi.fn((event: string, fn: Listener) => events.set(event, [...(events.get(event) ?? []), fn])),
    setWindowOpenHandler: vi.fn((fn: Listener) => (openHandler = fn)),
    open: (url: string) => openHandler({ url }),
    fire(event: string, url?: string) {
      const e = { url, preventDefault: vi.fn() };
      fake.emit(events, event, e, url);
      return e.preventDefault;
    },
  };
}

beforeAll(async () => {
  fake.env.userData = fs.mkdtempSync(path.join(os.tmpdir(), 'headroom-main-'));
  main = await import('../../electron/main');
});

afterAll(() => fs.rmSync(fake.env.userData, { recursive: true, force: true }));

describe('before ready', () => {
  it('registers headroom:// as a standard, secure, fetch-capable scheme, with no extra privileges', () => {
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledExactlyOnceWith([
      { scheme: 'headroom', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
  });

  it('enables the sandbox for every renderer and opens no window yet', () => {
    expect(electron.app.enableSandbox).toHaveBeenCalledOnce();
    expect(electron.protocol.handle).not.toHaveBeenCalled();
    expect(FakeBrowserWindow.all).toHaveLength(0);
  });
});

describe('after ready', () => {
  beforeAll(async () => {
    fake.env.isReady = true;
    fake.markReady();
    // The first window opens once the demo plan's copy is in userData.
    await vi.waitFor(() => expect(FakeBrowserWindow.all).toHaveLength(1));
  });

  it('opens a copy of the demo plan in userData on a first run, and answers IPC from it', async () => {
    expect(fs.existsSync(path.join(fake.env.userData, 'Demo plan.headroom'))).toBe(true);
    const [win] = FakeBrowserWindow.all;
    const getPlan = electron.ipcMain.handle.mock.calls.find(([channel]) => channel === 'headroom:getPlan')![1] as Listener;
    const snapshot = await getPlan({ sender: win.webContents, senderFrame: { url: 'headroom://app/index.html' } });
    expect(snapshot.plan.name).toBe('West Midlands VRU: 2021/22 cliff edge');
    expect(snapshot.info.fileName).toBe('Demo plan.headroom');
  });

  it('denies every permission request and check', () => {
    const ses = electron.session.defaultSession;
    expect(ses.setPermissionRequestHandler).toHaveBeenCalledExactlyOnceWith(denyPermissionRequest);
    expect(ses.setPermissionCheckHandler).toHaveBeenCalledExactlyOnceWith(denyPermissionCheck);
  });

  it('serves the app through the headroom protocol, and registers every IPC method', () => {
    expect(electron.protocol.handle).toHaveBeenCalledExactlyOnceWith('headroom', main.serveApp);
    const channels = electron.ipcMain.handle.mock.calls.map(([channel]) => channel);
    expect(channels.sort()).toEqual(API_METHODS.map((m) => `headroom:${m}`).sort());
  });

  it('opens one window built by windowOptions, loading headroom://app, shown when ready', () => {
    expect(FakeBrowserWindow.all).toHaveLength(1);
    const [win] = FakeBrowserWindow.all;
    const preload = win.options.webPreferences.preload as string;
    expect(preload.endsWith(path.join('preload', 'preload.js'))).toBe(true);
    expect(win.options).toStrictEqual(windowOptions({ preloadPath: preload, dark: false }));
    expect(win.loadURL).toHaveBeenCalledExactlyOnceWith('headroom://app/index.html');
    fake.emit(win.events, 'ready-to-show');
    expect(win.show).toHaveBeenCalledOnce();
  });

  it('sets the application menu', () => {
    expect(electron.Menu.setApplicationMenu).toHaveBeenCalled();
  });

  it('hardens every webContents the app creates', () => {
    const contents = fakeWebContents();
    fake.emit(fake.appEvents, 'web-contents-created', {}, contents);
    expect(contents.fire('will-navigate', 'https://evil.example/')).toHaveBeenCalled();
    expect(contents.open('https://evil.example/')).toEqual({ action: 'deny' });
  });
});

describe('briefing PDFs', () => {
  it('prints exportBriefing in a hidden window with no preload and no JavaScript, then destroys it', async () => {
    const [win] = FakeBrowserWindow.all;
    const windows = FakeBrowserWindow.all.length;
    const before = FakeBrowserWindow.created.length;
    const exportBriefing = electron.ipcMain.handle.mock.calls.find(([channel]) => channel === 'headroom:exportBriefing')![1] as Listener;
    const file = await exportBriefing(
      { sender: win.webContents, senderFrame: { url: 'headroom://app/index.html' } },
      { scenarioIds: ['base', 'cut-25-june'], format: 'pdf' },
    );
    const created = FakeBrowserWindow.created.slice(before);
    expect(created).toHaveLength(1);
    const [printer] = created;
    expect(printer.options).toStrictEqual(printWindowOptions());
    expect(printer.options.webPreferences).not.toHaveProperty('preload');
    expect(printer.options.webPreferences.javascript).toBe(false);
    expect(printer.loadURL).toHaveBeenCalledOnce();
    const url = (printer.loadURL.mock.calls[0] as unknown as [string])[0];
    expect(url.startsWith('data:text/html;charset=utf-8,')).toBe(true);
    const html = decodeURIComponent(url.slice('data:text/html;charset=utf-8,'.length));
    expect(url).toBe(htmlDataUrl(html));
    expect(html).toContain('<h2>Key messages</h2>');
    expect(printer.webContents.printToPDF).toHaveBeenCalledExactlyOnceWith(briefingPrintOptions());
    expect(printer.destroy).toHaveBeenCalledOnce();
    expect(printer.show).not.toHaveBeenCalled();
    expect(FakeBrowserWindow.all).toHaveLength(windows);
    expect(file).toMatchObject({ mimeType: 'application/pdf', base64: Buffer.from('%PDF-1.7 fake').toString('base64') });
    expect(file.fileName).toMatch(/ briefing\.pdf$/);
  });
});

describe('hardenWebContents (reliability.md: navigation; openExternal)', () => {
  it.each(['will-navigate', 'will-redirect'])('%s: blocks foreign URLs, allows our own', (event) => {
    const contents = fakeWebContents();
    main.hardenWebContents(contents as never);
    for (const url of ['https://example.com.attacker.com', 'javascript:alert(1)', 'data:text/html,x', 'file:///']) {
      expect(contents.fire(event, url), url).toHaveBeenCalled();
    }
    expect(contents.fire(event, 'headroom://app/index.html')).not.toHaveBeenCalled();
  });

  it('refuses to attach any <webview>', () => {
    const contents = fakeWebContents();
    main.hardenWebContents(contents as never);
    expect(contents.fire('will-attach-webview')).toHaveBeenCalled();
  });

  it('never opens a new window; hands only allowlisted https links to the browser', () => {
    const contents = fakeWebContents();
    main.hardenWebContents(contents as never);
    electron.shell.openExternal.mockClear();
    for (const url of ['file:///etc/passwd', 'smb://attacker/share', 'ms-msdt:/id x', 'headroom://app/']) {
      expect(contents.open(url)).toEqual({ action: 'deny' });
    }
    expect(electron.shell.openExternal).not.toHaveBeenCalled();
    expect(contents.open('https://www.gov.uk/guidance')).toEqual({ action: 'deny' });
    expect(electron.shell.openExternal).toHaveBeenCalledExactlyOnceWith('https://www.gov.uk/guidance');
  });
});

describe('serveApp', () => {
  it('sends the CSP and nosniff with every file', async () => {
    // bundleDir is electron/../renderer under vitest; renderer/tsconfig.json is a file the repo always has.
    const response = await main.serveApp(new Request('headroom://app/tsconfig.json'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(await response.text()).toContain('compilerOptions');
  });

  it('gives 404 outside the bundle and 405 for anything but GET', async () => {
    const escape = await main.serveApp(new Request('headroom://app/%2e%2e/package.json'));
    expect(escape.status).toBe(404);
    expect(escape.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    const post = await main.serveApp(new Request('headroom://app/tsconfig.json', { method: 'POST', body: 'x' }));
    expect(post.status).toBe(405);
  });
});

describe('documents', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'headroom-docs-'));
  const plan = path.join(dir, 'budget.headroom');
  beforeAll(async () => {
    const { PlanDocument } = await import('../../electron/store/plan-document');
    const { workedExample } = await import('../fixtures');
    const example = workedExample();
    PlanDocument.create(plan, example).close();
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('says plainly why a file cannot be opened, and opens no window for it', async () => {
    const before = FakeBrowserWindow.all.length;
    const notAPlan = path.join(dir, 'notes.headroom');
    fs.writeFileSync(notAPlan, 'just some text, not a plan');
    fake.appEvents.get('second-instance')![0]({}, ['/usr/bin/headroom', notAPlan], '/');
    await vi.waitFor(() => expect(electron.dialog.showErrorBox).toHaveBeenCalled());
    expect(electron.dialog.showErrorBox.mock.calls[0][0]).toBe('Headroom could not open the plan');
    expect(FakeBrowserWindow.all).toHaveLength(before);
    expect(fs.readFileSync(notAPlan, 'utf8')).toBe('just some text, not a plan');
  });

  it('opens one window per plan file, and focuses it when opened again', async () => {
    const before = FakeBrowserWindow.all.length;
    const [secondInstance] = fake.appEvents.get('second-instance')!;
    secondInstance({}, ['/usr/bin/headroom', plan], '/');
    await vi.waitFor(() => expect(FakeBrowserWindow.all).toHaveLength(before + 1));
    const win = FakeBrowserWindow.all.at(-1)!;
    expect(electron.app.addRecentDocument).toHaveBeenCalledWith(plan);

    secondInstance({}, ['/usr/bin/headroom', '--flag', path.relative('/', plan)], '/');
    expect(FakeBrowserWindow.all).toHaveLength(before + 1);
    expect(win.focus).toHaveBeenCalledOnce();
  });

  it('lists the plan under File > Open Recent', () => {
    const template = electron.Menu.buildFromTemplate.mock.calls.at(-1)![0] as any[];
    const file = template.find((m) => m.label?.replace('&', '') === 'File');
    const recent = file.submenu.find((i: any) => i.label === 'Open Recent');
    expect(recent.submenu.map((i: any) => i.label)).toContain(plan);
  });

  it('remembers the window bounds on close, in userData', () => {
    const win = FakeBrowserWindow.all.at(-1)!;
    fake.emit(win.events, 'close');
    fake.emit(win.events, 'closed');
    const saved = JSON.parse(fs.readFileSync(path.join(fake.env.userData, 'window-state.json'), 'utf8'));
    expect(saved.documents[plan]).toEqual({ x: 30, y: 40, width: 1111, height: 777 });
  });

  it('reopens a closed plan in a new window at its remembered place', async () => {
    const before = FakeBrowserWindow.all.length;
    fake.appEvents.get('second-instance')![0]({}, ['/usr/bin/headroom', plan], '/');
    await vi.waitFor(() => expect(FakeBrowserWindow.all).toHaveLength(before + 1));
    expect(FakeBrowserWindow.all.at(-1)!.options).toMatchObject({ x: 30, y: 40, width: 1111, height: 777 });
  });

  it('quits when the last window closes (outside macOS)', () => {
    fake.emit(fake.appEvents, 'window-all-closed');
    expect(electron.app.quit).toHaveBeenCalledTimes(process.platform === 'darwin' ? 0 : 1);
  });
});

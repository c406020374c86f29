import { beforeEach, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => ({
  contextBridge: { exposeInMainWorld: vi.fn() },
  ipcRenderer: { invoke: vi.fn(), on: vi.fn() },
}));
vi.mock('electron', () => electron);

import { API_METHODS, PayloadError, type ApiMethod, type Handlers } from '../../shared/ipc';
import { IPC_CHANNEL_PREFIX, registerIpc } from '../../electron/ipc-main';

type Listener = (event: unknown, ...args: unknown[]) => unknown;

/** A valid payload for every method; a method added to the contract without one fails here. */
const VALID_ARGS: Record<ApiMethod, unknown[]> = {
  getAppInfo: [],
  getPlan: [],
  applyEdit: [{ label: 'Rename plan', ops: [{ op: 'set', path: ['name'], value: 'New name' }] }],
  undo: [],
  redo: [],
  importPlanJson: ['{"format":"headroom-plan"}'],
  exportPlanJson: [],
  exportComparison: [{ format: 'csv', scenarioIds: ['baseline'] }],
  exportBriefing: [{ scenarioIds: ['baseline', 'cut'], format: 'pdf' }],
  exportOutturn: [{ scenarioId: 'base', fy: '2021/22', format: 'xlsx' }],
  previewActualsImport: [{ fileName: 'ledger.csv', base64: 'YSxiLGMK', asAt: '2021-09', mapping: { 'CC-101': 'iris' } }],
  previewSheetImport: [{ fileName: 'costs.csv', base64: 'YSxiLGMK' }],
  classifySpreadsheet: [{ fileName: 'costs.xlsx', base64: 'YSxiLGMK' }],
  getViewState: [],
  setViewState: [{ screen: 'compare', scenarioId: 'cut', compareIds: ['base', 'cut'], headlineFy: 2021, riskScenarioId: null, risk: {} }],
  createPlan: [{ name: 'Ours', startFy: '2025/26', years: 3, underwriter: 'OPCC', limit: 0, stream: null }],
  renameVariable: [{ from: 'grantLevel', to: 'level' }],
  deleteVariable: [{ name: 'grantLevel' }],
  listSnapshots: [],
  takeSnapshot: [{ name: 'Budget as approved, February', note: 'Board, 3 February' }],
  openSnapshot: [{ id: 1 }],
  closeSnapshot: [],
  exportSnapshotJson: [{ id: 2 }],
  restoreSnapshot: [{ id: 3 }],
  deleteSnapshot: [{ id: 1, name: 'Budget as approved, February' }],
  getHistory: [],
  exportHistory: [{ format: 'csv', stream: 'ho-core' }],
  compareWithSnapshot: [{ scenarioId: 'cut', snapshotId: 1, snapshotScenarioId: 'cut' }],
  exportSnapshotComparison: [{ scenarioId: 'cut', snapshotId: 1, snapshotScenarioId: 'base', format: 'xlsx' }],
  outturnAgainstSnapshot: [{ scenarioId: 'base', fy: '2021/22', snapshotId: 2, snapshotScenarioId: 'base' }],
};

/** Records what registerIpc hands to ipcMain.handle, keyed by channel. */
function fakeIpcMain() {
  const channels = new Map<string, Listener>();
  const ipcMain = {
    handle: vi.fn((channel: string, listener: Listener) => {
      if (channels.has(channel)) throw new Error(`second handler for ${channel}`);
      channels.set(channel, listener);
    }),
  };
  return { ipcMain, channels };
}

function fakeHandlers() {
  return Object.fromEntries(
    API_METHODS.map((name) => [name, vi.fn((...args: unknown[]) => ({ method: name, args }))]),
  ) as unknown as Handlers & Record<string, ReturnType<typeof vi.fn>>;
}

const fromApp = { senderFrame: { url: 'headroom://app/index.html' }, sender: { id: 7 } };
const call = (channels: Map<string, Listener>, name: string, event: unknown, args: unknown[]) =>
  channels.get(IPC_CHANNEL_PREFIX + name)!(event, ...args);

describe('registerIpc', () => {
  it('registers exactly one prefixed channel per API method', () => {
    const { ipcMain, channels } = fakeIpcMain();
    registerIpc(ipcMain as never, fakeHandlers());
    expect(API_METHODS.length).toBeGreaterThan(0);
    expect([...channels.keys()].sort()).toEqual(API_METHODS.map((m) => IPC_CHANNEL_PREFIX + m).sort());
    expect(IPC_CHANNEL_PREFIX).toBe('headroom:');
  });

  it('has a valid sample payload for every method', () => {
    expect(Object.keys(VALID_ARGS).sort()).toEqual([...API_METHODS].sort());
  });

  it.each(API_METHODS)('passes a valid %s call from our own frame through to its handler', async (name) => {
    const { ipcMain, channels } = fakeIpcMain();
    const handlers = fakeHandlers();
    registerIpc(ipcMain as never, handlers);
    const result = await call(channels, name, fromApp, VALID_ARGS[name]);
    expect(result).toEqual({ method: name, args: VALID_ARGS[name] });
    expect(handlers[name]).toHaveBeenCalledExactlyOnceWith(...VALID_ARGS[name]);
  });

  it.each(API_METHODS)('refuses a malformed %s payload with a PayloadError', async (name) => {
    const { ipcMain, channels } = fakeIpcMain();
    const handlers = fakeHandlers();
    registerIpc(ipcMain as never, handlers);
    for (const args of [
      [...VALID_ARGS[name], 'extra'],
      [{ __proto__: { polluted: true } }, 1, 2, 3, 4],
    ]) {
      await expect(call(channels, name, fromApp, args)).rejects.toBeInstanceOf(PayloadError);
    }
    expect(handlers[name]).not.toHaveBeenCalled();
  });

  it.each([
    ['https://evil', { senderFrame: { url: 'https://evil' } }],
    ['a look-alike host', { senderFrame: { url: 'headroom://app.evil/index.html' } }],
    ['file://', { senderFrame: { url: 'file:///home/user/x.html' } }],
    ['a destroyed frame', { senderFrame: null }],
    ['no frame at all', {}],
  ])('refuses every method when called from %s', (_what, event) => {
    const { ipcMain, channels } = fakeIpcMain();
    const handlers = fakeHandlers();
    registerIpc(ipcMain as never, handlers);
    for (const name of API_METHODS) {
      expect(() => call(channels, name, event, VALID_ARGS[name])).toThrow('Refused: IPC from an unexpected sender');
      expect(handlers[name]).not.toHaveBeenCalled();
    }
  });

  it('fails at start-up when a method has no handler', () => {
    const { ipcMain } = fakeIpcMain();
    const handlers = fakeHandlers() as Record<string, unknown>;
    delete handlers[API_METHODS[0]];
    expect(() => registerIpc(ipcMain as never, handlers as Handlers)).toThrow(`No IPC handler for ${API_METHODS[0]}`);
    expect(ipcMain.handle).not.toHaveBeenCalled();
  });

  it('asks a per-sender lookup for the handlers of the window that called', async () => {
    const { ipcMain, channels } = fakeIpcMain();
    const handlers = fakeHandlers();
    const lookup = vi.fn(() => handlers);
    registerIpc(ipcMain as never, lookup);
    const name = API_METHODS[0];
    await call(channels, name, fromApp, VALID_ARGS[name]);
    expect(lookup).toHaveBeenCalledExactlyOnceWith(fromApp.sender);
    expect(() => call(channels, name, { senderFrame: { url: 'https://evil' } }, [])).toThrow(/Refused/);
    expect(lookup).toHaveBeenCalledOnce();
  });
});

describe('preload bridge', () => {
  beforeEach(() => {
    vi.resetModules();
    electron.contextBridge.exposeInMainWorld.mockReset();
    electron.ipcRenderer.invoke.mockReset();
  });

  async function loadPreload() {
    await import('../../electron/preload');
    expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledOnce();
    const [key, api] = electron.contextBridge.exposeInMainWorld.mock.calls[0];
    return { key, api: api as Record<string, unknown> };
  }

  it('exposes one named function per API method under window.headroom, and nothing else', async () => {
    const { key, api } = await loadPreload();
    expect(key).toBe('headroom');
    expect(Object.keys(api).sort()).toEqual([...API_METHODS, 'onMenuCommand'].sort());
    for (const name of API_METHODS) expect(typeof api[name]).toBe('function');
    expect(Object.values(api)).not.toContain(electron.ipcRenderer);
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('sends each call on its own channel, which registerIpc serves end to end', async () => {
    const { ipcMain, channels } = fakeIpcMain();
    const handlers = fakeHandlers();
    registerIpc(ipcMain as never, handlers);
    electron.ipcRenderer.invoke.mockImplementation(async (channel: string, ...args: unknown[]) => channels.get(channel)!(fromApp, ...args));
    const { api } = await loadPreload();
    for (const name of API_METHODS) {
      const result = await (api[name] as (...a: unknown[]) => Promise<unknown>)(...VALID_ARGS[name]);
      expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith(IPC_CHANNEL_PREFIX + name, ...VALID_ARGS[name]);
      expect(result).toEqual({ method: name, args: VALID_ARGS[name] });
    }
  });
});

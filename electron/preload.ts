// Runs sandboxed: it may import only 'electron' and pure code that the bundler inlines.
import { contextBridge, ipcRenderer } from 'electron';
import { API_METHOD_NAMES as API_METHODS } from '../shared/api-methods';

type ApiMethod = (typeof API_METHODS)[number];

// Must match IPC_CHANNEL_PREFIX in ipc-main.ts (which cannot be imported here: it pulls in node:fs).
const CHANNEL_PREFIX = 'headroom:';

/** One function per API method, each bound to its own channel: the page never sees ipcRenderer. */
function methodCaller(name: ApiMethod) {
  return (...args: unknown[]): Promise<unknown> => ipcRenderer.invoke(CHANNEL_PREFIX + name, ...args);
}

const api = Object.freeze(
  Object.fromEntries(API_METHODS.map((name) => [name, methodCaller(name)])) as Record<
    ApiMethod,
    (...args: unknown[]) => Promise<unknown>
  >,
);

contextBridge.exposeInMainWorld('headroom', api);

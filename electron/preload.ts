// Runs sandboxed: it may import only 'electron' and pure code that the bundler inlines.
import { contextBridge, ipcRenderer } from 'electron';
import { API_METHOD_NAMES as API_METHODS, MENU_CHANNEL, MENU_COMMANDS, type MenuCommand } from '../shared/api-methods';

type ApiMethod = (typeof API_METHODS)[number];

// Must match IPC_CHANNEL_PREFIX in ipc-main.ts (which cannot be imported here: it pulls in node:fs).
const CHANNEL_PREFIX = 'headroom:';

/** One function per API method, each bound to its own channel: the page never sees ipcRenderer. */
function methodCaller(name: ApiMethod) {
  return (...args: unknown[]): Promise<unknown> => ipcRenderer.invoke(CHANNEL_PREFIX + name, ...args);
}

/** The one listener: menu commands from main, each checked against the allow-list. */
function onMenuCommand(callback: (command: MenuCommand) => void): void {
  ipcRenderer.on(MENU_CHANNEL, (_event, command: unknown) => {
    if ((MENU_COMMANDS as readonly unknown[]).includes(command)) callback(command as MenuCommand);
  });
}

const api = Object.freeze({
  ...(Object.fromEntries(API_METHODS.map((name) => [name, methodCaller(name)])) as Record<
    ApiMethod,
    (...args: unknown[]) => Promise<unknown>
  >),
  onMenuCommand,
});

contextBridge.exposeInMainWorld('headroom', api);

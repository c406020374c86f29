// Registers one `headroom:<method>` channel per API method, refusing calls from foreign frames
// and payloads that do not match the method's schema in shared/ipc.ts.
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { API_METHODS, dispatch, type Handlers } from '../shared/ipc';
import { validateSender } from './security';

/** The preload uses the same prefix; test/electron/static.test.ts keeps the two in step. */
export const IPC_CHANNEL_PREFIX = 'headroom:';

/** One set of handlers, or a lookup per sender (one window per document: the sender picks the plan). */
export type HandlerSource = Handlers | ((sender: WebContents) => Handlers);

export function registerIpc(ipcMain: Pick<IpcMain, 'handle'>, handlers: HandlerSource): void {
  if (typeof handlers !== 'function') {
    const missing = API_METHODS.filter((name) => typeof handlers[name] !== 'function');
    if (missing.length > 0) throw new Error(`No IPC handler for ${missing.join(', ')}`);
  }
  for (const name of API_METHODS) {
    ipcMain.handle(IPC_CHANNEL_PREFIX + name, (event: IpcMainInvokeEvent, ...args: unknown[]) => {
      if (!validateSender(event.senderFrame?.url)) throw new Error('Refused: IPC from an unexpected sender');
      // dispatch parses args with the method's zod schema and throws PayloadError on a bad payload.
      return dispatch(typeof handlers === 'function' ? handlers(event.sender) : handlers, name, args);
    });
  }
}

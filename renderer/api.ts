// The page's one way to reach plan documents: Electron's preload bridge when present,
// otherwise the browser harness over HTTP with the token it put in index.html.
import { API_METHODS, type ApiMethod, type HeadroomApi } from '../shared/ipc';

type Reply = { ok: true; result: unknown } | { ok: false; error: string };

function pageToken(): string {
  const token = document.querySelector<HTMLMetaElement>('meta[name="headroom-token"]')?.content;
  if (!token) throw new Error('This page was not opened from Headroom (no access token)');
  return token;
}

/** Calls `POST {base}/api/<method>`; errors carry the harness's plain message. */
export function createHttpApi(token: () => string, base = ''): HeadroomApi {
  async function call(method: ApiMethod, args: unknown[]): Promise<unknown> {
    let response: Response;
    try {
      response = await fetch(`${base}/api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Headroom-Token': token() },
        body: JSON.stringify({ args }),
      });
    } catch {
      throw new Error('Headroom is not answering: is it still running?');
    }
    const reply = (await response.json().catch(() => null)) as Reply | null;
    if (!reply) throw new Error(`Headroom answered ${response.status} without a reply`);
    if (!reply.ok) throw new Error(reply.error);
    return reply.result;
  }
  // A computed key names each function after its method, as the preload's are.
  const methods = API_METHODS.map((m) => [m, { [m]: (...args: unknown[]) => call(m, args) }[m]]);
  return Object.freeze(Object.fromEntries(methods)) as HeadroomApi;
}

const bridge = (globalThis as { headroom?: HeadroomApi }).headroom;

export const api: HeadroomApi = bridge ?? createHttpApi(pageToken);

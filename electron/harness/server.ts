// The browser harness: the built renderer and the API contract served over HTTP on
// 127.0.0.1, so Headroom runs (and is tested) in a browser where Electron cannot run.
// Only a page that read the per-run token from our own index.html can call the API, and
// index.html goes only to the browser of the user who started the harness: the address it
// prints carries a launch key, which buys an HttpOnly session cookie. Another account on
// the machine reaches the port but not the key (it is in that user's terminal and in a
// 0600 file in their 0700 data folder), so it gets neither the page nor the token.
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { dispatch, PayloadError, type ApiMethod } from '../../shared/ipc';
import { htmlToPdfBytes, PdfUnavailableError, type PdfOptions } from '../export/pdf';
import { createHandlers, NO_PDF_PRINTER_MESSAGE, type PrintPdf } from '../handlers';
import { VIEW_STATE_FILE, ViewStateFile } from '../view-state-file';
import { APP_ORIGIN, CONTENT_SECURITY_POLICY, resolveAppUrl } from '../security';
import { freePlanFile } from '../new-plan';
import { openInitialDocument } from '../session';

export const TOKEN_HEADER = 'x-headroom-token';
export const TOKEN_META_NAME = 'headroom-token';
/** Above the largest plan import the contract accepts (20 MB of text). */
export const MAX_BODY_BYTES = 25 * 1024 * 1024;

export interface HarnessOptions {
  readonly dataDir: string;
  readonly rendererDir: string;
  /** 0 (the default) picks a free port. */
  readonly port?: number;
  /** Told of failures that are not the page's fault (default: their message on stderr). */
  readonly onError?: (error: unknown) => void;
  /** Prints briefings to PDF (default: Debian's Chromium through playwright-core); null: no PDFs. */
  readonly printPdf?: PrintPdf | null;
}

export interface Harness {
  /** The address to open: the origin with the launch key (`/?key=...`). */
  readonly url: string;
  readonly origin: string;
  readonly token: string;
  /** Where the address is kept for the user who started the harness (mode 0600). */
  readonly addressFile: string;
  readonly dataDir: string;
  close(): Promise<void>;
}

class Refusal extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** What a browser without the launch key sees: no token, and how to get in. */
const NEEDS_KEY_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Headroom</title></head>
<body><h1>Headroom</h1><p>Open the address Headroom printed when it started (it ends in <code>?key=…</code>):
it lets only the person who started it into their plans. It is also kept in <code>harness-address.txt</code>
in the data folder.</p></body></html>`;

const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
} as const;

function send(
  res: http.ServerResponse,
  status: number,
  contentType: string,
  body: string | Buffer,
  extra: http.OutgoingHttpHeaders = {},
): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(body), ...extra });
  res.end(res.req.method === 'HEAD' ? undefined : body);
}

function sendJson(res: http.ServerResponse, status: number, body: unknown, extra: http.OutgoingHttpHeaders = {}): void {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(body), { 'Cache-Control': 'no-store', ...extra });
}

/** Compares digests, so neither the token's content nor its length leaks through timing. */
function sameToken(given: string | string[] | undefined, token: string): boolean {
  if (typeof given !== 'string') return false;
  const digest = (text: string) => crypto.createHash('sha256').update(text).digest();
  return crypto.timingSafeEqual(digest(given), digest(token));
}

function readBody(req: http.IncomingMessage): Promise<string> {
  const declared = Number(req.headers['content-length']);
  if (declared > MAX_BODY_BYTES) return Promise.reject(new Refusal(413, 'Refused: the request is too large'));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        req.removeAllListeners('data');
        req.resume();
        reject(new Refusal(413, 'Refused: the request is too large'));
      } else {
        chunks.push(chunk);
      }
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function argsOf(body: string): unknown {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    throw new PayloadError('Refused: the request body is not JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || !Object.hasOwn(parsed, 'args')) {
    throw new PayloadError('Refused: the request body must be {"args": [...]}');
  }
  return (parsed as { args: unknown }).args;
}

/**
 * Briefing PDFs from a headless Chromium (/usr/bin/chromium unless told otherwise). Without
 * one, the page is told plainly to download the HTML briefing instead.
 */
export function chromiumPrintPdf(opts: PdfOptions = {}): PrintPdf {
  return async (html) => {
    try {
      return await htmlToPdfBytes(html, opts);
    } catch (error) {
      if (error instanceof PdfUnavailableError) {
        throw new Error(error.detail ? `${NO_PDF_PRINTER_MESSAGE} (${error.detail})` : NO_PDF_PRINTER_MESSAGE, { cause: error });
      }
      throw error;
    }
  };
}

export async function startHarness(options: HarnessOptions): Promise<Harness> {
  const rendererDir = fs.realpathSync(options.rendererDir);
  const indexFile = path.join(rendererDir, 'index.html');
  if (!fs.statSync(indexFile, { throwIfNoEntry: false })?.isFile()) {
    throw new Error(`There is no built renderer at ${rendererDir} (index.html is missing)`);
  }
  const token = crypto.randomBytes(32).toString('hex');
  const launchKey = crypto.randomBytes(32).toString('hex');
  const session = crypto.randomBytes(32).toString('hex');
  let cookieName = '';
  const documents = await openInitialDocument(options.dataDir);
  const printPdf = options.printPdf === undefined ? chromiumPrintPdf() : (options.printPdf ?? undefined);
  // A new plan goes in the data folder under its name ("Name 2.headroom" if taken).
  const newPlanPath = (name: string) => freePlanFile(options.dataDir, name);
  const viewStates = new ViewStateFile(path.join(options.dataDir, VIEW_STATE_FILE));
  const handlers = createHandlers(documents, 'browser', printPdf, viewStates, newPlanPath);
  const onError =
    options.onError ?? ((error: unknown) => console.error(`A request failed: ${error instanceof Error ? error.message : String(error)}`));
  let origin = '';
  let host = '';

  function indexHtml(): string {
    const html = fs.readFileSync(indexFile, 'utf8');
    const meta = `<meta name="${TOKEN_META_NAME}" content="${token}">`;
    const head = /<head(\s[^>]*)?>/i;
    return head.test(html) ? html.replace(head, (tag) => `${tag}\n    ${meta}`) : `${meta}\n${html}`;
  }

  function hasSession(req: http.IncomingMessage): boolean {
    const cookies = (req.headers.cookie ?? '').split(';').map((part) => part.trim());
    const mine = cookies.find((part) => part.startsWith(`${cookieName}=`));
    return mine !== undefined && sameToken(mine.slice(cookieName.length + 1), session);
  }

  function serveFile(req: http.IncomingMessage, res: http.ServerResponse, pathname: string, search: URLSearchParams): void {
    if (req.method !== 'GET' && req.method !== 'HEAD') throw new Refusal(405, 'Refused: method not allowed');
    // The same checks as headroom://app in Electron: no .., no encoded separators, no escaping symlinks.
    const file = resolveAppUrl(APP_ORIGIN + pathname, rendererDir);
    if (file.status !== 200) throw new Refusal(404, 'Not found');
    if (file.filePath === indexFile) {
      const key = search.get('key');
      if (key !== null && sameToken(key, launchKey)) {
        // The key leaves the address bar and the history at once; the cookie carries on.
        res.writeHead(303, {
          ...SECURITY_HEADERS,
          Location: pathname,
          'Set-Cookie': `${cookieName}=${session}; HttpOnly; SameSite=Strict; Path=/`,
          'Cache-Control': 'no-store',
          'Content-Length': 0,
        });
        res.end();
        return;
      }
      if (!hasSession(req)) {
        send(res, 401, 'text/html; charset=utf-8', NEEDS_KEY_PAGE, { 'Cache-Control': 'no-store' });
        return;
      }
      send(res, 200, file.mimeType, indexHtml(), { 'Cache-Control': 'no-store' });
    } else {
      send(res, 200, file.mimeType, fs.readFileSync(file.filePath));
    }
  }

  async function serveApi(req: http.IncomingMessage, res: http.ServerResponse, method: string): Promise<void> {
    if (req.method !== 'POST') throw new Refusal(405, 'Refused: use POST');
    if (!sameToken(req.headers[TOKEN_HEADER], token)) throw new Refusal(403, 'Refused: missing or wrong token');
    if (!/^application\/json\s*(;|$)/i.test(req.headers['content-type'] ?? '')) {
      throw new Refusal(415, 'Refused: the request must be JSON');
    }
    const args = argsOf(await readBody(req));
    const result = await dispatch(handlers, method as ApiMethod, args);
    sendJson(res, 200, { ok: true, result });
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    try {
      // A DNS-rebinding page reaches us under its own host name; a foreign page sends its origin.
      if (req.headers.host !== host) throw new Refusal(403, 'Refused: wrong host');
      if (req.headers.origin !== undefined && req.headers.origin !== origin) throw new Refusal(403, 'Refused: foreign origin');
      const url = req.url ?? '';
      if (!url.startsWith('/')) throw new Refusal(400, 'Refused: bad request');
      const pathname = url.split(/[?#]/, 1)[0];
      if (pathname.startsWith('/api/')) await serveApi(req, res, pathname.slice('/api/'.length));
      else serveFile(req, res, pathname, new URL(url, 'http://harness').searchParams);
    } catch (error) {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      const close = { Connection: 'close' };
      if (error instanceof Refusal) sendJson(res, error.status, { ok: false, error: error.message }, error.status === 413 ? close : {});
      else if (error instanceof PayloadError) sendJson(res, 400, { ok: false, error: error.message });
      else {
        // The message only: a stack trace is no use to the page.
        onError(error);
        sendJson(res, 500, { ok: false, error: error instanceof Error ? error.message : 'Something went wrong' });
      }
    }
  }

  const server = http.createServer((req, res) => void handle(req, res));
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    documents.close();
    throw error;
  }
  const { port } = server.address() as { port: number };
  host = `127.0.0.1:${port}`;
  origin = `http://${host}`;
  // Cookies ignore the port: each harness names its own.
  cookieName = `headroom-${port}`;
  const url = `${origin}/?key=${launchKey}`;
  const addressFile = path.join(options.dataDir, 'harness-address.txt');
  fs.writeFileSync(addressFile, `${url}\n`, { mode: 0o600 });
  fs.chmodSync(addressFile, 0o600);

  return {
    url,
    origin,
    token,
    addressFile,
    dataDir: options.dataDir,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          documents.close();
          fs.rmSync(addressFile, { force: true });
          resolve();
        });
        server.closeAllConnections();
      }),
  };
}

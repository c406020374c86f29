// The browser harness on a real 127.0.0.1 socket: who may call the API, which files it
// serves, and what it answers. Raw node:http requests, so Host and paths go out unaltered.
import fs from 'node:fs';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import demoPlan from '../../shared/demo/wmvru-plan.json';
import { API_METHODS } from '../../shared/ipc';
import { CONTENT_SECURITY_POLICY } from '../../electron/security';
import { MAX_BODY_BYTES, startHarness, type Harness } from '../../electron/harness/server';
import { createHttpApi } from '../../renderer/api';

let root: string;
let harness: Harness;
let host: string;
const serverErrors: unknown[] = [];

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

function request(options: {
  method?: string;
  path: string;
  headers?: Record<string, string | number>;
  body?: string | Buffer;
}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: new URL(harness.url).port,
        method: options.method ?? 'GET',
        path: options.path,
        headers: { host, ...options.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

function api(method: string, args: unknown, headers: Record<string, string> = {}): Promise<Reply> {
  return request({
    method: 'POST',
    path: `/api/${method}`,
    headers: { 'content-type': 'application/json', 'x-headroom-token': harness.token, ...headers },
    body: JSON.stringify({ args }),
  });
}

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'headroom-server-'));
  const rendererDir = path.join(root, 'renderer');
  fs.mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
  fs.writeFileSync(
    path.join(rendererDir, 'index.html'),
    '<!doctype html><html><head><meta charset="utf-8"><title>Headroom</title></head><body><script type="module" src="./assets/app.js"></script></body></html>',
  );
  fs.writeFileSync(path.join(rendererDir, 'assets/app.js'), 'export {};\n');
  fs.writeFileSync(path.join(root, 'secret.txt'), 'TOP SECRET');
  fs.symlinkSync(root, path.join(rendererDir, 'escape'));
  harness = await startHarness({ dataDir: path.join(root, 'data'), rendererDir, onError: (e) => serverErrors.push(e) });
  host = new URL(harness.url).host;
});

afterAll(async () => {
  await harness?.close();
  fs.rmSync(root, { recursive: true, force: true });
});

describe('startHarness', () => {
  it('listens on 127.0.0.1 with a fresh 256-bit token, and a launch key in its address', () => {
    expect(harness.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?key=[0-9a-f]{64}$/);
    expect(harness.origin).toBe(`http://${host}`);
    expect(harness.token).toMatch(/^[0-9a-f]{64}$/);
    expect(harness.url).not.toContain(harness.token);
  });

  it('keeps its address in a file only its user can read', () => {
    expect(fs.readFileSync(harness.addressFile, 'utf8')).toBe(`${harness.url}\n`);
    expect(fs.statSync(harness.addressFile).mode & 0o777).toBe(0o600);
    expect(fs.statSync(path.dirname(harness.addressFile)).mode & 0o777).toBe(0o700);
  });
});

/** The launch key exchanged for the session cookie, as a browser does on opening the address. */
async function sessionCookie(): Promise<string> {
  const reply = await request({ path: new URL(harness.url).pathname + new URL(harness.url).search });
  expect(reply.status).toBe(303);
  expect(reply.headers.location).toBe('/');
  const cookie = String(reply.headers['set-cookie']);
  expect(cookie).toMatch(/; HttpOnly; SameSite=Strict; Path=\/$/);
  return cookie.split(';')[0];
}

describe('who may open the page', () => {
  it('gives a browser without the key neither the page nor the token', async () => {
    for (const p of ['/', '/index.html', '/?key=wrong', `/?key=${harness.token}`]) {
      const reply = await request({ path: p });
      expect(reply.status).toBe(401);
      expect(reply.body).not.toContain(harness.token);
      expect(reply.body).toContain('Open the address Headroom printed');
    }
    expect((await request({ path: '/', headers: { cookie: `headroom-${new URL(harness.url).port}=${'0'.repeat(64)}` } })).status).toBe(401);
  });

  it('exchanges the key for an HttpOnly cookie and takes the key out of the address', async () => {
    const cookie = await sessionCookie();
    expect(cookie).toMatch(new RegExp(`^headroom-${new URL(harness.url).port}=[0-9a-f]{64}$`));
    expect(cookie).not.toContain(harness.token);
  });

  it('refuses another account on the machine: it cannot read the address, and the port alone gives no token', async () => {
    // Run as "nobody" (uid 65534): the test runs as root here, as CI does.
    expect(process.getuid?.()).toBe(0);
    const script = `
      const fs = require('node:fs');
      let file = 'unreadable';
      try { fs.readFileSync(${JSON.stringify(harness.addressFile)}, 'utf8'); file = 'READ'; } catch (e) { file = e.code; }
      fetch(${JSON.stringify(`${harness.origin}/`)}).then(async (r) => {
        const body = await r.text();
        const api = await fetch(${JSON.stringify(`${harness.origin}/api/getPlan`)}, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"args":[]}' });
        console.log(JSON.stringify({ file, page: r.status, token: body.includes(${JSON.stringify(harness.token)}), api: api.status }));
      });`;
    // Asynchronously: the harness answers from this process.
    const { stdout } = await promisify(execFile)(process.execPath, ['-e', script], { uid: 65534, gid: 65534, cwd: '/', encoding: 'utf8' });
    expect(JSON.parse(stdout)).toEqual({ file: 'EACCES', page: 401, token: false, api: 403 });
  });
});

describe('static files', () => {
  it('serves index.html with the token in a meta tag, the CSP header and nosniff, to the session', async () => {
    const cookie = await sessionCookie();
    for (const p of ['/', '/index.html']) {
      const reply = await request({ path: p, headers: { cookie } });
      expect(reply.status).toBe(200);
      expect(reply.body).toContain(`<meta name="headroom-token" content="${harness.token}">`);
      expect(reply.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(reply.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
      expect(reply.headers['content-security-policy']).not.toContain('unsafe-inline');
      expect(reply.headers['content-security-policy']).not.toContain('unsafe-eval');
      expect(reply.headers['x-content-type-options']).toBe('nosniff');
      expect(reply.headers['cache-control']).toBe('no-store');
    }
  });

  it('serves the bundle with its type', async () => {
    const reply = await request({ path: '/assets/app.js?v=1' });
    expect(reply).toMatchObject({ status: 200, body: 'export {};\n' });
    expect(reply.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(reply.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
  });

  it.each([
    '/../package.json',
    '/../secret.txt',
    '/%2e%2e/secret.txt',
    '/%2E%2E/%2e%2e/package.json',
    '/assets/..%2f..%2fsecret.txt',
    '/assets/%2e%2e/%2e%2e/secret.txt',
    '/..\\secret.txt',
    '//etc/passwd',
    '/escape/secret.txt',
    '/%00index.html',
    '/%zz',
    '/assets',
    '/nope.html',
  ])('refuses %s with 404', async (p) => {
    const reply = await request({ path: p });
    expect(reply.status).toBe(404);
    expect(reply.body).not.toContain('SECRET');
    expect(reply.body).not.toContain('"name"');
  });

  it('refuses a request for an absolute URL', async () => {
    expect((await request({ path: 'http://127.0.0.1/index.html' })).status).toBe(400);
  });

  it('refuses writes to static files', async () => {
    expect((await request({ method: 'PUT', path: '/index.html', body: 'x' })).status).toBe(405);
  });
});

describe('who may call the API', () => {
  it('refuses a call without the token', async () => {
    const reply = await request({
      method: 'POST',
      path: '/api/getPlan',
      headers: { 'content-type': 'application/json' },
      body: '{"args":[]}',
    });
    expect(reply.status).toBe(403);
    expect(JSON.parse(reply.body)).toEqual({ ok: false, error: 'Refused: missing or wrong token' });
  });

  it('refuses a wrong token, even one that differs in its last character', async () => {
    const wrong = harness.token.slice(0, -1) + (harness.token.endsWith('0') ? '1' : '0');
    expect((await api('getPlan', [], { 'x-headroom-token': wrong })).status).toBe(403);
    expect((await api('getPlan', [], { 'x-headroom-token': '' })).status).toBe(403);
  });

  it.each(['localhost:PORT', 'evil.example:PORT', 'attacker.example', '127.0.0.1', '127.0.0.1:1', '[::1]:PORT'])(
    'refuses Host %s (DNS rebinding), even for index.html',
    async (pattern) => {
      const badHost = pattern.replace('PORT', new URL(harness.url).port);
      expect((await api('getPlan', [], { host: badHost })).status).toBe(403);
      const page = await request({ path: '/', headers: { host: badHost } });
      expect(page.status).toBe(403);
      expect(page.body).not.toContain(harness.token);
    },
  );

  it('refuses a foreign Origin and accepts our own', async () => {
    expect((await api('getPlan', [], { origin: 'http://evil.example' })).status).toBe(403);
    expect((await api('getPlan', [], { origin: 'null' })).status).toBe(403);
    expect((await api('getPlan', [], { origin: `http://${host}` })).status).toBe(200);
  });

  it('refuses a body that is not declared JSON (no form posts)', async () => {
    expect((await api('getPlan', [], { 'content-type': 'text/plain' })).status).toBe(415);
  });

  it('refuses GET on the API', async () => {
    expect((await request({ path: '/api/getPlan', headers: { 'x-headroom-token': harness.token } })).status).toBe(405);
  });
});

describe('API calls', () => {
  it('round-trips getPlan to the demo plan in the data folder', async () => {
    const reply = await api('getPlan', []);
    expect(reply.status).toBe(200);
    expect(reply.headers['cache-control']).toBe('no-store');
    const body = JSON.parse(reply.body);
    expect(body.ok).toBe(true);
    expect(body.result.plan.name).toBe(demoPlan.name);
  });

  it('refuses malformed payloads with 400 and the zod message', async () => {
    const reply = await api('applyEdit', [{ label: '', ops: [] }]);
    expect(reply.status).toBe(400);
    expect(JSON.parse(reply.body)).toEqual({ ok: false, error: expect.stringMatching(/^Refused applyEdit: 0\.label: /) });
    expect((await api('dropTables', [])).status).toBe(400);
    expect((await api('__proto__', [])).status).toBe(400);
    expect((await api('getPlan', 'not a list')).status).toBe(400);
  });

  it('refuses a body that is not {"args": [...]}', async () => {
    const headers = { 'content-type': 'application/json', 'x-headroom-token': harness.token };
    for (const body of ['{', '[]', 'null', '{"arguments":[]}']) {
      const reply = await request({ method: 'POST', path: '/api/getPlan', headers, body });
      expect(reply.status).toBe(400);
      expect(JSON.parse(reply.body).error).toMatch(/^Refused: the request body/);
    }
  });

  it('answers a failing handler with its plain message, never a stack trace', async () => {
    serverErrors.length = 0;
    const reply = await api('exportComparison', [{ format: 'csv', scenarioIds: ['nope'] }]);
    expect(reply.status).toBe(500);
    expect(JSON.parse(reply.body)).toEqual({ ok: false, error: expect.stringMatching(/^no scenario "nope" in the plan/) });
    expect(reply.body).not.toMatch(/\bat .*\.(ts|js):\d+/);
    expect(serverErrors).toHaveLength(1);
  });

  it('refuses a body over the size limit and keeps serving', async () => {
    const huge = Buffer.alloc(MAX_BODY_BYTES + 1024, 0x20);
    const reply = await request({
      method: 'POST',
      path: '/api/importPlanJson',
      headers: { 'content-type': 'application/json', 'x-headroom-token': harness.token },
      body: huge,
    });
    expect(reply.status).toBe(413);
    expect(JSON.parse(reply.body)).toEqual({ ok: false, error: 'Refused: the request is too large' });
    expect((await api('getPlan', [])).status).toBe(200);
  });
});

describe("renderer/api.ts's HTTP client", () => {
  const client = () => createHttpApi(() => harness.token, harness.origin);

  it('has one named function per API method', () => {
    const methods = client();
    expect(Object.keys(methods).sort()).toEqual([...API_METHODS].sort());
    for (const name of API_METHODS) expect(methods[name].name).toBe(name);
    expect(Object.isFrozen(methods)).toBe(true);
  });

  it('calls the harness and returns the result', async () => {
    expect((await client().getPlan()).plan.name).toBe(demoPlan.name);
    expect(await client().getAppInfo()).toMatchObject({ shell: 'browser' });
  });

  it("throws the harness's plain message", async () => {
    await expect(client().applyEdit({ label: '', ops: [] } as never)).rejects.toThrow(/^Refused applyEdit: 0\.label: /);
    const wrongToken = createHttpApi(() => 'wrong', harness.origin);
    await expect(wrongToken.getPlan()).rejects.toThrow('Refused: missing or wrong token');
  });
});

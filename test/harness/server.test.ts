// The browser harness on a real 127.0.0.1 socket: who may call the API, which files it
// serves, and what it answers. Raw node:http requests, so Host and paths go out unaltered.
import fs from 'node:fs';
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

function request(options: { method?: string; path: string; headers?: Record<string, string | number>; body?: string | Buffer }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port: new URL(harness.url).port, method: options.method ?? 'GET', path: options.path, headers: { host, ...options.headers } },
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
  it('listens on 127.0.0.1 with a fresh 256-bit token', () => {
    expect(harness.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(harness.token).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('static files', () => {
  it('serves index.html with the token in a meta tag, the CSP header and nosniff', async () => {
    for (const p of ['/', '/index.html']) {
      const reply = await request({ path: p });
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
    const reply = await request({ method: 'POST', path: '/api/getPlan', headers: { 'content-type': 'application/json' }, body: '{"args":[]}' });
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
  const client = () => createHttpApi(() => harness.token, harness.url.replace(/\/$/, ''));

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
    const wrongToken = createHttpApi(() => 'wrong', harness.url.replace(/\/$/, ''));
    await expect(wrongToken.getPlan()).rejects.toThrow('Refused: missing or wrong token');
  });
});

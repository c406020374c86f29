import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

// security.ts must stay loadable without Electron: importing it at runtime fails this file.
vi.mock('electron', () => {
  throw new Error('electron/security.ts must not import electron at runtime');
});

import {
  APP_ORIGIN,
  APP_SCHEME,
  CONTENT_SECURITY_POLICY,
  denyPermissionCheck,
  denyPermissionRequest,
  isAllowedExternalUrl,
  isAllowedNavigation,
  resolveAppUrl,
  validateSender,
  printWindowOptions,
  windowOptions,
} from '../../electron/security';

describe('windowOptions', () => {
  it('locks webPreferences to exactly the hardened set (reliability.md: locked window)', () => {
    const options = windowOptions({ preloadPath: '/app/out/preload/preload.js' });
    expect(options.webPreferences).toStrictEqual({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
      preload: '/app/out/preload/preload.js',
    });
    expect(options.webPreferences).not.toHaveProperty('enableBlinkFeatures');
  });

  it('starts hidden, titled, with a minimum size and a background colour', () => {
    const options = windowOptions({ preloadPath: 'p.js' });
    expect(options).toMatchObject({ show: false, title: 'Headroom', center: true });
    expect(options.minWidth).toBeGreaterThanOrEqual(800);
    expect(options.minHeight).toBeGreaterThanOrEqual(500);
    expect(options.backgroundColor).toMatch(/^#[0-9a-f]{6}$/i);
    expect(windowOptions({ preloadPath: 'p.js', dark: true }).backgroundColor).not.toBe(options.backgroundColor);
  });

  it('uses saved bounds when given, and centres when there is no position', () => {
    const placed = windowOptions({ preloadPath: 'p.js', bounds: { x: 10, y: 20, width: 1100, height: 700 } });
    expect(placed).toMatchObject({ x: 10, y: 20, width: 1100, height: 700 });
    expect(placed).not.toHaveProperty('center');
    const sized = windowOptions({ preloadPath: 'p.js', bounds: { width: 1000, height: 650 } });
    expect(sized).toMatchObject({ width: 1000, height: 650, center: true });
    expect(sized).not.toHaveProperty('x');
  });
});

describe('printWindowOptions', () => {
  it('is the hardened window with no preload and no JavaScript, never shown', () => {
    const options = printWindowOptions();
    const { preload: _preload, ...hardened } = windowOptions({ preloadPath: 'p.js' }).webPreferences!;
    expect(options.webPreferences).toStrictEqual({ ...hardened, javascript: false });
    expect(options.webPreferences).not.toHaveProperty('preload');
    expect(options).toMatchObject({ show: false, skipTaskbar: true, focusable: false });
  });

  it('windowOptions leaves JavaScript on and adds the preload unless told otherwise', () => {
    expect(windowOptions({ preloadPath: 'p.js' }).webPreferences).not.toHaveProperty('javascript');
    expect(windowOptions({ preloadPath: 'p.js', javascript: false }).webPreferences).toMatchObject({ javascript: false, preload: 'p.js' });
    expect(windowOptions({ preloadPath: null }).webPreferences).not.toHaveProperty('preload');
  });
});

describe('CONTENT_SECURITY_POLICY', () => {
  const directives = new Map(
    CONTENT_SECURITY_POLICY.split(';').map((d) => {
      const [name, ...values] = d.trim().split(/\s+/);
      return [name, values] as const;
    }),
  );

  it('allows nothing inline or evaluated', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-/);
  });

  it.each([
    ['default-src', ["'self'"]],
    ['script-src', ["'self'"]],
    ['style-src', ["'self'"]],
    ['connect-src', ["'self'"]],
    ['object-src', ["'none'"]],
    ['base-uri', ["'none'"]],
    ['form-action', ["'none'"]],
    ['frame-ancestors', ["'none'"]],
    ['img-src', ["'self'", 'data:', 'blob:']],
  ])('%s is exactly %j', (name, values) => {
    expect(directives.get(name)).toEqual(values);
  });

  it('never allows a wildcard or a remote scheme', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/\*|https?:|ws:|wss:/);
  });
});

describe('isAllowedNavigation and validateSender', () => {
  const allowed = [APP_ORIGIN, `${APP_ORIGIN}/`, `${APP_ORIGIN}/index.html`, `${APP_ORIGIN}/index.html#/plans`];
  const refused = [
    'https://example.com.attacker.com',
    'https://example.com',
    'http://localhost:5173/',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'file:///etc/passwd',
    'file:///C:/Windows/win.ini',
    'about:blank',
    'blob:headroom://app/1234',
    'headroom://app.evil/',
    'headroom://app.evil.com/index.html',
    'headroom://app@evil/',
    'headroom://evil@app/',
    'headroom://user:pass@app/',
    'headroom://app:8080/',
    'headroom://other/index.html',
    'headroom:app/index.html',
    'HEADROOM://APP/',
    ' headroom://app/',
    'headroom://ap\tp.evil/',
    '',
  ];

  it.each(allowed)('allows %s', (url) => {
    expect(isAllowedNavigation(url)).toBe(true);
    expect(validateSender(url)).toBe(true);
  });

  it.each(refused)('refuses %j', (url) => {
    expect(isAllowedNavigation(url)).toBe(false);
    expect(validateSender(url)).toBe(false);
  });

  it('refuses a sender without a frame URL', () => {
    expect(validateSender(undefined)).toBe(false);
    expect(validateSender(null)).toBe(false);
  });

  it('names the scheme once', () => {
    expect(APP_SCHEME).toBe('headroom');
    expect(APP_ORIGIN).toBe('headroom://app');
  });
});

describe('isAllowedExternalUrl (reliability.md: openExternal)', () => {
  it.each(['https://www.gov.uk/guidance/x', 'https://github.com/org/repo', 'https://WWW.GOV.UK/'])('opens %s', (url) =>
    expect(isAllowedExternalUrl(url)).toBe(true),
  );

  it.each([
    'http://www.gov.uk/',
    'file:///etc/passwd',
    'file://server/share/x.exe',
    'smb://attacker/share',
    'ms-msdt:/id PCWDiagnostic',
    'ms-officecmd:open',
    'search-ms:query=x',
    'javascript:alert(1)',
    'data:text/html,hi',
    'headroom://app/index.html',
    'mailto:someone@www.gov.uk',
    'unknown-scheme://www.gov.uk/',
    'https://www.gov.uk.attacker.com/',
    'https://attacker.com/www.gov.uk',
    'https://www.gov.uk@attacker.com/',
    'https://user:pass@www.gov.uk/',
    'https://attacker.com\\@www.gov.uk/',
    'https://www.gov.uk:8443/',
    'https://gov.uk/',
    'https://evil.github.com.evil/',
    'not a url',
  ])('refuses %j', (url) => expect(isAllowedExternalUrl(url)).toBe(false));
});

describe('resolveAppUrl (reliability.md: app protocol)', () => {
  let tmp: string;
  let bundle: string;

  beforeAll(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'headroom-bundle-'));
    bundle = path.join(tmp, 'bundle');
    fs.mkdirSync(path.join(bundle, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(bundle, 'index.html'), '<!doctype html>');
    fs.writeFileSync(path.join(bundle, 'assets', 'app-1a2b.js'), 'export {}');
    fs.writeFileSync(path.join(bundle, 'assets', 'app.css'), 'body{}');
    fs.writeFileSync(path.join(bundle, 'assets', 'my chart.svg'), '<svg/>');
    fs.writeFileSync(path.join(tmp, 'secret.txt'), 'outside the bundle');
    fs.symlinkSync(path.join(tmp, 'secret.txt'), path.join(bundle, 'escape.txt'));
    fs.symlinkSync(tmp, path.join(bundle, 'up'));
    fs.symlinkSync(path.join(bundle, 'index.html'), path.join(bundle, 'alias.html'));
  });

  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  const real = (...p: string[]) => fs.realpathSync(path.join(bundle, ...p));

  it.each([
    ['headroom://app/', 'index.html', 'text/html; charset=utf-8'],
    ['headroom://app', 'index.html', 'text/html; charset=utf-8'],
    ['headroom://app/index.html?x=1#top', 'index.html', 'text/html; charset=utf-8'],
    ['headroom://app/assets/app-1a2b.js', 'assets/app-1a2b.js', 'text/javascript; charset=utf-8'],
    ['headroom://app/assets/app.css', 'assets/app.css', 'text/css; charset=utf-8'],
    ['headroom://app/assets/my%20chart.svg', 'assets/my chart.svg', 'image/svg+xml'],
  ])('serves %s', (url, file, mimeType) => {
    expect(resolveAppUrl(url, bundle)).toEqual({ status: 200, filePath: real(file), mimeType });
  });

  it('serves a symlink that stays inside the bundle, as its target', () => {
    expect(resolveAppUrl('headroom://app/alias.html', bundle)).toEqual({
      status: 200,
      filePath: real('index.html'),
      mimeType: 'text/html; charset=utf-8',
    });
  });

  it.each([
    'headroom://app/../secret.txt',
    'headroom://app/assets/../../secret.txt',
    'headroom://app/%2e%2e/secret.txt',
    'headroom://app/%2E%2E/secret.txt',
    'headroom://app/.%2e/secret.txt',
    'headroom://app/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    'headroom://app/..%2fsecret.txt',
    'headroom://app/..%5csecret.txt',
    'headroom://app/..\\secret.txt',
    'headroom://app/./index.html',
    'headroom://app//etc/passwd',
    'headroom://app/%2fetc%2fpasswd',
    'headroom://app/assets%2fapp.css', // an encoded slash is refused even when it stays inside
    'headroom://app/assets%2Fapp.css',
    'headroom://app/C:/Windows/win.ini',
    'headroom://app/index.html%00.png',
    'headroom://app/%E0%A4%A', // malformed escape
    'headroom://app/escape.txt', // symlink to a file outside the bundle
    'headroom://app/up/secret.txt', // symlinked directory outside the bundle
    'headroom://app/assets', // a directory, not a file
    'headroom://app/assets/',
    'headroom://app/missing.js',
    'headroom://app.evil/index.html',
    'https://app/index.html',
    'file:///etc/passwd',
  ])('gives 404 for %s', (url) => {
    expect(resolveAppUrl(url, bundle)).toEqual({ status: 404 });
  });

  it('gives 404 for the absolute path of a real file outside the bundle', () => {
    const secret = path.join(tmp, 'secret.txt');
    expect(fs.existsSync(secret)).toBe(true);
    for (const url of [`headroom://app/${encodeURIComponent(secret)}`, `headroom://app/${secret}`, `headroom://app${secret}`]) {
      expect(resolveAppUrl(url, bundle), url).toEqual({ status: 404 });
    }
  });

  it('gives 404 when the bundle folder does not exist', () => {
    expect(resolveAppUrl('headroom://app/', path.join(tmp, 'nope'))).toEqual({ status: 404 });
  });

  it('serves unknown file types as opaque bytes', () => {
    fs.writeFileSync(path.join(bundle, 'data.bin'), 'x');
    expect(resolveAppUrl('headroom://app/data.bin', bundle)).toMatchObject({
      status: 200,
      mimeType: 'application/octet-stream',
    });
  });
});

describe('permission deciders (reliability.md: permissions)', () => {
  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'unknown'])('denies a %s request', (permission) => {
    const callback = vi.fn();
    denyPermissionRequest({}, permission, callback);
    expect(callback).toHaveBeenCalledExactlyOnceWith(false);
  });

  it('denies every permission check', () => {
    expect(denyPermissionCheck()).toBe(false);
  });
});

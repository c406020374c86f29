// Every security decision the Electron shell makes, as plain functions over plain data.
// Type-only imports from 'electron' keep this module loadable (and testable) in plain Node.
import fs from 'node:fs';
import path from 'node:path';
import type { BrowserWindowConstructorOptions } from 'electron';

export const APP_SCHEME = 'headroom';
export const APP_HOST = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** Hosts that links in the app may open in the user's browser, over https only. */
export const EXTERNAL_HOSTS: readonly string[] = ['www.gov.uk', 'github.com'];

export const MIN_WIDTH = 960;
export const MIN_HEIGHT = 600;

export interface WindowBounds {
  x?: number;
  y?: number;
  width: number;
  height: number;
}

export function windowOptions(opts: {
  /** The preload that gives the page its API; null for a window that must get none. */
  preloadPath: string | null;
  bounds?: WindowBounds;
  dark?: boolean;
  /** false turns JavaScript off in the window (the default leaves it on). */
  javascript?: boolean;
}): BrowserWindowConstructorOptions {
  const { x, y, width, height } = opts.bounds ?? { width: 1280, height: 800 };
  return {
    ...(x !== undefined && y !== undefined ? { x, y } : { center: true }),
    width,
    height,
    minWidth: MIN_WIDTH,
    minHeight: MIN_HEIGHT,
    title: 'Headroom',
    show: false, // shown on 'ready-to-show' to avoid a white flash
    backgroundColor: opts.dark ? '#0f1b2d' : '#ffffff',
    webPreferences: {
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
      ...(opts.preloadPath === null ? {} : { preload: opts.preloadPath }),
      ...(opts.javascript === false ? { javascript: false } : {}),
    },
  };
}

/**
 * The hidden window that prints a briefing to PDF: the same hardened preferences, but no
 * preload (the briefing gets no API) and no JavaScript (it is static HTML), never shown.
 */
export function printWindowOptions(): BrowserWindowConstructorOptions {
  return {
    ...windowOptions({ preloadPath: null, javascript: false }),
    title: 'Headroom briefing',
    show: false,
    skipTaskbar: true,
    focusable: false,
  };
}

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  // React and recharts set styles through CSSOM (element.style), which style-src does not govern.
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** True only for `headroom://app` and paths below it: no userinfo, port or look-alike host. */
function isAppUrl(url: unknown): boolean {
  if (typeof url !== 'string') return false;
  // The literal prefix check rejects `headroom://app.evil`, `headroom://app@evil` and
  // whitespace the URL parser would silently strip.
  if (url !== APP_ORIGIN && !url.startsWith(`${APP_ORIGIN}/`)) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && parsed.username === '' && parsed.password === '';
}

export function isAllowedNavigation(url: string): boolean {
  return isAppUrl(url);
}

/** IPC is accepted only from frames showing our own bundle. */
export function validateSender(frameUrl: string | null | undefined): boolean {
  return isAppUrl(frameUrl);
}

export function isAllowedExternalUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === 'https:' &&
    parsed.username === '' &&
    parsed.password === '' &&
    parsed.port === '' &&
    EXTERNAL_HOSTS.includes(parsed.hostname)
  );
}

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

export function mimeTypeFor(filePath: string): string {
  return MIME_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

export type AppFile = { status: 200; filePath: string; mimeType: string } | { status: 404 };

const NOT_FOUND = { status: 404 } as const;

function isInside(dir: string, candidate: string): boolean {
  const rel = path.relative(dir, candidate);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/**
 * Maps `headroom://app/<path>` to a regular file inside bundleDir, or 404.
 * Chromium already normalises standard-scheme URLs; this re-checks the raw text
 * so that a bug or a bypass there cannot reach files outside the bundle.
 */
export function resolveAppUrl(requestUrl: string, bundleDir: string): AppFile {
  if (!isAppUrl(requestUrl)) return NOT_FOUND;
  const rawPath = requestUrl.slice(APP_ORIGIN.length).split(/[?#]/, 1)[0] || '/';
  // Encoded separators, NUL and backslashes have no business in a bundle path.
  if (/%(2f|5c|00)|\\|\0/i.test(rawPath)) return NOT_FOUND;

  let segments: string[];
  try {
    segments = rawPath.slice(1).split('/').map(decodeURIComponent);
  } catch {
    return NOT_FOUND; // malformed percent-encoding
  }
  if (segments.length === 1 && segments[0] === '') segments = ['index.html'];
  // Empty segments (`//etc`) and drive letters (`C:`) would turn the path absolute.
  const unsafe = (s: string) => s === '' || s === '.' || s === '..' || /^[a-z]:/i.test(s);
  if (segments.some(unsafe)) return NOT_FOUND;

  try {
    const root = fs.realpathSync(bundleDir);
    const candidate = path.resolve(root, ...segments);
    if (!isInside(root, candidate)) return NOT_FOUND;
    // realpath follows symlinks: a link inside the bundle must not lead out of it.
    const real = fs.realpathSync(candidate);
    if (!isInside(root, real) || !fs.statSync(real).isFile()) return NOT_FOUND;
    return { status: 200, filePath: real, mimeType: mimeTypeFor(real) };
  } catch {
    return NOT_FOUND;
  }
}

/** For `session.setPermissionRequestHandler`: the app needs no camera, location, notifications… */
export function denyPermissionRequest(_webContents: unknown, _permission: string, callback: (granted: boolean) => void): void {
  callback(false);
}

/** For `session.setPermissionCheckHandler`. */
export function denyPermissionCheck(): boolean {
  return false;
}

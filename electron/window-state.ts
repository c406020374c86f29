// Remembers where each plan's window was, and brings it back on a screen that still exists.
import fs from 'node:fs';
import path from 'node:path';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface SavedBounds {
  x?: number;
  y?: number;
  width: number;
  height: number;
}

/** The part of Electron's `Display` this module needs; main passes the primary display first. */
export interface DisplayArea {
  workArea: Rect;
}

export interface WindowState {
  version: 1;
  /** Keyed by document path, least recently used first. */
  documents: Record<string, Rect>;
}

export const MAX_REMEMBERED = 50;

function overlapArea(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

const clamp = (value: number, min: number, max: number) => Math.max(min, Math.min(value, max));

/**
 * Fits saved bounds entirely inside the display they overlap most. A window whose
 * monitor has gone (no overlap), or that never had a position, is centred on the
 * first (primary) display. Sizes shrink to the work area if they no longer fit.
 */
export function clampBounds(saved: SavedBounds, displays: readonly DisplayArea[]): Rect {
  const size = { width: Math.round(saved.width), height: Math.round(saved.height) };
  if (displays.length === 0) return { x: Math.round(saved.x ?? 0), y: Math.round(saved.y ?? 0), ...size };

  let target = displays[0].workArea;
  let placed = false;
  if (saved.x !== undefined && saved.y !== undefined) {
    const rect = { x: saved.x, y: saved.y, ...size };
    let best = 0;
    for (const { workArea } of displays) {
      const area = overlapArea(rect, workArea);
      if (area > best) [best, target] = [area, workArea];
    }
    placed = best > 0;
  }

  const width = Math.min(size.width, target.width);
  const height = Math.min(size.height, target.height);
  if (!placed) {
    return {
      x: target.x + Math.floor((target.width - width) / 2),
      y: target.y + Math.floor((target.height - height) / 2),
      width,
      height,
    };
  }
  return {
    x: clamp(Math.round(saved.x!), target.x, target.x + target.width - width),
    y: clamp(Math.round(saved.y!), target.y, target.y + target.height - height),
    width,
    height,
  };
}

const emptyState = (): WindowState => ({ version: 1, documents: {} });

function isRect(value: unknown): value is Rect {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Record<string, unknown>;
  return (
    [r.x, r.y, r.width, r.height].every((n) => typeof n === 'number' && Number.isFinite(n)) &&
    (r.width as number) > 0 &&
    (r.height as number) > 0
  );
}

/** A missing or damaged state file is not an error: windows just open at default positions. */
export function loadWindowState(file: string): WindowState {
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return emptyState();
  }
  const documents = (parsed as { documents?: unknown } | null)?.documents;
  if (typeof documents !== 'object' || documents === null) return emptyState();
  // fromEntries defines own properties, so a "__proto__" key stays an ordinary key.
  const valid = Object.entries(documents)
    .filter((entry): entry is [string, Rect] => isRect(entry[1]))
    .map(([doc, r]) => [doc, { x: r.x, y: r.y, width: r.width, height: r.height }]);
  return { version: 1, documents: Object.fromEntries(valid) };
}

/** Written to a temporary file and renamed, so a crash never leaves half a file. */
export function saveWindowState(file: string, state: WindowState): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    const fd = fs.openSync(tmp, 'w');
    try {
      fs.writeFileSync(fd, JSON.stringify(state, null, 2));
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, file);
  } catch (error) {
    fs.rmSync(tmp, { force: true });
    throw error;
  }
}

export function boundsFor(state: WindowState, doc: string): Rect | undefined {
  return Object.hasOwn(state.documents, doc) ? state.documents[doc] : undefined;
}

/** Returns a new state with doc's bounds as the most recent entry, forgetting the oldest beyond the limit. */
export function rememberBounds(state: WindowState, doc: string, bounds: Rect, limit = MAX_REMEMBERED): WindowState {
  const entries = Object.entries(state.documents).filter(([key]) => key !== doc);
  entries.push([doc, { x: bounds.x, y: bounds.y, width: bounds.width, height: bounds.height }]);
  return { version: 1, documents: Object.fromEntries(entries.slice(-limit)) };
}

/** Documents most recently used first. */
export function recentDocuments(state: WindowState, limit = 10): string[] {
  return Object.keys(state.documents).reverse().slice(0, limit);
}

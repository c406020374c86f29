// Structural equality of plain JSON values (what a plan is made of), keys in order: two
// values that pass are written out as the same JSON text.

export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJson(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const left = Object.keys(a);
  const right = Object.keys(b);
  if (left.length !== right.length) return false;
  for (let i = 0; i < left.length; i++) {
    const key = left[i];
    if (key !== right[i] || !sameJson((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])) return false;
  }
  return true;
}

/**
 * `next` with each entry equal to an entry of `earlier` replaced by that entry (at the same
 * place, else the first with the same id), so that unchanged parts are the same objects.
 */
export function shareEntries<T>(next: readonly T[], earlier: readonly T[] | undefined, idOf: (entry: T) => unknown): T[] {
  if (!earlier) return next.slice();
  let byId: Map<unknown, T> | null = null;
  return next.map((entry, index) => {
    if (index < earlier.length && sameJson(entry, earlier[index])) return earlier[index];
    if (!byId) {
      byId = new Map();
      for (const old of earlier) if (!byId.has(idOf(old))) byId.set(idOf(old), old);
    }
    const old = byId.get(idOf(entry));
    return old !== undefined && sameJson(entry, old) ? old : entry;
  });
}

// Pieces of self-contained HTML and SVG for the briefing: every plan-provided string goes
// through escapeHtml (names are untrusted), CSS strings through cssString.

/** Text for HTML, attribute values included. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
export const esc = escapeHtml;

/** Text as a CSS string literal: anything but plain characters becomes a hex escape. */
export function cssString(text: string): string {
  return `"${text.replace(/[^A-Za-z0-9 .,:;()/£%–—·-]/g, (c) => `\\${c.codePointAt(0)!.toString(16)} `)}"`;
}

export function svgText(x: number, y: number, text: string, cls: string, anchor: 'start' | 'middle' | 'end' = 'start'): string {
  return `<text x="${x.toFixed(1)}" y="${y.toFixed(1)}" class="${cls}" text-anchor="${anchor}">${esc(text)}</text>`;
}

export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

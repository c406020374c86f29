// Pieces of self-contained HTML and SVG for the briefing and the outturn report: every
// plan-provided string goes through escapeHtml (names are untrusted), CSS strings through
// cssString, and each document is one page whose Content-Security-Policy allows only its own
// style sheet (no script, nothing fetched), should escaping ever be missed.
import { createHash } from 'node:crypto';

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

/** A whole self-contained page: `title` is escaped here; `css` and `body` are already safe HTML. */
export function htmlDocument(title: string, css: string, body: string): string {
  const hash = createHash('sha256').update(css, 'utf8').digest('base64');
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'sha256-${hash}'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>${css}</style>
</head>
<body>
${body}
</body>
</html>
`;
}

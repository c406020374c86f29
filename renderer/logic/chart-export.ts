// Charts saved as files: the chart's <svg> written out with every colour, line and font it
// gets from the page's CSS (CSS variables resolved), so it looks the same in any viewer; and
// the name the file is saved under. Pure over a small DOM-like interface, so Node tests can
// drive it; ChartExport.tsx supplies the browser's DOM and computed styles. Nothing is cloned
// into the page: a copy with style attributes would trip its CSP (style-src 'self').

export const SVG_NS = 'http://www.w3.org/2000/svg';
export const XLINK_NS = 'http://www.w3.org/1999/xlink';
export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="no"?>';
/** PNGs are drawn at twice the chart's size on screen, sharp on high-DPI screens and in print. */
export const PNG_SCALE = 2;

/** What the serialiser reads of a node (a browser Node satisfies it); it never changes one. */
export interface SvgNode {
  /** 1 element, 3 text, 4 CDATA; anything else (comments) is left out. */
  readonly nodeType: number;
  readonly localName?: string | null;
  readonly nodeValue: string | null;
  readonly childNodes: ArrayLike<SvgNode>;
  readonly attributes?: ArrayLike<{ readonly name: string; readonly value: string }> | null;
}

/** A computed style (CSSStyleDeclaration satisfies it). */
export interface StyleLike {
  getPropertyValue(name: string): string;
}

interface StyleProperty {
  readonly name: string;
  /** Inherited properties are written only where they differ from the parent's. */
  readonly inherited: boolean;
  /** For properties that are not inherited: the value not worth writing. */
  readonly initial?: string;
}

/**
 * The properties that decide how a chart looks, each of which CSS or a var() attribute may
 * set. All are SVG presentation attributes, so they are written as attributes: a style
 * attribute would break the page's CSP (style-src 'self') and some viewers ignore it.
 */
export const STYLE_PROPERTIES: readonly StyleProperty[] = [
  ...[
    'fill',
    'fill-opacity',
    'fill-rule',
    'stroke',
    'stroke-width',
    'stroke-opacity',
    'stroke-dasharray',
    'stroke-dashoffset',
    'stroke-linecap',
    'stroke-linejoin',
  ].map((name) => ({ name, inherited: true })),
  ...['font-family', 'font-size', 'font-weight', 'font-style', 'text-anchor', 'dominant-baseline', 'visibility'].map((name) => ({
    name,
    inherited: true,
  })),
  { name: 'opacity', inherited: false, initial: '1' },
];
const STYLED = new Set(STYLE_PROPERTIES.map((p) => p.name));

/** Resolves var(--name) and var(--name, fallback), nested or repeated, through lookup. */
export function resolveCssVars(value: string, lookup: (name: string) => string): string {
  let text = value;
  // Innermost first; a bounded number of passes keeps a variable that refers to itself finite.
  for (let pass = 0; pass < 20 && text.includes('var('); pass++) {
    const next = text.replace(
      /var\(\s*(--[\w-]+)\s*(?:,\s*([^()]*(?:\([^()]*\)[^()]*)*))?\)/g,
      (_match, name: string, fallback?: string) => {
        const found = lookup(name).trim();
        return found || (fallback ?? '').trim();
      },
    );
    if (next === text) break;
    text = next;
  }
  return text;
}

export interface SerialiseOptions {
  /** The element's computed style (getComputedStyle in the page). */
  readonly styleOf: (node: SvgNode) => StyleLike;
  /** A custom property's value, for var() left in other attributes. */
  readonly lookupVar: (name: string) => string;
  /** Attributes to set on the root element in place of its own (its size on screen). */
  readonly rootAttributes?: Readonly<Record<string, string>>;
}

/**
 * The chart as SVG markup, every look-deciding property written as a presentation attribute
 * with its computed value (in place of attributes that may hold var() and of style
 * attributes); var() in any other attribute resolved; what is not displayed left out.
 * Inherited properties are written on the root and wherever they differ from the parent's.
 */
export function serialiseSvg(root: SvgNode, opts: SerialiseOptions): string {
  return element(root, null, opts.rootAttributes ?? {}, opts);
}

function element(
  node: SvgNode,
  parentStyle: StyleLike | null,
  overrides: Readonly<Record<string, string>>,
  opts: SerialiseOptions,
): string {
  const computed = opts.styleOf(node);
  const attributes = new Map<string, string>();
  for (const { name, value } of Array.from(node.attributes ?? [])) {
    // Namespace declarations come from the file's outer <svg>; style is replaced by attributes.
    if (name === 'style' || name === 'xmlns' || name.startsWith('xmlns:') || STYLED.has(name)) continue;
    attributes.set(name, value.includes('var(') ? resolveCssVars(value, opts.lookupVar) : value);
  }
  for (const [name, value] of Object.entries(overrides)) attributes.set(name, value);
  for (const property of STYLE_PROPERTIES) {
    const value = computed.getPropertyValue(property.name).trim();
    if (value === '') continue;
    const unchanged = property.inherited
      ? parentStyle !== null && parentStyle.getPropertyValue(property.name).trim() === value
      : value === property.initial;
    if (!unchanged) attributes.set(property.name, resolveCssVars(value, opts.lookupVar));
  }
  const name = node.localName ?? 'g';
  const attrText = [...attributes].map(([k, v]) => ` ${k}="${escapeXml(v)}"`).join('');
  const children = Array.from(node.childNodes)
    .map((child) => {
      if (child.nodeType === 3 || child.nodeType === 4) return escapeXml(child.nodeValue ?? '');
      if (child.nodeType !== 1) return '';
      if (opts.styleOf(child).getPropertyValue('display').trim() === 'none') return '';
      return element(child, computed, {}, opts);
    })
    .join('');
  return children === '' ? `<${name}${attrText}/>` : `<${name}${attrText}>${children}</${name}>`;
}

/** Text for XML, attribute values included. */
export function escapeXml(text: string): string {
  return text.replace(
    /[&<>"'\n\r\t]/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;', '\n': '&#10;', '\r': '&#13;', '\t': '&#9;' })[c]!,
  );
}

export interface SvgFileOptions {
  readonly width: number;
  readonly height: number;
  /** The chart's title, written as the file's <title>. */
  readonly title: string;
  /** The colour behind the chart on screen (charts are drawn on a card, not on nothing). */
  readonly background: string;
}

/**
 * A standalone SVG file around a serialised chart: XML declaration, the size in pixels and a
 * matching viewBox, a title, and the background the chart had on screen.
 */
export function svgFileText(chartMarkup: string, opts: SvgFileOptions): string {
  const width = round(opts.width);
  const height = round(opts.height);
  if (!(width > 0 && height > 0)) throw new Error('The chart has no size yet: show it on screen, then save it');
  return [
    XML_DECLARATION,
    `<svg xmlns="${SVG_NS}" xmlns:xlink="${XLINK_NS}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<title>${escapeXml(opts.title)}</title>`,
    `<rect width="${width}" height="${height}" fill="${escapeXml(opts.background)}"/>`,
    chartMarkup,
    '</svg>',
    '',
  ].join('\n');
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

/** True for a colour that shows nothing (what getComputedStyle gives an unset background). */
export function isTransparent(colour: string): boolean {
  const c = colour.trim().toLowerCase().replace(/\s+/g, '');
  // rgba(r, g, b, 0) or rgb(r g b / 0): an alpha of nothing (rgb(0, 0, 0) is black, not transparent).
  return c === '' || c === 'transparent' || /^rgba\(([^,()]+,){3}0*\.?0*%?\)$/.test(c) || /^rgba?\([^/()]+\/0*\.?0*%?\)$/.test(c);
}

/** The first colour that shows, from the chart outwards; white when none does. */
export function firstOpaque(colours: readonly string[]): string {
  return colours.find((c) => !isTransparent(c)) ?? '#ffffff';
}

/** The PNG's size in pixels for a chart of this size on screen. */
export function pngSize(width: number, height: number, scale = PNG_SCALE): { width: number; height: number } {
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

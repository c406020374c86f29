// Saving charts: the SVG copy with its computed colours written on, the file around it, and
// the file names. A small fake DOM stands in for the browser's; the e2e spec saves real charts.
import { describe, expect, it } from 'vitest';
import { chartFileName } from '../../shared/file-name';
import {
  firstOpaque,
  isTransparent,
  pngSize,
  resolveCssVars,
  serialiseSvg,
  svgFileText,
  XML_DECLARATION,
  type StyleLike,
  type SvgNode,
} from '../../renderer/logic/chart-export';

/** An element or text node, with the computed style a browser would give an element. */
class FakeNode implements SvgNode {
  readonly childNodes: FakeNode[];
  constructor(
    readonly nodeType: number,
    readonly localName: string | null,
    readonly attrs: Record<string, string> = {},
    readonly computed: Record<string, string> = {},
    children: FakeNode[] = [],
    readonly nodeValue: string | null = null,
  ) {
    this.childNodes = children;
  }
  get attributes() {
    return Object.entries(this.attrs).map(([name, value]) => ({ name, value }));
  }
}

const el = (tag: string, attrs: Record<string, string>, computed: Record<string, string>, children: FakeNode[] = []) =>
  new FakeNode(1, tag, attrs, computed, children);
const textNode = (text: string) => new FakeNode(3, null, {}, {}, [], text);
const comment = (text: string) => new FakeNode(8, null, {}, {}, [], text);

const style = (computed: Record<string, string>): StyleLike => ({ getPropertyValue: (name) => computed[name] ?? '' });
const VARS: Record<string, string> = { '--grid': '#e6eaef', '--muted': '#556270', '--series-1': ' #0072b2' };
const lookup = (name: string) => VARS[name] ?? '';
const PAGE = {
  'font-family': '"Inter", system-ui',
  'font-size': '14px',
  fill: 'rgb(0, 0, 0)',
  stroke: 'none',
  visibility: 'visible',
  opacity: '1',
  display: 'inline',
};

/** A recharts-like chart: a grid line, an axis label and a series drawn through CSS variables. */
function chart(seriesStyle: Record<string, string> = {}) {
  const grid = el('line', { stroke: 'var(--grid)', x1: '0', x2: '100' }, { ...PAGE, stroke: 'rgb(230, 234, 239)' });
  const label = el(
    'text',
    { fill: 'var(--muted)', 'font-size': '11', x: '4' },
    { ...PAGE, fill: 'rgb(85, 98, 112)', 'font-size': '11px' },
    [textNode('£1.5m & <more>')],
  );
  const series = el(
    'path',
    {
      d: 'M0,0L10,10',
      stroke: 'var(--series-1)',
      'stroke-dasharray': '6 3',
      fill: 'none',
      'data-colour': 'var(--series-1)',
      style: 'stroke: var(--series-1)',
    },
    { ...PAGE, stroke: 'rgb(0, 114, 178)', 'stroke-dasharray': '6px, 3px', fill: 'none', ...seriesStyle },
  );
  const hidden = el('g', { class: 'recharts-tooltip-cursor' }, { ...PAGE, display: 'none' }, [el('rect', {}, PAGE)]);
  const group = el('g', { class: 'recharts-layer' }, PAGE, [comment('x'), grid, label, series, hidden]);
  return el(
    'svg',
    {
      xmlns: 'http://www.w3.org/2000/svg',
      class: 'recharts-surface',
      width: '100%',
      height: '300',
      viewBox: '0 0 640 300',
      style: 'width: 100%; height: 100%;',
    },
    PAGE,
    [group],
  );
}

function serialised(seriesStyle: Record<string, string> = {}) {
  return serialiseSvg(chart(seriesStyle), {
    styleOf: (node) => style((node as FakeNode).computed),
    lookupVar: lookup,
    rootAttributes: { width: '640', height: '300' },
  });
}

describe('resolveCssVars', () => {
  it('replaces variables, uses fallbacks, and resolves nested ones', () => {
    expect(resolveCssVars('var(--grid)', lookup)).toBe('#e6eaef');
    expect(resolveCssVars('1px solid var(--series-1)', lookup)).toBe('1px solid #0072b2');
    expect(resolveCssVars('var(--nope, rgb(1, 2, 3))', lookup)).toBe('rgb(1, 2, 3)');
    expect(resolveCssVars('var(--nope, var(--muted))', lookup)).toBe('#556270');
    expect(resolveCssVars('var(--nope)', lookup)).toBe('');
    expect(resolveCssVars('url(#clip)', lookup)).toBe('url(#clip)');
  });

  it('stops on a variable that refers to itself', () => {
    expect(resolveCssVars('var(--loop)', (n) => (n === '--loop' ? 'var(--loop)' : ''))).toContain('var(--loop)');
  });
});

describe('serialiseSvg', () => {
  it('writes computed colours as attributes in place of var() and style, leaving no var() anywhere', () => {
    const svg = serialised();
    expect(svg).not.toContain('var(');
    expect(svg).not.toContain('style=');
    expect(svg).toContain('<line x1="0" x2="100" stroke="rgb(230, 234, 239)"/>');
    expect(svg).toContain('<text x="4" fill="rgb(85, 98, 112)" font-size="11px">£1.5m &amp; &lt;more&gt;</text>');
    // Other attributes holding a variable are resolved in place.
    expect(svg).toContain('<path d="M0,0L10,10" data-colour="#0072b2" fill="none" stroke="rgb(0, 114, 178)" stroke-dasharray="6px, 3px"/>');
  });

  it('writes the inherited properties on the root, and on children only where they differ', () => {
    const svg = serialised();
    expect(
      svg.startsWith(
        '<svg class="recharts-surface" width="640" height="300" viewBox="0 0 640 300" fill="rgb(0, 0, 0)" stroke="none" font-family="&quot;Inter&quot;, system-ui" font-size="14px" visibility="visible">',
      ),
    ).toBe(true);
    expect(svg).toContain('<g class="recharts-layer">');
    expect(svg).not.toContain('xmlns');
  });

  it('writes opacity (not inherited) wherever it is not 1', () => {
    expect(serialised({ opacity: '0.45' })).toMatch(/<path [^>]*opacity="0\.45"/);
    expect(serialised()).not.toContain('opacity=');
  });

  it('leaves out what is not displayed, and comments', () => {
    const svg = serialised();
    expect(svg).not.toContain('recharts-tooltip-cursor');
    expect(svg).not.toContain('<!--');
  });
});

describe('svgFileText', () => {
  const options = { width: 640, height: 300, title: 'Spend <by> month & "more"', background: 'rgb(255, 255, 255)' };

  it('starts with the XML declaration and states the size in pixels with a matching viewBox', () => {
    const text = svgFileText(serialised(), options);
    expect(text.startsWith(`${XML_DECLARATION}\n`)).toBe(true);
    expect(text).toMatch(
      /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" xmlns:xlink="http:\/\/www\.w3\.org\/1999\/xlink" width="640" height="300" viewBox="0 0 640 300">$/m,
    );
    expect(text).toContain('<svg class="recharts-surface" width="640" height="300"');
    expect(text.trimEnd().endsWith('</svg>')).toBe(true);
  });

  it('escapes the title and paints the background behind the chart', () => {
    const text = svgFileText('<svg/>', options);
    expect(text).toContain('<title>Spend &lt;by&gt; month &amp; &quot;more&quot;</title>');
    expect(text).toContain('<rect width="640" height="300" fill="rgb(255, 255, 255)"/>');
    expect(text.indexOf('<rect')).toBeLessThan(text.indexOf('<svg/>'));
  });

  it('rounds fractional sizes and refuses a chart with no size', () => {
    expect(svgFileText('<svg/>', { ...options, width: 640.123456, height: 299.999 })).toContain('width="640.12" height="300"');
    expect(() => svgFileText('<svg/>', { ...options, width: 0 })).toThrow(/no size yet/);
  });
});

describe('backgrounds', () => {
  it.each([
    ['transparent', true],
    ['rgba(0, 0, 0, 0)', true],
    ['rgb(0 0 0 / 0)', true],
    ['rgb(0, 0, 0)', false],
    ['rgba(0, 0, 0, 0.5)', false],
    ['rgb(15, 27, 45)', false],
  ])('%s transparent: %s', (colour, expected) => {
    expect(isTransparent(colour)).toBe(expected);
  });

  it('takes the first opaque colour outwards from the chart, else white', () => {
    expect(firstOpaque(['rgba(0, 0, 0, 0)', 'rgb(15, 27, 45)', 'rgb(255, 255, 255)'])).toBe('rgb(15, 27, 45)');
    expect(firstOpaque(['transparent'])).toBe('#ffffff');
  });
});

describe('chartFileName and pngSize', () => {
  it.each([
    [
      'West Midlands VRU: 2021/22 cliff edge',
      'Spend by month, Base vs Cut',
      'png',
      'West Midlands VRU 2021 22 cliff edge - Spend by month, Base vs Cut.png',
    ],
    ['../../etc', 'a/b\\c', 'svg', 'etc - a b c.svg'],
    ['', 'Chart', 'svg', 'Plan - Chart.svg'],
    ['Plan', '  ', 'png', 'Plan.png'],
  ] as const)('%j + %j → %j', (plan, title, format, expected) => {
    expect(chartFileName(plan, title, format)).toBe(expected);
  });

  it('draws PNGs at twice the size on screen', () => {
    expect(pngSize(640, 300)).toEqual({ width: 1280, height: 600 });
    expect(pngSize(640.4, 0)).toEqual({ width: 1281, height: 1 });
  });
});

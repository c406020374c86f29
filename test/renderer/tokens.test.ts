// The stylesheets and the chart theme read one set of tokens (renderer/styles/tokens.css).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as theme from '../../renderer/components/chart-theme';

const RENDERER = fileURLToPath(new URL('../../renderer', import.meta.url));
const tokensCss = fs.readFileSync(path.join(RENDERER, 'styles/tokens.css'), 'utf8');

function stylesheets(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? stylesheets(p) : e.name.endsWith('.css') ? [p] : [];
  });
}

/** Names defined (`--x:`) in a block of CSS. */
const defined = (css: string) => new Set([...css.matchAll(/(--[\w-]+)\s*:/g)].map((m) => m[1]));
/** Names read (`var(--x)`) anywhere in a text. */
const read = (text: string) => new Set([...text.matchAll(/var\((--[\w-]+)/g)].map((m) => m[1]));

const darkStart = tokensCss.indexOf('@media (prefers-color-scheme: dark)');
const light = defined(tokensCss.slice(0, darkStart));
const dark = defined(tokensCss.slice(darkStart));

describe('design tokens', () => {
  it('defines every variable the stylesheets read; a component may add layout variables, never redefine a token', () => {
    for (const file of stylesheets(RENDERER)) {
      const css = fs.readFileSync(file, 'utf8');
      const name = path.relative(RENDERER, file);
      const own = file.endsWith('tokens.css') ? new Set<string>() : defined(css);
      expect(
        [...read(css)].filter((v) => !light.has(v) && !own.has(v)),
        name,
      ).toEqual([]);
      expect(
        [...own].filter((v) => light.has(v)),
        name,
      ).toEqual([]);
    }
  });

  it('gives every colour the dark theme changes a light value too', () => {
    expect([...dark].filter((v) => !light.has(v))).toEqual([]);
  });

  it('draws charts only in token colours', () => {
    const used = read(JSON.stringify(theme));
    expect(used.size).toBeGreaterThan(8);
    expect([...used].filter((v) => !light.has(v))).toEqual([]);
    for (const colour of [...Object.values(theme.colours), ...theme.SERIES]) expect(dark.has(colour.slice(4, -1)), colour).toBe(true);
  });
});

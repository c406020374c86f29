// Checks any screen can be held to at a window size: the page never scrolls sideways, nothing
// a person reaches (by Tab or by scrolling to a row) sits under a sticky or fixed panel, every
// control has a name and shows where the focus is. Each returns the offenders, described so
// a failure says what to fix; an empty list passes.
import type { Page } from 'playwright-core';

export interface LayoutProblems {
  /** "page is 1342px wide in a 1280px window: table.data (1290px)". */
  readonly sideways: readonly string[];
  /** "button "Save" under div.live-summary". */
  readonly covered: readonly string[];
  readonly unnamed: readonly string[];
  /** Focused by keyboard, with no outline or box-shadow to show it. */
  readonly noFocusRing: readonly string[];
}

/** The page's own sideways scroll, with the widest elements that stick out of the window. */
export function sidewaysScroll(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const root = document.scrollingElement ?? document.documentElement;
    const width = root.clientWidth;
    if (root.scrollWidth <= width) return [];
    // Elements reaching past the window whose scrolling or clipping box (if any) does too.
    const clip = (el: Element): Element | null => {
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
        if (getComputedStyle(p).overflowX !== 'visible') return p;
      }
      return null;
    };
    const out = [...document.body.querySelectorAll('*')]
      .filter(
        (el) =>
          el.getBoundingClientRect().right > width + 1 &&
          // An absolutely placed element escapes a scroller that is not its containing block.
          ((clip(el)?.getBoundingClientRect().right ?? Infinity) > width + 1 || /absolute|fixed/.test(getComputedStyle(el).position)),
      )
      .map((el) => `${describe(el)} (right edge at ${Math.round(el.getBoundingClientRect().right)}px)`)
      .slice(-5);
    return [`page is ${root.scrollWidth}px wide in a ${width}px window: ${out.join(', ')}`];

    function describe(el: Element): string {
      const id = el.getAttribute('data-testid');
      return `${el.tagName.toLowerCase()}${id ? `[data-testid=${id}]` : el.classList.length ? `.${[...el.classList].join('.')}` : ''}`;
    }
  });
}

/**
 * Focuses each control in tab order (after a real Tab, so focus is by keyboard) and reads
 * what is at its centre, then scrolls each table row to the top as a link or a search would:
 * a sticky or fixed panel found there (and not the element's own) covers it.
 */
export async function focusAndCoverProblems(page: Page): Promise<Pick<LayoutProblems, 'covered' | 'unnamed' | 'noFocusRing'>> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.keyboard.press('Tab');
  return page.evaluate(() => {
    const covered: string[] = [];
    const unnamed: string[] = [];
    const noFocusRing: string[] = [];
    const FOCUSABLE =
      'a[href], button, input:not([type="hidden"]), select, textarea, summary, [tabindex]:not([tabindex="-1"]), [contenteditable="true"]';
    const shown = (el: Element) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
    };
    const text = (el: Element | null) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
    const nameOf = (el: HTMLElement): string => {
      const by = el.getAttribute('aria-labelledby');
      if (by)
        return by
          .split(/\s+/)
          .map((id) => text(document.getElementById(id)))
          .join(' ')
          .trim();
      const label = el.getAttribute('aria-label');
      if (label?.trim()) return label.trim();
      const labels = (el as HTMLInputElement).labels;
      if (labels && labels.length > 0) return [...labels].map(text).join(' ').trim();
      const title = el.getAttribute('title')?.trim();
      if (title) return title;
      if (/^(BUTTON|A|SUMMARY)$/i.test(el.tagName) || el.getAttribute('role') === 'tab') {
        return text(el) || [...el.querySelectorAll('img[alt], svg title')].map((x) => x.getAttribute('alt') ?? text(x)).join(' ');
      }
      // An svg is named by its own <title>.
      if (el.tagName.toLowerCase() === 'svg') return text(el.querySelector(':scope > title'));
      return '';
    };
    const describe = (el: Element): string => {
      const id = el.getAttribute('data-testid');
      const name = el instanceof HTMLElement ? nameOf(el) : '';
      const tag = el.tagName.toLowerCase();
      return `${tag}${id ? `[data-testid=${id}]` : ''}${name ? ` "${name.slice(0, 60)}"` : ''}`;
    };
    /** The sticky or fixed element at a point that is not `el` and does not contain it. */
    const coverAt = (el: Element): Element | null => {
      const r = el.getBoundingClientRect();
      const x = r.left + r.width / 2;
      const y = r.top + Math.min(r.height / 2, 12);
      if (y < 0 || y > window.innerHeight || x < 0 || x > window.innerWidth) return null;
      const hit = document.elementFromPoint(x, y);
      if (!hit || el.contains(hit) || hit.contains(el)) return null;
      for (let p: Element | null = hit; p; p = p.parentElement) {
        const position = getComputedStyle(p).position;
        if (position === 'sticky' || position === 'fixed') return p.contains(el) ? null : p;
      }
      return null;
    };
    const stickyName = (el: Element) => `${el.tagName.toLowerCase()}${el.classList.length ? `.${[...el.classList].join('.')}` : ''}`;

    const controls = [...document.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
      (el) => shown(el) && !(el as HTMLButtonElement).disabled && !el.closest('[inert], [aria-hidden="true"]'),
    );
    for (const el of controls) {
      // A grid cell is announced with its column's heading, even when it is blank.
      if (!nameOf(el) && el.getAttribute('role') !== 'gridcell') unnamed.push(describe(el));
      el.focus();
      if (document.activeElement !== el) continue;
      const style = getComputedStyle(el);
      const ring = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none';
      if (!ring) noFocusRing.push(describe(el));
      const cover = coverAt(el);
      if (cover) covered.push(`${describe(el)} under ${stickyName(cover)}`);
    }
    (document.activeElement as HTMLElement | null)?.blur();
    // Scrolling rows into view moves the tables' own scrollers too: put them back after.
    const scrollers = [...document.querySelectorAll('main *')]
      .filter((el) => el.scrollWidth > el.clientWidth || el.scrollHeight > el.clientHeight)
      .map((el) => ({ el, left: el.scrollLeft, top: el.scrollTop }));
    for (const row of document.querySelectorAll('main tbody tr')) {
      if (!shown(row)) continue;
      row.scrollIntoView({ block: 'start' });
      const cover = coverAt(row);
      if (cover) covered.push(`row "${text(row).slice(0, 60)}" under ${stickyName(cover)}`);
    }
    for (const { el, left, top } of scrollers) el.scrollTo(left, top);
    window.scrollTo(0, 0);
    return { covered, unnamed, noFocusRing };
  });
}

export async function layoutProblems(page: Page): Promise<LayoutProblems> {
  const sideways = await sidewaysScroll(page);
  return { sideways, ...(await focusAndCoverProblems(page)) };
}

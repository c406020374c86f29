// Sticky panels tell the page how tall they are (a CSS variable on <html>), so that
// scroll-padding-top (base.css) keeps whatever is focused or scrolled to out from under them.
import { useCallback } from 'react';

/**
 * A ref for a sticky element: publishes its height as `name` while it is sticky or fixed
 * (0 while a media query makes it static), and takes the variable away when it goes.
 */
export function useStickyHeight(name: `--sticky-${string}`): (el: HTMLElement | null) => () => void {
  return useCallback(
    (el: HTMLElement | null) => {
      const root = document.documentElement.style;
      if (!el) return () => {};
      const update = () => {
        const position = getComputedStyle(el).position;
        const height = position === 'sticky' || position === 'fixed' ? el.getBoundingClientRect().height : 0;
        root.setProperty(name, `${Math.ceil(height)}px`);
      };
      update();
      const observer = new ResizeObserver(update);
      observer.observe(el);
      // A media query can change the position without changing the size.
      window.addEventListener('resize', update);
      return () => {
        observer.disconnect();
        window.removeEventListener('resize', update);
        root.removeProperty(name);
      };
    },
    [name],
  );
}

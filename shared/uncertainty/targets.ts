// What a break-even can aim for (plan-format.md §9), free of the engine and mathjs so the
// renderer's main thread can offer the choice; breakeven.ts does the search.
export const BREAKEVEN_TARGETS = ['no-closures', 'no-drawn', 'compliant'] as const;
export type BreakevenTarget = (typeof BREAKEVEN_TARGETS)[number];

export function isBreakevenTarget(text: string): text is BreakevenTarget {
  return (BREAKEVEN_TARGETS as readonly string[]).includes(text);
}

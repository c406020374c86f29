// File names made from text the person typed (a plan's name, a chart's title): safe on any
// OS, used by main for exported files and by the page for saved charts.

/** A plan's name as a file name on any OS: no separators, reserved characters or leading dots. */
export function fileNameFor(planName: string, suffix: string): string {
  const safe = planName
    // Control characters are exactly what a file name must not hold.
    // eslint-disable-next-line no-control-regex
    .replace(/[<>:"/\\|?*\u0000-\u001f\u007f]+/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^[.\s]+|[.\s]+$/g, '')
    .slice(0, 120)
    .trimEnd();
  // Windows refuses CON, NUL, COM1… as a file's name whatever follows the first dot.
  const reserved = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])$/i.test(safe.split('.')[0].trim());
  return `${safe ? (reserved ? `${safe} (plan)` : safe) : 'Plan'}${suffix}`;
}

/**
 * What main exports for a plan: "<plan> comparison.xlsx", "<plan> briefing.pdf", "<plan> outturn 2021-22.xlsx",
 * "<plan> history.csv", "<plan> comparison with <snapshot>.xlsx".
 */
export function exportFileName(
  planName: string,
  what: 'comparison' | 'briefing' | 'history' | `outturn ${string}` | `comparison with ${string}`,
  format: 'csv' | 'xlsx' | 'html' | 'pdf',
): string {
  return fileNameFor(planName, ` ${what}.${format}`);
}

/** A document's file name without its extension ("WMVRU.headroom" → "WMVRU"): the base of the page's downloads. */
export function documentBaseName(fileName: string | undefined): string {
  return (fileName ?? 'plan').replace(/\.[^.]+$/, '') || 'plan';
}

/** "<document>-risk-<scenario>.csv", "<document>-ladder-<scenario>-<variable>.csv": the Risk screen's downloads. */
export function riskFileName(documentName: string | undefined, parts: readonly string[]): string {
  return fileNameFor(`${documentBaseName(documentName)}-${parts.join('-')}`, '.csv');
}

/** "<plan> - <chart title>.png", safe as a file name on any OS: a chart saved from the page. */
export function chartFileName(planName: string, title: string, format: 'png' | 'svg'): string {
  const plan = planName.trim() || 'Plan';
  return fileNameFor(title.trim() ? `${plan} - ${title}` : plan, `.${format}`);
}

/** "<document>.json": the plan saved from the page as JSON. */
export function planJsonFileName(documentName: string | undefined): string {
  return fileNameFor(documentBaseName(documentName), '.json');
}

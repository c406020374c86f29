// One look for every recharts chart: axis ticks, grid, tooltip and series colours, all read
// from the tokens in styles/tokens.css (var(--…)), so light and dark follow the system and an
// exported chart resolves the same values (logic/chart-export.ts).

/** Tick labels: the muted text colour at --text-2xs (SVG attributes take a number of pixels). */
export const tick = { fill: 'var(--muted)', fontSize: 11 } as const;
/** Category names read as text (a bar per service), at --text-xs. */
export const nameTick = { fill: 'var(--text)', fontSize: 12 } as const;
/** An axis title, placed by the chart. */
export const axisLabel = { fill: 'var(--muted)', fontSize: 11 } as const;

export const gridStroke = 'var(--grid)';

/** Props for the horizontal axis of a time chart: ticks, no tick marks, a strong base line. */
export const xAxisProps = { tick, tickLine: false, axisLine: { stroke: 'var(--border-strong)' } } as const;
/** Props for a value axis: ticks only. */
export const yAxisProps = { tick, tickLine: false, axisLine: false } as const;

/** recharts' own tooltip box, for charts without a custom one. */
export const tooltipStyle = { background: 'var(--surface)', border: '1px solid var(--border)', color: 'var(--text)' } as const;
export const tooltipCursor = { fill: 'var(--hover)' } as const;

/** What each kind of series is drawn in. */
export const colours = {
  spend: 'var(--chart-spend)',
  actual: 'var(--chart-actual)',
  partner: 'var(--chart-partner)',
  funding: 'var(--chart-funding)',
  notYetKnown: 'var(--risk-fill)',
} as const;

/** Scenarios side by side: a colour each (the series keys in the legend use the same tokens). */
export const SERIES = ['var(--series-1)', 'var(--series-2)', 'var(--series-3)', 'var(--series-4)'] as const;

export function seriesColour(index: number): string {
  return SERIES[index % SERIES.length];
}

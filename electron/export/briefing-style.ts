// The briefing's page: A4 with running headers and footers from @page margin boxes, one
// colour per scenario, and the rules for its tables and charts.
import { cssString, truncate } from './html';

export const FONT = `"Segoe UI", "Helvetica Neue", Arial, "Liberation Sans", sans-serif`;
export const COLOURS = ['#1f4e79', '#b5541c', '#2e7d5b', '#74508f', '#8a6d1f', '#4d5b69'];

export interface BriefingMeta {
  readonly plan: string;
  readonly scenarios: readonly string[];
  readonly date: string;
}

export function styles(meta: BriefingMeta): string {
  const chips = COLOURS.map((c, i) => `.chip[data-i="${i}"]{background:${c}}`).join('');
  // The footer names every scenario: two to a line, each shortened only when very long (the first page names them in full).
  const n = meta.scenarios.length;
  const perLine = n > 2 ? 2 : n;
  const width = perLine === 1 ? 110 : 72;
  const lines: string[] = [];
  for (let i = 0; i < n; i += perLine)
    lines.push(
      meta.scenarios
        .slice(i, i + perLine)
        .map((s) => truncate(s, width))
        .join('   ·   '),
    );
  const footer = lines.join('\n');
  return `
@page {
  size: A4;
  margin: 20mm 18mm 18mm 18mm;
  @top-left { content: ${cssString(truncate(meta.plan, 90))}; font: 7.5pt ${FONT}; color: #6b7785; vertical-align: bottom; padding-bottom: 4mm; }
  @top-right { content: ${cssString(`Briefing · ${meta.date}`)}; font: 7.5pt ${FONT}; color: #6b7785; vertical-align: bottom; padding-bottom: 4mm; }
  @bottom-left { content: ${cssString(footer)}; font: 6.5pt ${FONT}; color: #6b7785; vertical-align: top; padding-top: 3mm; width: 82%; white-space: pre; line-height: 1.4; }
  @bottom-right { content: "Page " counter(page) " of " counter(pages); font: 7.5pt ${FONT}; color: #6b7785; vertical-align: top; padding-top: 4mm; }
}
@page :first { @top-left { content: none; } @top-right { content: none; } }
* { box-sizing: border-box; }
html { font-family: ${FONT}; font-size: 10pt; line-height: 1.45; color: #1c2733; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; }
@media screen {
  html { background: #e9edf1; }
  body { max-width: 210mm; margin: 8mm auto; padding: 16mm 18mm; background: #fff; box-shadow: 0 1px 4px rgba(0,0,0,.15); }
}
h1 { font-size: 21pt; line-height: 1.2; font-weight: 600; margin: 2mm 0 3mm; color: #14263d; letter-spacing: -0.01em; }
h2 { font-size: 13pt; font-weight: 600; color: #14263d; margin: 0 0 3mm; padding-bottom: 1.5mm; border-bottom: 0.75pt solid #c8d1da; }
h3 { font-size: 10.5pt; font-weight: 600; color: #14263d; margin: 5mm 0 1.5mm; }
p { margin: 0 0 2.5mm; }
h2, h3, p.lead-in, .legend { break-after: avoid; }
.overline { font-size: 8pt; letter-spacing: 0.12em; text-transform: uppercase; color: #5b6b7b; }
.lede { font-size: 11pt; color: #33414f; max-width: 160mm; }
section { margin-top: 8mm; }
section.new-page { break-before: page; margin-top: 0; }
.passed-edge { margin: 4mm 0; }
.keep { break-inside: avoid; }
.scenario-key { list-style: none; padding: 0; margin: 4mm 0 0; }
.scenario-key li { display: flex; gap: 3mm; align-items: baseline; margin: 0 0 1.5mm; }
.scenario-key .stance { color: #5b6b7b; font-size: 8.5pt; }
.chip { display: inline-block; min-width: 5mm; padding: 0.3mm 1.3mm; border-radius: 1mm; color: #fff; font-weight: 700; font-size: 8pt; text-align: center; line-height: 1.35; }
${chips}
.messages { background: #f2f5f8; border-left: 3pt solid #1f4e79; padding: 4mm 6mm 2mm 6mm; margin: 0; }
.messages ol { margin: 0; padding-left: 0; list-style: none; }
.messages li { break-inside: avoid; display: grid; grid-template-columns: 8mm 1fr; margin: 0 0 3mm; font-size: 10.5pt; line-height: 1.5; }
.messages li .chip { justify-self: start; align-self: start; margin-top: 0.6mm; }
.messages li.edge { color: #33414f; }
.messages li.edge .chip { background: #8c96a1; }
table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }
th, td { padding: 1.3mm 2mm; text-align: left; vertical-align: top; }
.glance { margin-top: 2mm; }
.glance th { font-size: 8.5pt; font-weight: 600; color: #33414f; border-bottom: 0.75pt solid #c8d1da; vertical-align: bottom; }
.glance td { border-bottom: 0.5pt solid #e3e8ed; padding-top: 2mm; padding-bottom: 2mm; }
.glance td.big { font-size: 15pt; font-weight: 600; color: #14263d; }
.glance td.measure { color: #33414f; width: 36%; vertical-align: middle; }
.figures { font-size: 8pt; line-height: 1.3; }
.figures thead th { border-bottom: 0.75pt solid #8a99a8; font-weight: 600; }
.figures td { border-bottom: 0.4pt solid #e3e8ed; padding-top: 0.45mm; padding-bottom: 0.45mm; }
.figures thead .name { display: block; font-weight: 400; font-size: 7.5pt; color: #5b6b7b; white-space: normal; line-height: 1.25; margin-top: 0.8mm; }
.figures .num { text-align: right; white-space: nowrap; }
.figures .diff { color: #4a5866; background: #f6f8fa; }
.figures tr.group th { font-size: 9pt; font-weight: 600; color: #14263d; padding-top: 2.6mm; padding-bottom: 0.8mm; border-bottom: 0.75pt solid #c8d1da; }
.figures tbody { break-inside: avoid; }
.figures tr.differs td.measure { font-weight: 600; }
.figures td.measure { width: 38%; min-width: 40mm; }
.figures.wide { font-size: 7pt; }
.figures.wide th, .figures.wide td { padding-left: 1.2mm; padding-right: 1.2mm; }
figure { margin: 0 0 4mm; break-inside: avoid; }
figcaption { font-size: 8.5pt; color: #5b6b7b; margin-top: 1mm; }
figure h3 { margin-top: 3mm; }
svg { display: block; width: 100%; height: auto; overflow: visible; }
svg .grid { stroke: #e3e8ed; stroke-width: 0.6; }
svg .axis { stroke: #8a99a8; stroke-width: 0.8; }
svg .fy-line { stroke: #a9b5c1; stroke-width: 0.8; }
svg .tick { font: 8.5px ${FONT}; fill: #5b6b7b; }
svg .tick-faint { font: 7.5px ${FONT}; fill: #8a99a8; }
svg .bar-value { font: 9px ${FONT}; fill: #33414f; }
svg .risk-band { fill: #f7ecd2; }
svg .over { fill: #efc4bd; }
svg .funding { fill: #dde7f0; stroke: #a7bccf; stroke-width: 0.6; }
svg .spend { fill: none; stroke-width: 2.2; stroke-linejoin: round; }
svg .row-label { font: 9px ${FONT}; fill: #1c2733; }
svg .zebra { fill: #f6f8fa; }
svg .notice { stroke: #b7c2cc; stroke-width: 1.2; }
svg .deadline { fill: #fff; stroke: #6b7785; stroke-width: 1; }
svg .deadline-early { fill: #b3261e; stroke: #b3261e; stroke-width: 1; }
svg .known-line { stroke-width: 1.3; stroke-dasharray: 3 2; }
svg .known-label { font: 600 8px ${FONT}; fill: #14263d; }
svg .closes-label { font: 600 7px ${FONT}; }
.legend { display: flex; flex-wrap: wrap; gap: 5mm; font-size: 8pt; color: #33414f; margin: 1mm 0 2mm; }
.legend .swatch { display: inline-block; width: 4mm; height: 2.6mm; margin-right: 1.2mm; vertical-align: -0.2mm; border-radius: 0.4mm; }
.legend .dot { display: inline-block; width: 2.4mm; height: 2.4mm; border-radius: 50%; margin-right: 1.2mm; vertical-align: -0.1mm; }
.sw-funding { background: #d6e2ed; border: 0.5pt solid #9fb6cc; }
.sw-risk { background: #f7ecd2; }
.sw-over { background: #efc4bd; }
.sw-line { height: 0.7mm !important; vertical-align: 0.6mm !important; background: #1f4e79; }
.dot-early { background: #b3261e; }
.dot-late { background: #fff; border: 0.6pt solid #6b7785; }
.outcomes { font-size: 8.5pt; }
.outcomes thead th { border-bottom: 0.75pt solid #8a99a8; font-weight: 600; vertical-align: bottom; }
.outcomes thead .name { font-weight: 400; font-size: 7.5pt; color: #5b6b7b; }
.outcomes td { border-bottom: 0.4pt solid #e3e8ed; padding-top: 0.6mm; padding-bottom: 0.6mm; line-height: 1.3; }
.outcomes tr { break-inside: avoid; }
.outcomes tr.differs td.service { font-weight: 600; }
.outcomes td.closes { color: #8f1f18; }
.outcomes td.avoidable { color: #8f1f18; font-weight: 600; }
.outcomes td.transitions { color: #1f5e46; }
.outcomes td.ended, .outcomes td.continues { color: #4a5866; }
.outcomes td.absent { color: #5b6b7b; font-style: italic; }
.changes td.when { white-space: nowrap; color: #4a5866; }
.note { font-size: 8.5pt; color: #5b6b7b; }
.notes { font-size: 8.5pt; color: #33414f; border-top: 0.75pt solid #c8d1da; padding-top: 3mm; margin-top: 8mm; }
.notes p { margin-bottom: 1.8mm; }
`;
}

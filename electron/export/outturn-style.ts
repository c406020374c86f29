// The outturn report's page: the briefing's look (font, colours, tables) on A4 landscape,
// with running headers and footers from @page margin boxes.
import { FONT } from './briefing-style';
import { cssString, truncate } from './html';

export interface OutturnMeta {
  readonly plan: string;
  readonly scenario: string;
  readonly fy: string;
  readonly date: string;
}

export function outturnStyles(meta: OutturnMeta): string {
  const box = `font: 7.5pt ${FONT}; color: #6b7785;`;
  return `
@page {
  size: A4 landscape;
  margin: 16mm 15mm 15mm 15mm;
  @top-left { content: ${cssString(truncate(meta.plan, 120))}; ${box} vertical-align: bottom; padding-bottom: 3mm; }
  @top-right { content: ${cssString(`Forecast outturn ${meta.fy} · ${meta.date}`)}; ${box} vertical-align: bottom; padding-bottom: 3mm; }
  @bottom-left { content: ${cssString(truncate(meta.scenario, 120))}; ${box} vertical-align: top; padding-top: 3mm; width: 75%; }
  @bottom-right { content: "Page " counter(page) " of " counter(pages); ${box} vertical-align: top; padding-top: 3mm; }
}
@page :first { @top-left { content: none; } @top-right { content: none; } }
* { box-sizing: border-box; }
html { font-family: ${FONT}; font-size: 9.5pt; line-height: 1.4; color: #1c2733; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; }
@media screen {
  html { background: #e9edf1; }
  body { max-width: 297mm; margin: 8mm auto; padding: 14mm 15mm; background: #fff; box-shadow: 0 1px 4px rgba(0,0,0,.15); }
}
h1 { font-size: 19pt; line-height: 1.2; font-weight: 600; margin: 1mm 0 2mm; color: #14263d; letter-spacing: -0.01em; overflow-wrap: anywhere; }
h2 { font-size: 12pt; font-weight: 600; color: #14263d; margin: 0 0 2.5mm; padding-bottom: 1.2mm; border-bottom: 0.75pt solid #c8d1da; break-after: avoid; }
p { margin: 0 0 2mm; }
.overline { font-size: 8pt; letter-spacing: 0.12em; text-transform: uppercase; color: #5b6b7b; }
.lede { font-size: 10.5pt; color: #33414f; overflow-wrap: anywhere; }
.lede.budget-source { font-size: 9.5pt; margin-top: 1mm; }
section { margin-top: 5mm; }
.keep { break-inside: avoid; }
.top { display: grid; grid-template-columns: 1.2fr 1fr; gap: 8mm; align-items: start; margin-top: 4mm; }
.messages { background: #f2f5f8; border-left: 3pt solid #1f4e79; padding: 3mm 5mm 1mm; margin: 0; list-style: none; }
.messages li { margin: 0 0 2mm; font-size: 10pt; line-height: 1.45; }
.messages li.over { color: #8f1f18; }
table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }
th, td { padding: 1mm 1.6mm; text-align: left; vertical-align: top; }
.glance th { font-size: 8pt; font-weight: 600; color: #33414f; border-bottom: 0.75pt solid #c8d1da; }
.glance th, .glance td { width: 20%; }
.glance td { font-size: 12pt; font-weight: 600; color: #14263d; padding-top: 1.6mm; white-space: nowrap; }
.figures { font-size: 8pt; line-height: 1.3; }
.figures thead th { border-bottom: 0.75pt solid #8a99a8; font-weight: 600; vertical-align: bottom; }
.figures thead { display: table-header-group; }
.figures td { border-bottom: 0.4pt solid #e3e8ed; padding-top: 0.8mm; padding-bottom: 0.8mm; }
.figures .num { text-align: right; white-space: nowrap; }
.figures .name { overflow-wrap: anywhere; }
.figures tbody.line { break-inside: avoid; }
.figures tr.comment td { color: #4a5866; font-style: italic; border-bottom: 0.4pt solid #e3e8ed; padding-top: 0; padding-left: 6mm; overflow-wrap: anywhere; white-space: pre-line; }
.figures tbody.line:has(tr.comment) tr:first-child td { border-bottom: none; }
.figures tr.total td { font-weight: 600; border-top: 0.75pt solid #8a99a8; border-bottom: none; }
.figures .over { color: #8f1f18; }
.figures .under { color: #1f5e46; }
.figures .muted { color: #5b6b7b; }
.groups { display: grid; grid-template-columns: 1fr 1fr; gap: 8mm; align-items: start; }
.groups td.name { min-width: 28mm; }
.note { font-size: 8pt; color: #5b6b7b; }
`;
}

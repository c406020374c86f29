// The simulation of one resolved scenario (plan-format.md §3). Pure: plain data in, plain
// data out; no clock, no I/O. FYs are processed in order: for each, a decision (which
// interventions keep funding) and, once every decision is known, an account.
//   tables.ts   the interventions' figures as typed arrays, kept with the resolved lists
//   ledger.ts   costs month by month, as runs of months, before any decision
//   pools.ts    the FY's ring-fenced and general pools
//   decide.ts   when each FY is known, and the decisions (wait and prudent)
//   account.ts  spend, partners, each FY's figures, outcomes and totals, in typed arrays
//   result.ts   the full result: every FY, month and intervention as objects
//   summary.ts  the summary: what a draw, a ladder row or a break-even probe reads
//   scratch.ts  the typed arrays one simulation works in, kept between simulations
export { monthlySpend } from './account';
export { simulate } from './result';
export { simulateSummary, type SummaryOptions } from './summary';
export * from './types';

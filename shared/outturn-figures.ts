// The forecast outturn of an FY (plan-format.md §10), from a scenario's results: per service
// its budget (the plan as made: the same scenario simulated without actuals; or a snapshot's
// scenario as it was, lined up by service id), actual to date,
// forecast for the rest, outturn and variance; totals by system and by category; funding
// against outturn, what is drawn and what lapses; the grant condition. Pure (no formulas), so
// the app's main thread may build it; shared/outturn.ts simulates and builds it for the CLI.
import type { SimulationResult } from './engine';
import { formatMoney, formatPercent, divRoundHalfEven, type Pence } from './money';
import { formatFy, fyEnd, fyOfMonth, fyStart, monthName, parseFy, parseMonth, type FyYear, type MonthIndex } from './months';
import type { Plan } from './plan';
import { outcomeAt, type OutcomeOrAbsent } from './words';

export interface OutturnFigures {
  readonly budget: Pence;
  readonly actual: Pence;
  readonly forecast: Pence;
  /** actual + forecast. */
  readonly outturn: Pence;
  /** outturn − budget: positive is an overspend. */
  readonly variance: Pence;
  /** variance ÷ budget, rounded half-to-even to 4 decimals; null when the budget is 0. */
  readonly varianceShare: number | null;
}

export interface OutturnLine extends OutturnFigures {
  readonly id: string;
  readonly name: string;
  readonly category: 'commissioned' | 'central';
  readonly system: string | null;
  /** What this scenario does with the service over the horizon; null for a service only the budget's plan has. */
  readonly outcome: OutcomeOrAbsent;
  /** The treasurer's note for this service and FY (actuals.commentary), or null. */
  readonly commentary: string | null;
}

export interface OutturnGroup extends OutturnFigures {
  readonly label: string;
}

export interface OutturnReport {
  readonly plan: string;
  readonly scenario: { readonly id: string; readonly name: string };
  readonly fy: FyYear;
  readonly underwriter: string;
  /** Where the budget comes from: AS_PLANNED, or a snapshot's scenario ("Budget as approved, February: Base"). */
  readonly budgetSource: string;
  /** The actuals' last month, or null for a plan without actuals. */
  readonly asAt: MonthIndex | null;
  /** How many of the FY's months are actual months. */
  readonly actualMonths: number;
  readonly lines: readonly OutturnLine[];
  readonly totals: OutturnFigures;
  readonly bySystem: readonly OutturnGroup[];
  readonly byCategory: readonly OutturnGroup[];
  readonly funding: Pence;
  /** Drawn from the underwriter and funding left unspent (which lapses at 31 March), at outturn and at budget. */
  readonly drawn: Pence;
  readonly underspend: Pence;
  readonly budgetDrawn: Pence;
  readonly budgetUnderspend: Pence;
  readonly commissionedShare: number | null;
  readonly requiredShare: number | null;
  readonly compliant: boolean;
}

/** variance ÷ budget to 4 decimals, half-to-even on exact integers. */
function shareOfBudget(variance: Pence, budget: Pence): number | null {
  if (budget === 0) return null;
  return Number(divRoundHalfEven(BigInt(variance) * 10000n, BigInt(budget))) / 10000;
}

function figures(budget: Pence, actual: Pence, outturn: Pence): OutturnFigures {
  const variance = outturn - budget;
  return { budget, actual, forecast: outturn - actual, outturn, variance, varianceShare: shareOfBudget(variance, budget) };
}

function groupBy(lines: readonly OutturnLine[], label: (line: OutturnLine) => string): OutturnGroup[] {
  const groups = new Map<string, { budget: Pence; actual: Pence; outturn: Pence }>();
  for (const line of lines) {
    const key = label(line);
    const sum = groups.get(key) ?? { budget: 0, actual: 0, outturn: 0 };
    groups.set(key, { budget: sum.budget + line.budget, actual: sum.actual + line.actual, outturn: sum.outturn + line.outturn });
  }
  return [...groups].map(([key, sum]) => ({ label: key, ...figures(sum.budget, sum.actual, sum.outturn) }));
}

/** The FY an outturn report is for by default: the FY of the actuals' asAt, else the horizon's first. */
export function defaultOutturnFy(plan: Plan): FyYear {
  return fyOfMonth(parseMonth(plan.actuals?.asAt ?? plan.horizon.start));
}

/** The budget of the existing path: the same scenario simulated without actuals. */
export const AS_PLANNED = 'As planned (the plan without actuals)';

/** The report from a scenario's result with its actuals and as planned (`budget`: the same without them). */
export function outturnFrom(plan: Plan, result: SimulationResult, budget: SimulationResult, fy: FyYear): OutturnReport {
  return outturnWithBudget(plan, result, budget, fy, AS_PLANNED);
}

/**
 * The report against any budget: `budget` may be another plan's result (a snapshot's scenario).
 * Lines are lined up by service id: today's services in order, then those only the budget has
 * (outturn 0); a service only today's plan has is budgeted 0, and so is every line when the FY
 * is outside the budget's horizon.
 */
export function outturnWithBudget(
  plan: Plan,
  result: SimulationResult,
  budget: SimulationResult,
  fy: FyYear,
  budgetSource: string,
): OutturnReport {
  const f = result.years.findIndex((y) => y.fy === fy);
  if (f < 0) {
    const fys = result.years.map((y) => formatFy(y.fy)).join(', ');
    throw new Error(`${formatFy(fy)} is not an FY of the plan's horizon (${fys})`);
  }
  const bf = budget.years.findIndex((y) => y.fy === fy);
  const budgeted = new Map(budget.interventions.map((r) => [r.id, r]));
  const plannedOf = (id: string) => (bf < 0 ? 0 : (budgeted.get(id)?.planCost[bf] ?? 0));
  const notes = new Map((plan.actuals?.commentary ?? []).filter((c) => parseFy(c.fy) === fy).map((c) => [c.intervention, c.text]));
  const lines: OutturnLine[] = [];
  result.interventions.forEach((r) => {
    const planned = plannedOf(r.id);
    const outturn = r.planCost[f];
    const actual = r.actualByFy[f];
    if (planned === 0 && outturn === 0 && actual === 0 && !notes.has(r.id)) return;
    lines.push({
      id: r.id,
      name: r.name,
      category: r.category,
      system: r.system,
      outcome: outcomeAt(r),
      commentary: notes.get(r.id) ?? null,
      ...figures(planned, actual, outturn),
    });
  });
  const live = new Set(result.interventions.map((r) => r.id));
  for (const r of budget.interventions) {
    const planned = plannedOf(r.id);
    if (live.has(r.id) || planned === 0) continue;
    lines.push({
      id: r.id,
      name: r.name,
      category: r.category,
      system: r.system,
      outcome: null,
      commentary: null,
      ...figures(planned, 0, 0),
    });
  }
  const sum = (pick: (line: OutturnLine) => Pence) => lines.reduce((total, line) => total + pick(line), 0);
  const year = result.years[f];
  const planned = bf < 0 ? { drawn: 0, underspend: 0 } : budget.years[bf];
  const asAt = result.asAt;
  const from = Math.max(fyStart(fy), result.horizonStart);
  const actualMonths = asAt === null ? 0 : Math.max(0, Math.min(asAt, fyEnd(fy)) - from + 1);
  return {
    plan: plan.name,
    scenario: { id: result.id, name: result.name },
    fy,
    underwriter: result.underwriter,
    budgetSource,
    asAt,
    actualMonths,
    lines,
    totals: figures(
      sum((l) => l.budget),
      sum((l) => l.actual),
      sum((l) => l.outturn),
    ),
    bySystem: groupBy(lines, (l) => l.system ?? 'No system'),
    byCategory: groupBy(lines, (l) => (l.category === 'commissioned' ? 'Commissioned' : 'Central')),
    funding: year.funding,
    drawn: year.drawn,
    underspend: year.underspend,
    budgetDrawn: planned.drawn,
    budgetUnderspend: planned.underspend,
    commissionedShare: year.commissionedShare,
    requiredShare: year.requiredShare,
    compliant: year.compliant,
  };
}

/** "Budget: As planned (the plan without actuals)": where the budget comes from, one line in every export. */
export function budgetSourceLine(report: Pick<OutturnReport, 'budgetSource'>): string {
  return `Budget: ${report.budgetSource}`;
}

/** "Overspend of £1,200.00" / "Underspend of £300.00" / "On budget": the variance named. */
export function varianceWords(variance: Pence): string {
  if (variance === 0) return 'On budget';
  return `${variance > 0 ? 'Overspend' : 'Underspend'} of ${formatMoney(Math.abs(variance))}`;
}

/** The headline of the FY's funding at outturn: what lapses unless committed, or what is drawn. */
export function lapseSentence(
  report: Pick<OutturnReport, 'fy' | 'underspend' | 'drawn' | 'underwriter'> & { readonly asAt?: MonthIndex | null },
): string {
  const fy = formatFy(report.fy);
  const end = `31 March ${report.fy + 1}`;
  // An FY whose every month is actual is history: what was unspent has lapsed.
  const over = report.asAt !== undefined && report.asAt !== null && report.asAt >= fyEnd(report.fy);
  const drawn = report.drawn > 0 ? `${formatMoney(report.drawn)} ${over ? 'was' : 'is'} drawn from ${report.underwriter}` : null;
  if (report.underspend > 0) {
    const lapse = over
      ? `${formatMoney(report.underspend)} of ${fy}'s grant lapsed unspent at ${end}`
      : `${formatMoney(report.underspend)} of ${fy}'s grant will lapse unless committed by ${end}`;
    // Both at once: ring-fenced funding left over while other spend leans on the underwriter.
    return drawn ? `${lapse}, while ${drawn} for spend it cannot cover.` : `${lapse}.`;
  }
  if (drawn)
    return over
      ? `All of ${fy}'s funding was spent, and ${drawn}.`
      : `All of ${fy}'s funding is forecast to be spent, with ${formatMoney(report.drawn)} drawn from ${report.underwriter}.`;
  return over ? `${fy}'s funding was spent exactly.` : `${fy}'s funding is forecast to be spent exactly.`;
}

/** "Actuals to September 2021": the words for asAt in the title bar and on every screen. */
export function actualsToWords(asAt: MonthIndex | null): string | null {
  return asAt === null ? null : `Actuals to ${monthName(asAt)}`;
}

/** What the FY's figures rest on: "Actuals to June 2021", or that every month is forecast. */
export function actualsBasis(report: Pick<OutturnReport, 'fy' | 'asAt' | 'actualMonths'>): string {
  const words = actualsToWords(report.asAt);
  if (words === null) return 'No actuals yet: every month is forecast';
  if (report.actualMonths === 0) return `${words}; none in ${formatFy(report.fy)}: every month is forecast`;
  return words;
}

/** The grant condition at outturn: "Grant condition met: 89.61% commissioned, at least 20% required." */
export function conditionSentence(report: Pick<OutturnReport, 'commissionedShare' | 'requiredShare' | 'compliant'>): string {
  if (report.requiredShare === null) return 'No grant condition on the commissioned share.';
  return `Grant condition ${report.compliant ? 'met' : 'broken'}: ${formatPercent(report.commissionedShare, 2)} commissioned, at least ${formatPercent(report.requiredShare, 2)} required.`;
}

const SHARE_2DP = new Intl.NumberFormat('en-GB', { style: 'percent', minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** A variance as a share of budget, signed and always to 2 decimals so columns line up: "+4.17%", "-22.90%", "0.00%"; "–" without a budget. */
export function varianceShareText(share: number | null): string {
  if (share === null) return '–';
  return `${share > 0 ? '+' : ''}${SHARE_2DP.format(share)}`;
}

// Layout for the timelines: status runs per intervention (from the engine's status line),
// and the cliff-edge view of when each FY's funding is known against each notice deadline.
import type { SimulationResult } from '../../shared/engine';
import { formatFy, fyOfMonth, fyStart, monthName, type FyYear, type MonthIndex } from '../../shared/months';
import type { ResolvedView } from './resolved';

export type StatusKey = 'inactive' | 'running' | 'tapering' | 'handedOver' | 'notice' | 'closed';

const STATUS_KEYS: Record<string, StatusKey> = { '.': 'inactive', R: 'running', T: 'tapering', H: 'handedOver', N: 'notice', C: 'closed' };

export const STATUS_LABELS: Record<StatusKey, string> = {
  inactive: 'Not running',
  running: 'Running',
  tapering: 'Tapering (partner pays part)',
  handedOver: 'Handed over',
  notice: 'Under notice',
  closed: 'Closed',
};

/** Short words that fit on a bar. */
export const STATUS_SHORT: Record<StatusKey, string> = {
  inactive: '', running: 'Running', tapering: 'Tapering', handedOver: 'Handed over', notice: 'Notice', closed: 'Closed',
};

export interface StatusRun {
  readonly status: StatusKey;
  /** Offset from the horizon's first month, and length in months. */
  readonly offset: number;
  readonly length: number;
  readonly from: MonthIndex;
  readonly to: MonthIndex;
}

/** Runs of equal status: "RRRNNCC" → running ×3, notice ×2, closed ×2. */
export function statusRuns(status: string, horizonStart: MonthIndex): StatusRun[] {
  const runs: StatusRun[] = [];
  let i = 0;
  while (i < status.length) {
    let j = i;
    while (j + 1 < status.length && status[j + 1] === status[i]) j++;
    runs.push({ status: STATUS_KEYS[status[i]] ?? 'inactive', offset: i, length: j - i + 1, from: horizonStart + i, to: horizonStart + j });
    i = j + 1;
  }
  return runs;
}

export interface MonthTick {
  readonly offset: number;
  readonly month: MonthIndex;
  /** "Apr", with the year at April and at the horizon's start. */
  readonly label: string;
  readonly fyStart: boolean;
}

export function monthTicks(horizonStart: MonthIndex, months: number): MonthTick[] {
  return Array.from({ length: months }, (_, offset) => {
    const month = horizonStart + offset;
    const isFyStart = month === fyStart(fyOfMonth(month));
    const [name, year] = monthName(month, true).split(' ');
    return { offset, month, label: isFyStart || offset === 0 ? `${name} ${year}` : name, fyStart: isFyStart };
  });
}

export interface FyBand {
  readonly fy: FyYear;
  readonly label: string;
  /** Offsets (from the horizon's first month) of the FY's first and last month inside the horizon. */
  readonly offset: number;
  readonly length: number;
  /** Offset of the month the FY's funding becomes known (may lie before the FY). */
  readonly knownOffset: number;
  readonly known: MonthIndex;
}

export interface DeadlineMark {
  readonly fy: FyYear;
  readonly deadline: MonthIndex;
  readonly offset: number;
  /** Offset of the month the FY is known; the gap [offset, knownOffset) is deciding blind. */
  readonly knownOffset: number;
  readonly blindMonths: number;
  /** True when the scenario closes the intervention for this FY. */
  readonly closes: boolean;
  readonly noticeServedOffset: number | null;
}

export interface CliffRow {
  readonly id: string;
  readonly name: string;
  readonly marks: readonly DeadlineMark[];
}

export interface CliffEdgeLayout {
  readonly months: number;
  readonly ticks: readonly MonthTick[];
  readonly fys: readonly FyBand[];
  readonly rows: readonly CliffRow[];
  /** The largest gap between a notice deadline and the FY's funding being known, in months. */
  readonly widestGap: number;
}

/**
 * The cliff edge: for each FY, the month its funding becomes known; for each intervention,
 * its notice deadline for that FY. Deadlines before the horizon are left out (they have
 * passed), and so are FYs an intervention has already closed for, or does not run in.
 */
export function cliffEdgeLayout(result: SimulationResult, resolved: ResolvedView, opts: { onlyBlind?: boolean } = {}): CliffEdgeLayout {
  const H0 = result.horizonStart;
  const M = result.horizonMonths;
  const clamp = (offset: number) => Math.max(0, Math.min(M, offset));
  const fys: FyBand[] = result.years.map((y) => {
    const start = Math.max(fyStart(y.fy), H0);
    const end = Math.min(fyStart(y.fy) + 11, H0 + M - 1);
    return { fy: y.fy, label: formatFy(y.fy), offset: start - H0, length: end - start + 1, knownOffset: y.known - H0, known: y.known };
  });
  let widestGap = 0;
  const rows: CliffRow[] = [];
  result.interventions.forEach((r, i) => {
    const item = resolved.interventions[i];
    const marks: DeadlineMark[] = [];
    resolved.fys.forEach((fy, f) => {
      const deadline = item.deadlines[f];
      if (deadline === null || deadline < H0) return;
      if (r.outcome === 'closes' && r.closedFor !== null && r.closedFor < fy) return;
      if (r.status[fyStart(fy) - H0] === 'H') return;
      const band = fys.find((b) => b.fy === fy)!;
      const blindMonths = Math.max(0, band.known - deadline);
      if (opts.onlyBlind && blindMonths === 0) return;
      widestGap = Math.max(widestGap, blindMonths);
      const closes = r.outcome === 'closes' && r.closedFor === fy;
      marks.push({
        fy,
        deadline,
        offset: deadline - H0,
        knownOffset: clamp(band.knownOffset),
        blindMonths,
        closes,
        noticeServedOffset: closes && r.noticeServed !== null ? r.noticeServed - H0 : null,
      });
    });
    if (marks.length) rows.push({ id: r.id, name: r.name, marks });
  });
  return { months: M, ticks: monthTicks(H0, M), fys, rows, widestGap };
}

// Layout for the timelines: status runs per intervention (from the engine's status line),
// and the cliff edge of shared/cliff-edge.ts placed on the month axis (offsets for the bars);
// nothing is worked out again here.
import { cliffEdges, isChoice } from '../../shared/cliff-edge';
import { STATUS, type SimulationResult, type YearKnownSource } from '../../shared/engine';
import { formatFy, fyOfMonth, fyStart, monthName, type FyYear, type MonthIndex } from '../../shared/months';

export type StatusKey = keyof typeof STATUS;

/** The engine's status character back to its name: 'R' → running. */
const STATUS_KEYS: Record<string, StatusKey> = Object.fromEntries(Object.entries(STATUS).map(([key, code]) => [code, key as StatusKey]));

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
  inactive: '',
  running: 'Running',
  tapering: 'Tapering',
  handedOver: 'Handed over',
  notice: 'Notice',
  closed: 'Closed',
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
  readonly knownSource: YearKnownSource;
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
  /** For a closure: the month notice is served, and its offset. */
  readonly noticeServed: MonthIndex | null;
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
 * The cliff edge of one scenario, placed on the month axis: shared/cliff-edge.ts gathers the
 * engine's notices by FY; this keeps the deadlines still to decide (isChoice) as offsets,
 * per intervention in plan order. The FY bands cover every year of the horizon.
 */
export function cliffEdgeLayout(result: SimulationResult): CliffEdgeLayout {
  const H0 = result.horizonStart;
  const M = result.horizonMonths;
  const clamp = (offset: number) => Math.max(0, Math.min(M, offset));
  const fys: FyBand[] = result.years.map((y) => {
    const start = Math.max(fyStart(y.fy), H0);
    const end = Math.min(fyStart(y.fy) + 11, H0 + M - 1);
    return {
      fy: y.fy,
      label: formatFy(y.fy),
      offset: start - H0,
      length: end - start + 1,
      knownOffset: y.known - H0,
      known: y.known,
      knownSource: y.knownSource,
    };
  });
  const marksOf = new Map<string, DeadlineMark[]>(result.interventions.map((r) => [r.id, []]));
  let widestGap = 0;
  for (const edge of cliffEdges([result])) {
    for (const row of edge.rows) {
      const n = row.notices[0];
      if (!isChoice(n)) continue;
      widestGap = Math.max(widestGap, n.blindMonths);
      const closes = n.verdict === 'closes';
      marksOf.get(row.id)!.push({
        fy: n.fy,
        deadline: n.deadline,
        offset: n.deadline - H0,
        knownOffset: clamp(edge.known[0] - H0),
        blindMonths: n.blindMonths,
        closes,
        noticeServed: closes ? n.served : null,
        noticeServedOffset: closes && n.served !== null ? n.served - H0 : null,
      });
    }
  }
  const rows: CliffRow[] = result.interventions.flatMap((r) => {
    const marks = marksOf.get(r.id)!;
    return marks.length ? [{ id: r.id, name: r.name, marks }] : [];
  });
  return { months: M, ticks: monthTicks(H0, M), fys, rows, widestGap };
}

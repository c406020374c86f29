// One funding stream resolved under a scenario: each allocation (with the scenario's changes
// applied in order) in pence with the month it is known, and its grant condition per FY.
import { fyStart, monthOfDate, parseFy, type FyYear, type MonthIndex } from '../months';
import { monthOffsetProblem, type AmountValue, type FundingStream } from '../plan';
import { ZERO, type Ratio } from '../money';
import type { KnownSource, ResolvedAllocation, ResolvedStream } from '../resolve';
import type { ScenarioContext } from './context';
import { reaches } from './deps';
import { define, pathOf, type Defined } from './evaluator';
import type { Earlier } from './intervention';

interface AllocationDef {
  fy: string;
  amount: Defined<AmountValue>;
  confirmedOn: Defined<string | null>;
  confirmDelay: Defined<number | string | null>;
}

/** With `earlier`, an allocation or condition whose definitions use no affected name is taken as it was. */
export function resolveStream(
  ctx: ScenarioContext,
  stream: FundingStream,
  si: number,
  earlier: Earlier<ResolvedStream> | null = null,
): ResolvedStream {
  const defs: AllocationDef[] = stream.allocations.map((a, ai) => {
    const path = pathOf('fundingStreams', si, 'allocations', ai);
    return {
      fy: a.fy,
      amount: define<AmountValue>(a.amount, `${path}.amount`),
      confirmedOn: define(a.confirmedOn ?? null, `${path}.confirmedOn`),
      confirmDelay: define<number | string | null>(a.confirmDelay ?? null, `${path}.confirmDelay`),
    };
  });
  for (const { change, path } of ctx.changesOfStream(stream.id)) {
    let def = defs.find((d) => d.fy === change.fy);
    if (!def) {
      // A change for an FY without an allocation adds one, whose base is 0.
      def = {
        fy: change.fy,
        amount: define<AmountValue>(0, `${path}.amount`),
        confirmedOn: define(null, `${path}.confirmedOn`),
        confirmDelay: define(null, `${path}.confirmDelay`),
      };
      defs.push(def);
    }
    if (change.amount !== undefined) def.amount = define(change.amount, `${path}.amount`, def.amount);
    if (change.confirmDelay !== undefined) def.confirmDelay = define(change.confirmDelay, `${path}.confirmDelay`, def.confirmDelay);
    if (change.confirmedOn !== undefined) {
      def.confirmedOn = define(change.confirmedOn, `${path}.confirmedOn`, def.confirmedOn);
      // A date given by a change replaces a delay given before it.
      if (change.confirmDelay === undefined) def.confirmDelay = define(null, `${path}.confirmedOn`, def.confirmDelay);
    }
  }
  const knownMonth = (def: AllocationDef, fy: FyYear): MonthIndex => {
    const delay = def.confirmDelay;
    if (delay.value !== null) {
      return fyStart(fy) + ctx.numeric(delay as Defined<number | string>, ctx.ev.fyIndex(fy), monthOffsetProblem, () => 0);
    }
    return def.confirmedOn.value ? monthOfDate(def.confirmedOn.value) : fyStart(fy);
  };
  const allocations = new Map<FyYear, ResolvedAllocation>();
  const kept = (...defs: Defined<unknown>[]): boolean => earlier !== null && !defs.some((def) => reaches(def, earlier.affected));
  for (const def of defs) {
    const fy = parseFy(def.fy);
    const before = kept(def.amount, def.confirmDelay) ? earlier!.out.allocations.get(fy) : undefined;
    if (before) {
      allocations.set(fy, before);
      continue;
    }
    const amount = ctx.attempt(0, () => ctx.pounds(def.amount, fy));
    const known = ctx.attempt(fyStart(fy), () => knownMonth(def, fy));
    const knownSource: KnownSource =
      def.confirmDelay.value !== null ? 'confirm-delay' : def.confirmedOn.value ? 'confirmed-on' : 'fy-start';
    const confirmedOn = knownSource === 'confirmed-on' ? def.confirmedOn.value : null;
    allocations.set(fy, { amount, known, knownSource, confirmedOn });
  }
  const minCommissionedShare = new Map<FyYear, Ratio>();
  const condition = stream.conditions?.minCommissionedShare;
  if (condition !== undefined) {
    const def = define(condition, pathOf('fundingStreams', si, 'conditions', 'minCommissionedShare'));
    if (kept(def)) return resolved(stream, allocations, earlier!.out.minCommissionedShare);
    for (const fy of ctx.fys)
      minCommissionedShare.set(
        fy,
        ctx.attempt(ZERO, () => ctx.shareRatio(def, ctx.ev.fyIndex(fy))),
      );
  }
  return resolved(stream, allocations, minCommissionedShare);
}

function resolved(
  stream: FundingStream,
  allocations: Map<FyYear, ResolvedAllocation>,
  minCommissionedShare: ReadonlyMap<FyYear, Ratio>,
): ResolvedStream {
  return {
    id: stream.id,
    name: stream.name,
    funder: stream.funder,
    restrictedTo: stream.restrictedTo ? new Set(stream.restrictedTo) : null,
    allocations,
    minCommissionedShare,
  };
}

/** The stream's allocations over the horizon, in pence: its part of the ceiling check on funding. */
export function streamFunding(stream: ResolvedStream): number {
  let funding = 0;
  for (const allocation of stream.allocations.values()) funding += allocation.amount;
  return funding;
}

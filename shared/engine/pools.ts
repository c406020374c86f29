// The pools of an FY (plan-format.md §3.3, §3.4): each ring-fenced allocation is a pool for
// its interventions, every other allocation adds to the general pool. Spend is drawn from an
// intervention's ring-fenced pools first (plan order of streams), then from the general pool.
import type { FyYear, MonthIndex } from '../months';
import type { Pence } from '../money';
import type { ResolvedIntervention, ResolvedScenario, ResolvedStream } from '../resolve';

/** Which ring-fenced streams may fund each intervention, worked out once per simulation. */
export interface Membership {
  /** The index among ring-fenced streams of each stream, or -1 when it is unrestricted. */
  readonly poolOfStream: Int32Array;
  readonly pools: number;
  /** Intervention i's pools are memberPool[memberStart[i]] to memberPool[memberStart[i + 1] - 1], in plan order. */
  readonly memberStart: Int32Array;
  readonly memberPool: Int32Array;
}

const memberships = new WeakMap<readonly ResolvedStream[], { items: readonly ResolvedIntervention[]; membership: Membership }>();

/** Kept with the lists of streams and interventions, which a compiled plan reuses while neither changes. */
export function membershipOf(scenario: ResolvedScenario): Membership {
  const known = memberships.get(scenario.streams);
  if (known && known.items === scenario.interventions) return known.membership;
  const membership = newMembership(scenario);
  memberships.set(scenario.streams, { items: scenario.interventions, membership });
  return membership;
}

function newMembership(scenario: ResolvedScenario): Membership {
  const streams = scenario.streams;
  const poolOfStream = new Int32Array(streams.length).fill(-1);
  const ring: number[] = [];
  streams.forEach((stream, s) => {
    if (stream.restrictedTo) poolOfStream[s] = ring.push(s) - 1;
  });
  const n = scenario.interventions.length;
  const memberStart = new Int32Array(n + 1);
  const members: number[] = [];
  for (let i = 0; i < n; i++) {
    memberStart[i] = members.length;
    const id = scenario.interventions[i].id;
    for (let p = 0; p < ring.length; p++) if (streams[ring[p]].restrictedTo!.has(id)) members.push(p);
  }
  memberStart[n] = members.length;
  return { poolOfStream, pools: ring.length, memberStart, memberPool: Int32Array.from(members) };
}

export class Pools {
  private readonly left: Float64Array;
  /** 1 for a ring-fenced pool with an allocation in the FY (known by then). */
  private readonly present: Uint8Array;
  private general = 0;
  private readonly scenario: ResolvedScenario;
  private readonly membership: Membership;

  constructor(scenario: ResolvedScenario, membership: Membership) {
    this.scenario = scenario;
    this.membership = membership;
    this.left = new Float64Array(membership.pools);
    this.present = new Uint8Array(membership.pools);
  }

  /** The FY's pools as known by `knownBy` (null: all of them). */
  fill(fy: FyYear, knownBy: MonthIndex | null): this {
    this.left.fill(0);
    this.present.fill(0);
    this.general = 0;
    const streams = this.scenario.streams;
    for (let s = 0; s < streams.length; s++) {
      const allocation = streams[s].allocations.get(fy);
      if (!allocation || (knownBy !== null && allocation.known > knownBy)) continue;
      const p = this.membership.poolOfStream[s];
      if (p < 0) this.general += allocation.amount;
      else {
        this.left[p] = allocation.amount;
        this.present[p] = 1;
      }
    }
    return this;
  }

  /** What is left in every pool. */
  total(): Pence {
    let sum = this.general;
    for (let p = 0; p < this.left.length; p++) if (this.present[p]) sum += this.left[p];
    return sum;
  }

  /** What is left in intervention i's pools and the general pool. */
  available(i: number): Pence {
    const { memberStart, memberPool } = this.membership;
    let sum = this.general;
    for (let j = memberStart[i]; j < memberStart[i + 1]; j++) if (this.present[memberPool[j]]) sum += this.left[memberPool[j]];
    return sum;
  }

  /** Draws `amount` for intervention i; returns the shortfall that no pool covers. */
  draw(i: number, amount: Pence): Pence {
    const { memberStart, memberPool } = this.membership;
    let need = amount;
    for (let j = memberStart[i]; j < memberStart[i + 1]; j++) {
      if (need === 0) break;
      const p = memberPool[j];
      if (this.present[p] && this.left[p] > 0) {
        const take = Math.min(this.left[p], need);
        this.left[p] -= take;
        need -= take;
      }
    }
    const take = Math.min(this.general, need);
    this.general -= take;
    return need - take;
  }
}

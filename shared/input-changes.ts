// What changed in the inputs between two resolved scenarios (a snapshot's and today's), in
// words: the plan's frame, each funding stream, the underwriting, each service, the variables
// and the actuals, in that order. Resolved scenarios are compared, so a scenario's change to a
// grant shows as the amounts it gives; results (outcomes, totals) are never listed here.
import { fyText, monthLong, moneyFull, moneyWhole, percent, plural } from './format';
import { fyOfMonth, type FyYear } from './months';
import type { Pence, Ratio } from './money';
import type { Plan } from './plan';
import type { ResolvedIntervention, ResolvedScenario, ResolvedStream } from './resolve';
import { knownWords, stanceLabel } from './words';

export interface InputChange {
  readonly kind:
    'allocation' | 'cost' | 'confirmation' | 'priority' | 'actuals' | 'service' | 'stream' | 'scenario' | 'condition' | 'other';
  /** The id of what changed: a stream, a service, a scenario or a variable; "plan", "horizon", "underwriting" or "actuals" for the rest. */
  readonly subject: string;
  readonly text: string;
}

type Kind = InputChange['kind'];
type Pair = readonly [string, string];

const lower = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

/** Two amounts in whole pounds when both are whole, else both to the penny, so that a penny's change shows. */
function moneyPair(from: Pence | null, to: Pence | null, none: string): Pair {
  const whole = (from ?? 0) % 100 === 0 && (to ?? 0) % 100 === 0;
  const words = (p: Pence | null) => (p === null ? none : whole ? moneyWhole(p) : moneyFull(p));
  return [words(from), words(to)];
}

/** The FYs of both horizons, in order. */
const commonFys = (before: ResolvedScenario, after: ResolvedScenario) => after.fys.filter((fy) => before.fys.includes(fy));

/**
 * One line per FY whose words differ, or one line for them all when every FY changed alike.
 * `line` gets the FY's label (null for all) and the words before and after.
 */
function perFy(fys: readonly FyYear[], words: (fy: FyYear) => Pair, line: (fy: string | null, pair: Pair) => string): string[] {
  const changed = fys.map((fy) => ({ fy, pair: words(fy) })).filter((c) => c.pair[0] !== c.pair[1]);
  if (changed.length === 0) return [];
  const [first] = changed;
  const alike = changed.every((c) => c.pair[0] === first.pair[0] && c.pair[1] === first.pair[1]);
  if (fys.length > 1 && changed.length === fys.length && alike) return [line(null, first.pair)];
  return changed.map((c) => line(fyText(c.fy), c.pair));
}

const arrow = ([from, to]: Pair) => `${from} → ${to}`;
/** "annual cost 2021/22 £1 → £2", or "annual cost £1 → £2 in each FY". */
const fyLine = (what: string, fy: string | null, pair: Pair) => (fy ? `${what} ${fy} ${arrow(pair)}` : `${what} ${arrow(pair)} in each FY`);

class Changes {
  readonly list: InputChange[] = [];
  add(kind: Kind, subject: string, text: string) {
    this.list.push({ kind, subject, text });
  }
  addAll(kind: Kind, subject: string, texts: readonly string[]) {
    for (const text of texts) this.add(kind, subject, text);
  }
  /** Adds "NAME: WHAT FROM → TO" when the words differ. */
  field(kind: Kind, subject: string, name: string, what: string, from: string, to: string) {
    if (from !== to) this.add(kind, subject, `${name}: ${what}${what ? ' ' : ''}${from} → ${to}`);
  }
}

/** Ids of both lists: the first's order, then those only in the second. */
function pairUp<T extends { readonly id: string }>(before: readonly T[], after: readonly T[]): [string, T | undefined, T | undefined][] {
  const ids = [...new Set([...before, ...after].map((x) => x.id))];
  return ids.map((id) => [id, before.find((x) => x.id === id), after.find((x) => x.id === id)]);
}

// ---------------------------------------------------------------- the frame

function frameChanges(out: Changes, before: ResolvedScenario, after: ResolvedScenario, beforePlan: Plan, afterPlan: Plan) {
  out.field('other', 'plan', 'Plan', 'name', beforePlan.name, afterPlan.name);
  out.field('scenario', after.id, 'Scenario', '', before.name, after.name);
  out.field('scenario', after.id, after.name, 'stance', lower(stanceLabel(before.stance)), lower(stanceLabel(after.stance)));
  const horizon = (s: ResolvedScenario) => `${monthLong(s.horizonStart)} for ${plural(s.horizonMonths, 'month')}`;
  out.field('other', 'horizon', 'Horizon', '', horizon(before), horizon(after));
}

// ---------------------------------------------------------------- funding streams

const shareWords = (r: Ratio | undefined) =>
  r === undefined ? 'none' : `at least ${percent(Number(r.num) / Number(r.den), 2)} commissioned`;

function restrictionWords(stream: ResolvedStream, plan: Plan): string {
  if (stream.restrictedTo === null) return 'any service';
  const names = [...stream.restrictedTo].map((id) => plan.interventions.find((i) => i.id === id)?.name ?? id);
  return `only ${names.join(', ')}`;
}

function streamChanges(out: Changes, before: ResolvedScenario, after: ResolvedScenario, beforePlan: Plan, afterPlan: Plan) {
  const kindOf = (plan: Plan, id: string) => plan.fundingStreams.find((s) => s.id === id)?.kind ?? '';
  for (const [id, b, a] of pairUp(before.streams, after.streams)) {
    if (!b || !a) {
      out.add('stream', id, a ? `Added funding stream: ${a.name}` : `Removed funding stream: ${b!.name}`);
      continue;
    }
    const name = a.name;
    out.field('stream', id, 'Funding stream', 'renamed', b.name, a.name);
    out.field('stream', id, name, 'funder', b.funder, a.funder);
    out.field('stream', id, name, 'kind', kindOf(beforePlan, id), kindOf(afterPlan, id));
    out.field('stream', id, name, 'may fund', restrictionWords(b, beforePlan), restrictionWords(a, afterPlan));
    const fys = [...new Set([...b.allocations.keys(), ...a.allocations.keys()])].sort((x, y) => x - y);
    for (const fy of fys) {
      const from = b.allocations.get(fy);
      const to = a.allocations.get(fy);
      const pair = moneyPair(from?.amount ?? null, to?.amount ?? null, 'no allocation');
      if (pair[0] !== pair[1]) out.add('allocation', id, `${name} ${fyText(fy)}: ${arrow(pair)}`);
      if (!from || !to) continue;
      const known = (x: typeof from) => lower(knownWords({ fy, known: x.known, knownSource: x.knownSource, confirmedOn: x.confirmedOn }));
      out.field('confirmation', id, `${name} ${fyText(fy)}`, '', known(from), known(to));
    }
    const condition = perFy(
      commonFys(before, after),
      (fy) => [shareWords(b.minCommissionedShare.get(fy)), shareWords(a.minCommissionedShare.get(fy))],
      (fy, pair) => `${name}: ${fyLine('grant condition', fy, pair)}`,
    );
    out.addAll('condition', id, condition);
  }
}

function underwritingChanges(out: Changes, before: ResolvedScenario, after: ResolvedScenario) {
  out.field('other', 'underwriting', 'Underwriter', '', before.underwriter, after.underwriter);
  const limit = perFy(
    commonFys(before, after),
    (fy) => moneyPair(before.limit.get(fy) ?? 0, after.limit.get(fy) ?? 0, ''),
    (fy, pair) => fyLine('Underwriting limit', fy, pair),
  );
  out.addAll('condition', 'underwriting', limit);
}

// ---------------------------------------------------------------- services

const optional = (text: string | null, none: string) => text ?? none;
const handover = (t: ResolvedIntervention['transition']) => (t ? `handover to ${t.to} (capacity ${t.capacity})` : 'no handover');
const shares = (list: ResolvedIntervention['partnerShares']) =>
  list.length === 0
    ? 'none'
    : list.map((s) => `${percent(Number(s.share.num) / Number(s.share.den), 2)} from ${monthLong(s.from)} (${s.partner})`).join('; ');

function serviceChanges(out: Changes, before: ResolvedScenario, after: ResolvedScenario) {
  const fys = commonFys(before, after);
  for (const [id, b, a] of pairUp(before.interventions, after.interventions)) {
    if (!b || !a) {
      out.add('service', id, a ? `Added service: ${a.name}` : `Removed service: ${b!.name}`);
      continue;
    }
    const name = a.name;
    out.field('service', id, 'Service', 'renamed', b.name, a.name);
    out.field('service', id, name, 'category', b.category, a.category);
    out.field('service', id, name, 'system', optional(b.system, 'none'), optional(a.system, 'none'));
    out.field('service', id, name, 'area', optional(b.area, 'none'), optional(a.area, 'none'));
    out.field('service', id, name, 'provider', optional(b.provider, 'none'), optional(a.provider, 'none'));
    out.field('priority', id, name, 'priority', String(b.priority), String(a.priority));
    out.field('service', id, name, 'people supported', String(b.serviceUsers), String(a.serviceUsers));
    out.field('service', id, name, '', handover(b.transition), handover(a.transition));
    const month = (m: number | null, none: string) => (m === null ? none : monthLong(m));
    out.field('service', id, name, 'starts', month(b.start, 'at the horizon'), month(a.start, 'at the horizon'));
    out.field('service', id, name, 'ends', month(b.end, 'not planned'), month(a.end, 'not planned'));
    const money = (pick: (s: ResolvedIntervention) => ReadonlyMap<FyYear, Pence>) => (fy: FyYear) =>
      moneyPair(pick(b).get(fy) ?? 0, pick(a).get(fy) ?? 0, '');
    out.addAll(
      'cost',
      id,
      perFy(
        fys,
        money((s) => s.annualCost),
        (fy, pair) => `${name}: ${fyLine('annual cost', fy, pair)}`,
      ),
    );
    const notice = (s: ResolvedIntervention, fy: FyYear) => plural(s.noticeMonths.get(fy) ?? 0, 'month');
    out.addAll(
      'service',
      id,
      perFy(
        fys,
        (fy) => [notice(b, fy), notice(a, fy)],
        (fy, pair) => `${name}: ${fyLine('notice', fy, pair)}`,
      ),
    );
    out.addAll(
      'cost',
      id,
      perFy(
        fys,
        money((s) => s.exitCost),
        (fy, pair) => `${name}: ${fyLine('exit cost', fy, pair)}`,
      ),
    );
    out.field('cost', id, name, 'partner shares', shares(b.partnerShares), shares(a.partnerShares));
  }
}

// ---------------------------------------------------------------- variables

function variableChanges(out: Changes, before: ResolvedScenario, after: ResolvedScenario) {
  const fys = commonFys(before, after);
  const names = [...new Set([...before.variables.keys(), ...after.variables.keys()])];
  for (const name of names) {
    const from = before.variables.get(name);
    const to = after.variables.get(name);
    if (!from || !to) {
      out.add('other', name, `${to ? 'Added' : 'Removed'} variable: ${name}`);
      continue;
    }
    const at = (values: readonly string[], s: ResolvedScenario, fy: FyYear) => values[s.fys.indexOf(fy)] || 'no value';
    const lines = perFy(
      fys,
      (fy) => [at(from, before, fy), at(to, after, fy)],
      (fy, pair) => (fy ? `Variable ${name} ${fy}: ${arrow(pair)}` : `Variable ${name}: ${arrow(pair)} in each FY`),
    );
    out.addAll('other', name, lines);
  }
}

// ---------------------------------------------------------------- actuals

/** Per service id, its actual spend per FY (the sum of its actual months). */
function actualsByFy(s: ResolvedScenario): Map<string, Map<FyYear, Pence>> {
  const out = new Map<string, Map<FyYear, Pence>>();
  s.actuals?.byIntervention.forEach((months, i) => {
    const byFy = new Map<FyYear, Pence>();
    for (const [month, pence] of months) byFy.set(fyOfMonth(month), (byFy.get(fyOfMonth(month)) ?? 0) + pence);
    out.set(s.interventions[i].id, byFy);
  });
  return out;
}

function actualsChanges(out: Changes, before: ResolvedScenario, after: ResolvedScenario, beforePlan: Plan, afterPlan: Plan) {
  const asAt = (s: ResolvedScenario) => (s.actuals ? `as at ${monthLong(s.actuals.asAt)}` : 'none');
  out.field('actuals', 'actuals', 'Actuals', '', asAt(before), asAt(after));
  const from = actualsByFy(before);
  const to = actualsByFy(after);
  const nameOf = (id: string) => (after.interventions.find((i) => i.id === id) ?? before.interventions.find((i) => i.id === id))!.name;
  for (const [id] of pairUp(before.interventions, after.interventions)) {
    const b = from.get(id);
    const a = to.get(id);
    const fys = [...new Set([...(b?.keys() ?? []), ...(a?.keys() ?? [])])].sort((x, y) => x - y);
    for (const fy of fys) {
      const pair = moneyPair(b?.get(fy) ?? 0, a?.get(fy) ?? 0, '');
      if (pair[0] !== pair[1]) out.add('actuals', id, `${nameOf(id)}: actual spend ${fyText(fy)} ${arrow(pair)}`);
    }
  }
  const notes = (plan: Plan) => new Map((plan.actuals?.commentary ?? []).map((c) => [`${c.intervention}\u0000${c.fy}`, c]));
  const was = notes(beforePlan);
  const now = notes(afterPlan);
  for (const key of new Set([...was.keys(), ...now.keys()])) {
    const b = was.get(key);
    const a = now.get(key);
    if (b?.text === a?.text) continue;
    const note = (a ?? b)!;
    const what = !b ? 'commentary added' : !a ? 'commentary removed' : 'commentary changed';
    const known = [...after.interventions, ...before.interventions].find((i) => i.id === note.intervention);
    out.add('actuals', note.intervention, `${known?.name ?? note.intervention} ${note.fy}: ${what}`);
  }
}

/**
 * The inputs that differ between `before` (a snapshot's scenario, resolved) and `after` (today's),
 * in words and a stable order: the frame, streams, underwriting, services, variables, actuals.
 * [] when every input is the same.
 */
export function inputChanges(before: ResolvedScenario, after: ResolvedScenario, beforePlan: Plan, afterPlan: Plan): InputChange[] {
  const out = new Changes();
  frameChanges(out, before, after, beforePlan, afterPlan);
  streamChanges(out, before, after, beforePlan, afterPlan);
  underwritingChanges(out, before, after);
  serviceChanges(out, before, after);
  variableChanges(out, before, after);
  actualsChanges(out, before, after, beforePlan, afterPlan);
  return out.list;
}

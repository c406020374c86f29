// Renaming ids (shared/rename-id.ts): every reference is followed, a rename and its reverse
// give the same plan, and a renamed plan simulates exactly as before, the id apart.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyEdit } from '../../shared/edits';
import { simulate } from '../../shared/engine';
import type { Plan } from '../../shared/plan';
import {
  followingId,
  idFollowsName,
  idPlaces,
  idProblem,
  renameIdEdit,
  renamedIds,
  tieOrderChanges,
  type IdKind,
} from '../../shared/rename-id';
import { formatProblem } from '../../shared/resolve';
import { validatePlan } from '../../shared/validate';
import { planArb } from '../differential/generate';
import { demoPlan, demoWithActuals } from '../fixtures';

const apply = (plan: Plan, edit: { label: string; ops: unknown[] }): Plan => applyEdit(plan, edit as never).plan as Plan;

/** Every scenario's full engine result as JSON text; a plan that must be valid. */
function results(plan: Plan): string {
  const v = validatePlan(plan);
  if (!v.ok) throw new Error(v.problems.map(formatProblem).join('\n'));
  return JSON.stringify(v.scenarios.map((s) => simulate(s)));
}

const list = (plan: Plan, kind: IdKind) =>
  kind === 'intervention' ? plan.interventions : kind === 'stream' ? plan.fundingStreams : (plan.scenarios ?? []);

describe('where an id is referred to', () => {
  it('names ring-fences and scenario changes in words', () => {
    const plan = demoPlan();
    expect(idPlaces(plan, 'intervention', 'parenting-peer-support').map((p) => p.words)).toEqual(['Parenting peer support: ring-fence']);
    expect(idPlaces(plan, 'intervention', 'navigators')).toEqual([]);
    const ho = idPlaces(plan, 'stream', 'ho-core').map((p) => p.words);
    expect(ho).toContain('Scenario “25% cut, confirmed in June”: change 1');
    expect(ho).toContain('Scenario “No grant after March 2021”: change 2');
    expect(ho).toHaveLength(6);
    expect(idPlaces(plan, 'scenario', 'cut-25-june')).toEqual([]);
  });

  it('counts actual spend as one place and each commentary as another', () => {
    const plan = demoWithActuals();
    plan.actuals!.commentary = [{ intervention: 'iris', fy: '2021/22', text: 'Overspend from July' }];
    const months = plan.actuals!.spend.filter((e) => e.intervention === 'iris').length;
    const places = idPlaces(plan, 'intervention', 'iris');
    expect(places.map((p) => p.words)).toEqual([`Actuals: ${months} months of spend`, 'Actuals: commentary on 2021/22']);
    expect(places[0].paths).toHaveLength(months);
  });
});

describe('checking a new id', () => {
  const plan = demoPlan();
  it('holds it to the Id rule, unique in its kind, never "base" for a scenario', () => {
    expect(idProblem(plan, 'intervention', 0, 'core-team')).toBeNull();
    expect(idProblem(plan, 'intervention', 0, ' central-team ')).toBeNull();
    expect(idProblem(plan, 'intervention', 0, 'Core team')).toMatch(/is not an id \(lower-case letters, digits and "-"/);
    expect(idProblem(plan, 'intervention', 0, '-core')).toMatch(/is not an id/);
    expect(idProblem(plan, 'intervention', 0, 'navigators')).toBe(
      '"navigators" is already the id of another intervention (“Community navigators”)',
    );
    // Kinds are separate: a stream may share an intervention's id.
    expect(idProblem(plan, 'stream', 0, 'navigators')).toBeNull();
    expect(idProblem(plan, 'scenario', 0, 'base')).toBe('"base" is the plan itself and cannot name a scenario');
    expect(idProblem(plan, 'scenario', 0, 'flat-june')).toMatch(/already the id of another scenario/);
  });
});

describe('renaming an id everywhere', () => {
  it('is one edit, labelled with the places, that the plan validates after', () => {
    const plan = demoPlan();
    const index = plan.fundingStreams.findIndex((s) => s.id === 'ho-core');
    const edit = renameIdEdit(plan, 'stream', index, 'home-office');
    expect(edit.label).toBe('Rename ho-core → home-office (6 places)');
    const renamed = apply(plan, edit);
    expect(JSON.stringify(renamed)).not.toContain('"ho-core"');
    expect(validatePlan(renamed).ok).toBe(true);
    expect(renameIdEdit(plan, 'intervention', 1, 'nav').label).toBe('Rename id navigators → nav');
    expect(renameIdEdit(plan, 'intervention', 1, 'navigators').ops).toEqual([]);
  });

  it('follows an id repeated in a ring-fence', () => {
    const plan = demoPlan();
    const id = plan.interventions[0].id;
    plan.fundingStreams[0].restrictedTo = [id, plan.interventions[1].id, id];
    const renamed = apply(plan, renameIdEdit(plan, 'intervention', 0, 'renamed'));
    expect(renamed.fundingStreams[0].restrictedTo).toEqual(['renamed', plan.interventions[1].id, 'renamed']);
    expect(validatePlan(renamed).ok).toBe(true);
  });

  it('renames every demo id and back to the same plan, simulating the same figures', () => {
    const plan = demoWithActuals();
    plan.actuals!.commentary = [{ intervention: 'parenting-peer-support', fy: '2021/22', text: 'On plan' }];
    const before = results(plan);
    for (const kind of ['intervention', 'stream', 'scenario'] as const) {
      list(plan, kind).forEach((thing, index) => {
        // "zz-" + the id sorts among the ties exactly where the id did only if no tie lies between.
        const to = `${thing.id}-renamed`;
        const edit = renameIdEdit(plan, kind, index, to);
        const renamed = apply(plan, edit);
        expect(JSON.stringify(renamed)).not.toMatch(new RegExp(`"${thing.id}"`));
        if (kind !== 'intervention' || tieOrderChanges(plan, thing.id, to).length === 0)
          expect(results(renamed).replaceAll(`"${to}"`, `"${thing.id}"`)).toBe(before);
        const back = apply(renamed, renameIdEdit(renamed, kind, index, thing.id));
        expect(back).toEqual(plan);
        expect(renamedIds(plan, renamed)[kind]).toEqual(new Map([[thing.id, to]]));
      });
    }
  });

  it('does the same for random plans', () => {
    const kindArb = fc.constantFrom<IdKind>('intervention', 'stream', 'scenario');
    const toArb = fc.constantFrom('zz', 'a-0', 'b-x', 'new-id', '0', 'b0');
    fc.assert(
      fc.property(planArb(), kindArb, fc.nat(), toArb, (plan: Plan, kind, pick, wanted) => {
        const things = list(plan, kind);
        fc.pre(things.length > 0);
        const index = pick % things.length;
        const from = things[index].id;
        fc.pre(idProblem(plan, kind, index, wanted) === null && validatePlan(plan).ok);
        // A new id seen nowhere else, so that the results can be compared with it put back.
        fc.pre(!JSON.stringify(plan).includes(`"${wanted}"`));
        const before = results(plan);
        const renamed = apply(plan, renameIdEdit(plan, kind, index, wanted));
        expect(validatePlan(renamed).ok).toBe(true);
        // Every reference followed: the old id is nowhere in the plan.
        expect(JSON.stringify(renamed)).not.toContain(`"${from}"`);
        if (kind !== 'intervention' || tieOrderChanges(plan, from, wanted).length === 0)
          expect(results(renamed).replaceAll(`"${wanted}"`, `"${from}"`)).toBe(before);
        expect(apply(renamed, renameIdEdit(renamed, kind, index, from))).toEqual(plan);
      }),
      { numRuns: 150 },
    );
  });

  it('names the ties whose order a rename changes, and those can change the figures', () => {
    // Two services of the same priority and money for one: the one whose id sorts first is funded.
    const plan = {
      format: 'headroom-plan',
      version: 1,
      name: 'Ties',
      horizon: { start: '2021-04', months: 12 },
      fundingStreams: [{ id: 's', name: 'S', funder: 'F', kind: 'grant', allocations: [{ fy: '2021/22', amount: 1200 }] }],
      interventions: [
        { id: 'b', name: 'Bee', category: 'commissioned', annualCost: 1200, priority: 1, serviceUsers: 5 },
        { id: 'c', name: 'Sea', category: 'commissioned', annualCost: 1200, priority: 1, serviceUsers: 7 },
      ],
    } as Plan;
    expect(tieOrderChanges(plan, 'b', 'a')).toEqual([]);
    expect(tieOrderChanges(plan, 'b', 'd')).toEqual(['Sea']);
    const renamed = apply(plan, renameIdEdit(plan, 'intervention', 0, 'd'));
    expect(results(renamed).replaceAll('"d"', '"b"')).not.toBe(results(plan));
    // A scenario's priority change makes a tie the plan itself does not have.
    plan.interventions[1].priority = 2;
    expect(tieOrderChanges(plan, 'b', 'd')).toEqual([]);
    plan.scenarios = [{ id: 'x', name: 'X', changes: [{ intervention: 'c', priority: 1 }] }];
    expect(tieOrderChanges(plan, 'b', 'd')).toEqual(['Sea']);
  });
});

describe('an id that follows its name', () => {
  it('follows while the id is what the previous name gave it', () => {
    expect(idFollowsName('intervention', 'new-intervention', 'New intervention')).toBe(true);
    expect(idFollowsName('intervention', 'new-intervention-3', 'New intervention')).toBe(true);
    expect(idFollowsName('intervention', 'navigators', 'Community navigators')).toBe(false);
    expect(idFollowsName('intervention', 'new-intervention-x', 'New intervention')).toBe(false);
    expect(idFollowsName('scenario', 'scenario', '!!!')).toBe(true);
  });

  it('gives the new id only when nothing refers to it and the ties stay in order', () => {
    const plan = demoPlan();
    plan.interventions.push({ id: 'new-intervention', name: 'New intervention', category: 'central', annualCost: 0, priority: 99 });
    const index = plan.interventions.length - 1;
    expect(followingId(plan, 'intervention', index, 'Youth outreach')).toBe('youth-outreach');
    expect(followingId(plan, 'intervention', index, 'Community navigators')).toBe('community-navigators');
    expect(followingId(plan, 'intervention', index, 'New intervention')).toBeNull();
    // Named after another's id: a fresh one.
    expect(followingId(plan, 'intervention', index, 'Navigators')).toBe('navigators-2');
    // Once something refers to it, the id stays.
    plan.fundingStreams[0].restrictedTo = ['new-intervention'];
    expect(followingId(plan, 'intervention', index, 'Youth outreach')).toBeNull();
    plan.fundingStreams[0].restrictedTo = undefined;
    // A tie whose order the new id would change: the id stays.
    plan.interventions[index].priority = 1;
    expect(followingId(plan, 'intervention', index, 'Aaa')).toBeNull();
    expect(followingId(plan, 'intervention', index, 'Youth outreach')).toBe('youth-outreach');
    // A scenario's id: never "base".
    plan.scenarios!.push({ id: 'new-scenario', name: 'New scenario' });
    expect(followingId(plan, 'scenario', plan.scenarios!.length - 1, 'Base')).toBe('base-2');
  });
});

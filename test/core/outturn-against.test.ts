// The forecast outturn against a snapshot's budget (shared/outturn.ts outturnAgainst): the
// snapshot's scenario as it was, lined up by service id, with where the budget comes from.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseFy } from '../../shared/months';
import { AS_PLANNED, budgetSourceLine, outturnAgainst, outturnReport } from '../../shared/outturn';
import { outturnJson } from '../../shared/outturn-json';
import type { Plan } from '../../shared/plan';
import { outturnText } from '../../electron/cli/outturn-text';
import { workedExample } from '../fixtures';
import { readJson } from './helpers';

const WITH_ACTUALS = fileURLToPath(new URL('../fixtures/worked-example-actuals.json', import.meta.url));
const live = (): Plan => readJson(WITH_ACTUALS);
const FY = parseFy('2021/22');
const LABEL = 'Budget as approved, February: Base';
const approved = (plan: Plan = workedExample()) => ({ label: LABEL, plan, scenarioId: 'base' });

describe('the existing path', () => {
  it('says its budget is the plan as planned, in the JSON and the text', () => {
    const report = outturnReport(live(), 'base', FY);
    expect(report.budgetSource).toBe(AS_PLANNED);
    expect(outturnJson(report).budgetSource).toBe('As planned (the plan without actuals)');
    expect(outturnText(report).split('\n')[2]).toBe('Budget: As planned (the plan without actuals)');
  });
});

describe('outturnAgainst', () => {
  it("against a snapshot of the plan as made gives today's figures, with the snapshot named as the budget", () => {
    const asPlanned = outturnReport(live(), 'base', FY);
    const against = outturnAgainst(live(), 'base', FY, approved());
    expect(against.budgetSource).toBe(LABEL);
    expect(budgetSourceLine(against)).toBe(`Budget: ${LABEL}`);
    expect({ ...against, budgetSource: AS_PLANNED }).toEqual(asPlanned);
    expect(against.totals.budget).toBe(12_000_000);
  });

  it("budgets a forecast snapshot at its forecast outturn then: the snapshot's own actuals count", () => {
    // The snapshot held actuals to June; today has July too (a: £5,500 against £5,000 planned).
    const now = live();
    now.actuals!.asAt = '2021-07';
    now.actuals!.spend.push({ intervention: 'a', month: '2021-07', amount: 5500 });
    const report = outturnAgainst(now, 'base', FY, { label: 'Q1 forecast: Base', plan: live(), scenarioId: 'base' });
    const a = report.lines.find((l) => l.id === 'a')!;
    // Q1's forecast for a: £14,800 actual + 9 × £5,000 = £59,800; now £20,300 + 8 × £5,000 = £60,300.
    expect([a.budget, a.actual, a.outturn, a.variance]).toEqual([5_980_000, 2_030_000, 6_030_000, 50_000]);
    expect(report.totals.budget).toBe(12_030_000);
  });

  it('lines services up by id: one only in the snapshot is budgeted with outturn 0; one only today is budgeted 0', () => {
    const now = live();
    now.interventions = now.interventions.filter((i) => i.id !== 'c');
    now.actuals!.spend = now.actuals!.spend.filter((s) => s.intervention !== 'c');
    now.interventions.push({ id: 'd', name: 'Mentoring', category: 'commissioned', annualCost: 2400, priority: 4 } as never);
    const report = outturnAgainst(now, 'base', FY, approved());
    expect(report.lines.map((l) => l.id)).toEqual(['a', 'b', 'd', 'c']);
    const c = report.lines.find((l) => l.id === 'c')!;
    expect(c).toMatchObject({
      name: 'Central team',
      category: 'central',
      outcome: null,
      budget: 1_200_000,
      actual: 0,
      outturn: 0,
      variance: -1_200_000,
    });
    const d = report.lines.find((l) => l.id === 'd')!;
    // April to June are actual months without an entry for d (£0); then 9 × £200.
    expect(d).toMatchObject({ budget: 0, actual: 0, outturn: 180_000, varianceShare: null });
    expect(report.totals.budget).toBe(12_000_000);
    expect(report.byCategory.find((g) => g.label === 'Central')!.budget).toBe(1_200_000);
    expect(outturnJson(report).lines.find((l) => l.id === 'c')!.outcome).toBeNull();
  });

  it("budgets £0 for an FY outside the snapshot's horizon, and says so", () => {
    const now = live();
    now.horizon = { start: '2021-04', months: 36 };
    const fy = parseFy('2023/24');
    const report = outturnAgainst(now, 'base', fy, approved());
    expect(report.budgetSource).toBe(`${LABEL} (2023/24 is outside this snapshot's horizon: budget £0)`);
    expect(report.lines.every((l) => l.budget === 0)).toBe(true);
    expect(report.lines.length).toBeGreaterThan(0);
    expect([report.totals.budget, report.budgetDrawn, report.budgetUnderspend]).toEqual([0, 0, 0]);
  });

  it('names a scenario missing from either plan, and an FY outside the live horizon', () => {
    expect(() => outturnAgainst(live(), 'base', FY, { ...approved(), scenarioId: 'cut' })).toThrow(
      `no scenario "cut" in the budget's plan "Worked example: wait against prudent" (it has: base, prudent)`,
    );
    expect(() => outturnAgainst(live(), 'cut', FY, approved())).toThrow('no scenario "cut" in the plan (it has: base, prudent)');
    expect(() => outturnAgainst(live(), 'base', parseFy('2030/31'), approved())).toThrow(
      "2030/31 is not an FY of the plan's horizon (2021/22, 2022/23)",
    );
  });
});

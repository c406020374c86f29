import { describe, expect, it } from 'vitest';
import { applyEdit } from '../../shared/edits';
import { byYearFormula, readByYear } from '../../shared/by-year';
import { evaluateFormula, renameInFormula } from '../../shared/formula';
import { newVariableNameProblem } from '../../shared/names';
import type { Plan } from '../../shared/plan';
import { deleteVariableEdit, placesUsing, renameVariableEdit } from '../../shared/plan-variables';
import { validatePlan } from '../../shared/validate';
import { workedExample } from '../fixtures';

const plan: Plan = {
  format: 'headroom-plan',
  version: 1,
  name: 'Variables',
  horizon: { start: '2025-04', months: 36 },
  variables: {
    payAward: '=fy == 0 ? 0.03 : (fy == 1 ? 0.025 : 0.02)',
    grant: 100000,
    grantLevel: '=grant / 100000',
    uplift: '=1 + payAward',
  },
  underwriting: { by: 'OPCC', limit: '=grant * 2' },
  fundingStreams: [
    { id: 'g', name: 'Grant', funder: 'HO', kind: 'grant', allocations: [{ fy: '2025/26', amount: '=grant * grantLevel' }] },
  ],
  interventions: [
    { id: 'a', name: 'A', category: 'commissioned', annualCost: '=180000 * uplift ^ fy', priority: 1 },
    { id: 'b', name: 'B', category: 'commissioned', annualCost: 5000, priority: 2 },
  ],
  scenarios: [
    {
      id: 'cut',
      name: 'Cut',
      variables: { grantLevel: 0.75, grant: '=90000' },
      changes: [{ stream: 'g', fy: '2025/26', amount: '=base * grantLevel' }],
      uncertainty: [{ variable: 'grant', dist: 'uniform', min: 80000, max: 100000 }],
    },
  ],
};

describe('renameInFormula', () => {
  it('renames the name on the parsed formula, never part of another name', () => {
    expect(renameInFormula('=grant * grantLevel', 'grant', 'award')).toBe('=award * grantLevel');
    expect(renameInFormula('=180000 * 1.02 ^ fy + grant', 'grant', 'g2')).toBe('=180000 * 1.02 ^ fy + g2');
    expect(renameInFormula('=0.0000001 * grant', 'grant', 'x')).toBe('=0.0000001 * x');
    expect(renameInFormula('=min(1, grant)', 'grant', 'x')).toBe('=min(1, x)');
    // A formula that does not use it keeps its text as written.
    expect(renameInFormula('=base*grantLevel', 'grant', 'x')).toBe('=base*grantLevel');
  });
});

describe('placesUsing', () => {
  it('names every formula that uses a variable, not its own definition', () => {
    expect(placesUsing(plan, 'grant').map((p) => p.path)).toEqual([
      ['variables', 'grantLevel'],
      ['underwriting', 'limit'],
      ['fundingStreams', 0, 'allocations', 0, 'amount'],
    ]);
    expect(placesUsing(plan, 'payAward').map((p) => p.path)).toEqual([['variables', 'uplift']]);
    expect(placesUsing(plan, 'unused')).toEqual([]);
  });
});

describe('renameVariableEdit', () => {
  it('renames it everywhere in one edit that validates and undoes exactly', () => {
    const result = renameVariableEdit(plan, 'grant', 'award');
    if (!('edit' in result)) throw new Error(result.problem);
    expect(result.edit.label).toBe('Plan: rename variable grant → award');
    const { plan: after, inverse } = applyEdit(plan, result.edit);
    const renamed = after as Plan;
    expect(Object.keys(renamed.variables!)).toEqual(['payAward', 'award', 'grantLevel', 'uplift']);
    expect(renamed.variables!.grantLevel).toBe('=award / 100000');
    expect(renamed.underwriting!.limit).toBe('=award * 2');
    expect(renamed.fundingStreams[0].allocations[0].amount).toBe('=award * grantLevel');
    expect(renamed.scenarios![0].variables).toEqual({ grantLevel: 0.75, award: '=90000' });
    expect(renamed.scenarios![0].uncertainty![0].variable).toBe('award');
    expect(renamed.scenarios![0].changes).toEqual(plan.scenarios![0].changes);
    // Only what uses the name is touched.
    expect(result.edit.ops.map((op) => op.path)).toEqual([['variables'], ['underwriting'], ['fundingStreams', 0], ['scenarios', 0]]);
    expect(validatePlan(plan).ok && validatePlan(renamed).ok).toBe(true);
    expect(applyEdit(after, inverse).plan).toEqual(plan);
  });

  it('renames it in the correlations of the scenarios that make it uncertain', () => {
    const correlated: Plan = {
      ...plan,
      scenarios: [
        {
          ...plan.scenarios![0],
          uncertainty: [...plan.scenarios![0].uncertainty!, { variable: 'grantLevel', dist: 'uniform', min: 0.7, max: 1 }],
          correlations: [{ between: ['grantLevel', 'grant'], rank: 0.5 }],
          sampling: 'latin-hypercube',
        },
      ],
    };
    const result = renameVariableEdit(correlated, 'grant', 'award');
    if (!('edit' in result)) throw new Error(result.problem);
    const renamed = applyEdit(correlated, result.edit).plan as Plan;
    expect(renamed.scenarios![0].correlations).toEqual([{ between: ['grantLevel', 'award'], rank: 0.5 }]);
    expect(renamed.scenarios![0].sampling).toBe('latin-hypercube');
    expect(validatePlan(correlated).ok && validatePlan(renamed).ok).toBe(true);
  });

  it('refuses a name that is taken or not allowed', () => {
    expect(renameVariableEdit(plan, 'grant', 'grantLevel')).toEqual({ problem: 'there is already a variable called "grantLevel"' });
    expect(renameVariableEdit(plan, 'grant', 'fy')).toEqual({ problem: '"fy" is reserved in formulas and cannot be a variable name' });
    expect(renameVariableEdit(plan, 'grant', '2x')).toEqual({
      problem: '"2x" cannot be a variable name (letters, digits and "_", not starting with a digit)',
    });
    expect(renameVariableEdit(plan, 'nope', 'x')).toEqual({ problem: 'there is no plan variable called "nope"' });
    expect(newVariableNameProblem({ ...plan, scenarios: [{ id: 's', name: 'S', variables: { local: 1 } }] }, 'local')).toBe(
      '"local" is already a variable of scenario “S”',
    );
  });
});

describe('deleteVariableEdit', () => {
  it('refuses while a formula uses it, naming where', () => {
    expect(deleteVariableEdit(plan, 'payAward')).toEqual({ problem: 'payAward is used by variables.uplift: change those formulas first' });
    expect(deleteVariableEdit(plan, 'grant')).toEqual({
      problem: 'grant is used by variables.grantLevel; underwriting.limit; Grant 2025/26: amount: change those formulas first',
    });
  });

  it('deletes one no formula uses', () => {
    const unused = { ...plan, variables: { ...plan.variables, spare: 1 } };
    const result = deleteVariableEdit(unused, 'spare');
    if (!('edit' in result)) throw new Error(result.problem);
    expect(result.edit.label).toBe('Plan: delete variable spare');
    expect((applyEdit(unused, result.edit).plan as Plan).variables).toEqual(plan.variables);
  });
});

describe('the per-FY table', () => {
  it('writes a formula in fy and reads it back', () => {
    const formula = byYearFormula(['0.03', '0.025', '0.02']);
    expect(formula).toBe('=fy == 0 ? 0.03 : (fy == 1 ? 0.025 : 0.02)');
    expect(readByYear(formula, 3)).toEqual(['0.03', '0.025', '0.02']);
    expect(byYearFormula(['1', '-2'])).toBe('=fy == 0 ? 1 : -2');
    expect(byYearFormula(['5'])).toBe('=5');
  });

  it('round-trips any values, and the last value holds for later FYs', () => {
    for (const values of [
      ['0', '0'],
      ['-0.5', '12.25', '1000000', '0.0001'],
      ['3', '2', '1', '0', '-1', '-2'],
    ]) {
      expect(readByYear(byYearFormula(values), values.length)).toEqual(values);
    }
    expect(readByYear('=fy == 0 ? 0.03 : 0.02', 4)).toEqual(['0.03', '0.02', '0.02', '0.02']);
    expect(readByYear('=(fy == 0) ? 0.03 : ((fy == 1) ? 0.025 : 0.02)', 3)).toEqual(['0.03', '0.025', '0.02']);
  });

  it('leaves any other formula as a formula', () => {
    for (const formula of [
      '=0.03',
      '=fy == 1 ? 0.03 : 0.02',
      '=fy == 0 ? grant : 0.02',
      '=fy > 0 ? 0.03 : 0.02',
      '=fy == 0 ? 0.03 : (fy == 2 ? 0.025 : 0.02)',
      '=base == 0 ? 1 : 2',
      '=1.02 ^ fy',
      '=fy == 0 ? 0.03 : (',
      '=fy == 0 ? 0.03 : 0.02 + 1',
      '=fy == 0 ? 0.03 : (0.02))',
    ])
      expect(readByYear(formula, 3)).toBeNull();
    // More rows than the horizon has FYs.
    expect(readByYear('=fy == 0 ? 1 : (fy == 1 ? 2 : 3)', 2)).toBeNull();
  });

  it('means what the table says: each FY evaluates to its row', () => {
    const values = ['0.03', '-0.025', '12', '0.02'];
    const formula = byYearFormula(values);
    for (let fy = 0; fy < 6; fy++)
      expect(evaluateFormula(formula, (name) => (name === 'fy' ? fy : undefined)).toString()).toBe(values[Math.min(fy, 3)]);
  });

  it('writes formulas the plan accepts', () => {
    const withTable = { ...plan, variables: { ...plan.variables, payAward: byYearFormula(['0.03', '-0.01', '0']) } };
    const checked = validatePlan(withTable);
    expect(checked.ok ? [] : checked.problems).toEqual([]);
  });
});

describe('text that starts with "=" is not a formula', () => {
  it('renames and deletes a variable without touching names, notes or providers that look like formulas', () => {
    const plan = workedExample();
    plan.variables = { g: 1 };
    plan.name = '=g';
    plan.notes = '=g notes';
    plan.interventions[0].provider = '=g';
    plan.interventions[0].annualCost = '=100000 * g';
    const renamed = renameVariableEdit(plan, 'g', 'gg');
    if (!('edit' in renamed)) throw new Error(renamed.problem);
    const after = applyEdit(plan, renamed.edit).plan as typeof plan;
    expect([after.name, after.notes, after.interventions[0].provider]).toEqual(['=g', '=g notes', '=g']);
    expect(after.interventions[0].annualCost).toBe('=100000 * gg');
    expect(placesUsing(plan, 'g').map((p) => p.path.join('.'))).toEqual(['interventions.0.annualCost']);
  });
});

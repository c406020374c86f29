// When an edit asks first, and what it offers: typing a number over a formula, or changing a
// single annual cost while the grid shows one FY.
import { describe, expect, it } from 'vitest';
import { formatMonths } from '../../shared/fields';
import { annualCostQuestion, askBeforeReplacingFormula, replaceFormulaQuestion } from '../../renderer/logic/edit-questions';
import { amountText } from '../../renderer/logic/cost-edits';

const ids = (q: { choices: readonly { id: string }[] } | null) => q?.choices.map((c) => c.id);

describe('replacing a formula', () => {
  it('asks before a value replaces a formula: Replace (Enter) or Keep formula (Escape)', () => {
    const q = replaceFormulaQuestion('=base * uplift', 345000, amountText);
    expect(q).toEqual({
      title: 'Replace the formula =base * uplift with £345,000?',
      choices: [
        { id: 'replace', label: 'Replace' },
        { id: 'keep', label: 'Keep formula' },
      ],
      cancel: 'keep',
    });
    expect(replaceFormulaQuestion('=n + 1', 4, formatMonths)?.title).toBe('Replace the formula =n + 1 with 4 months?');
    expect(replaceFormulaQuestion('=n + 1', undefined, formatMonths)?.title).toBe('Replace the formula =n + 1 with nothing?');
  });

  it('does not ask when no formula would be lost', () => {
    expect(replaceFormulaQuestion(3, 4, formatMonths)).toBeNull();
    expect(replaceFormulaQuestion(undefined, 4, formatMonths)).toBeNull();
    expect(replaceFormulaQuestion('=a', '=a * 2', amountText)).toBeNull();
    expect(replaceFormulaQuestion('=a', '=a', amountText)).toBeNull();
  });
});

describe('an annual cost edited for an FY', () => {
  it('asks whether a single amount changes every year or only the FY shown', () => {
    const q = annualCostQuestion(330000, 345000, '2021/22', 3);
    expect(q?.title).toBe('Change the annual cost from £330,000 to £345,000 in every year, or only in 2021/22?');
    expect(q?.choices).toEqual([
      { id: 'every-year', label: 'Change every year' },
      { id: 'only-fy', label: 'Only 2021/22' },
      { id: 'keep', label: 'Cancel' },
    ]);
    expect(q?.cancel).toBe('keep');
  });

  it('offers Only this FY when a number is typed over a single formula', () => {
    const q = annualCostQuestion('=650000 * (1 + payUplift) ^ fy', 700000, '2021/22', 3);
    expect(q?.title).toBe('Replace the formula =650000 * (1 + payUplift) ^ fy with £700,000?');
    expect(ids(q)).toEqual(['replace', 'only-fy', 'keep']);
    expect(q?.choices[0].label).toBe('Replace every year');
  });

  it('asks whether a new formula is for every year or one FY, but never for the same value', () => {
    expect(ids(annualCostQuestion('=a', '=a * 2', '2021/22', 3))).toEqual(['every-year', 'only-fy', 'keep']);
    expect(annualCostQuestion(330000, 330000, '2021/22', 3)).toBeNull();
    expect(annualCostQuestion('=a', '=a', '2021/22', 3)).toBeNull();
  });

  it('with one FY, or no FY in view, asks only when a formula would go', () => {
    expect(annualCostQuestion(330000, 345000, '2021/22', 1)).toBeNull();
    expect(annualCostQuestion(330000, 345000, null, 3)).toBeNull();
    expect(ids(annualCostQuestion('=a', 5, null, 3))).toEqual(['replace', 'keep']);
    expect(annualCostQuestion('=a', 5, null, 3)?.choices[0].label).toBe('Replace');
  });

  it('for a cost by year, asks only when that FY holds a formula', () => {
    const cost = { '2020/21': 200000, '2021/22': '=base' };
    expect(annualCostQuestion(cost, 210000, '2020/21', 3)).toBeNull();
    expect(annualCostQuestion(cost, 210000, '2022/23', 3)).toBeNull();
    expect(ids(annualCostQuestion(cost, 210000, '2021/22', 3))).toEqual(['replace', 'keep']);
  });
});

describe('asking before a formula is replaced, for any field', () => {
  it('asks only when a formula would go, and Replace stores the typed value', () => {
    const edit = (typed: unknown) => ({ label: 'x', ops: [{ op: 'set' as const, path: ['a'], value: typed }] });
    const ask = askBeforeReplacingFormula('=3307000 * grantLevel', edit, (v) => String(v));
    const asked = ask(3000000);
    expect(asked?.question.title).toBe('Replace the formula =3307000 * grantLevel with 3000000?');
    expect(asked?.edit('replace')).toEqual(edit(3000000));
    expect(asked?.edit('keep')).toBeNull();
    expect(ask('=3000000 * grantLevel')).toBeNull();
    expect(askBeforeReplacingFormula(3307000, edit, String)(3000000)).toBeNull();
  });
});

// The Interventions grid's columns come from the field table: headings, readers and paths.
import { describe, expect, it } from 'vitest';
import { interventionColumns } from '../../renderer/screens/interventions/columns';
import { demoPlan } from './fixtures';

describe('the Interventions grid columns', () => {
  const plan = demoPlan();
  const columns = interventionColumns(plan, null, 1, '2021/22', true);
  const column = (key: string) => columns.find((c) => c.key === key)!;

  it('are the grid order, headed from the field table', () => {
    expect(columns.map((c) => c.label)).toEqual([
      'Name',
      'Category',
      'System',
      'Area',
      'Provider',
      'Annual cost 2021/22',
      'Priority',
      'Notice',
      'Exit cost',
      'People',
      'Start',
      'End',
    ]);
    expect(interventionColumns(plan, null, 1, '2021/22', false).map((c) => c.key)).not.toContain('start');
  });

  it('read with the one grammar: "Commissioned service", "3 months", "June 2021", never "1,2,3"', () => {
    expect(column('category').read('Commissioned service')).toEqual({ ok: true, value: 'commissioned' });
    expect(column('noticeMonths').read('3 months')).toEqual({ ok: true, value: 3 });
    expect(column('start').read('June 2021')).toEqual({ ok: true, value: '2021-06' });
    expect(column('annualCost').read('1,2,3').ok).toBe(false);
    expect(column('priority').read('')).toEqual({ ok: false, message: 'A priority is required' });
  });

  it('edit the plan at the field’s path, labelled in words', () => {
    const i = plan.interventions.findIndex((x) => x.id === 'evaluation');
    expect(column('noticeMonths').path(i)).toEqual(['interventions', i, 'noticeMonths']);
    const edit = column('noticeMonths').edit(i, 4);
    expect(edit).toEqual({
      label: `${plan.interventions[i].name}: notice`,
      ops: [{ op: 'set', path: ['interventions', i, 'noticeMonths'], value: 4 }],
    });
  });

  it('ask before a cost typed for the FY shown replaces a formula or every year, and store the answer', () => {
    const cost = column('annualCost');
    const team = plan.interventions.findIndex((x) => x.id === 'central-team');
    const ask = cost.ask!(team, 700000)!;
    expect(ask.question.choices.map((c) => c.id)).toEqual(['replace', 'only-fy', 'keep']);
    expect(ask.edit('keep')).toBeNull();
    expect(ask.edit('replace')?.ops).toEqual([{ op: 'set', path: ['interventions', team, 'annualCost'], value: 700000 }]);
    const onlyFy = ask.edit('only-fy')!.ops[0] as { value: Record<string, unknown> };
    expect(onlyFy.value['2021/22']).toBe(700000);
    expect(onlyFy.value['2020/21']).toBe(plan.interventions[team].annualCost);

    const evaluation = plan.interventions.findIndex((x) => x.id === 'evaluation');
    const single = cost.ask!(evaluation, 145000)!;
    expect(single.edit('every-year')?.label).toBe('Local evaluation: annual cost £130,000 → £145,000');
    expect(single.edit('only-fy')?.label).toBe('Local evaluation: annual cost 2021/22 £130,000 → £145,000');
    expect(cost.ask!(evaluation, 130000)).toBeNull();

    const parenting = plan.interventions.findIndex((x) => x.id === 'parenting-peer-support');
    expect(cost.ask!(parenting, 210000)).toBeNull();
    expect(cost.edit(parenting, 210000).ops).toEqual([
      { op: 'set', path: ['interventions', parenting, 'annualCost', '2021/22'], value: 210000 },
    ]);
  });

  it('ask before a number replaces a notice or exit cost formula; Keep stores nothing', () => {
    const withFormula = demoPlan();
    withFormula.interventions[0].noticeMonths = '=2 + 1';
    const notice = interventionColumns(withFormula, null, 1, '2021/22', false).find((c) => c.key === 'noticeMonths')!;
    const ask = notice.ask!(0, 4)!;
    expect(ask.question.title).toBe('Replace the formula =2 + 1 with 4 months?');
    expect(ask.edit('keep')).toBeNull();
    expect(ask.edit('replace')?.ops).toEqual([{ op: 'set', path: ['interventions', 0, 'noticeMonths'], value: 4 }]);
    expect(column('exitCost').ask!(0, 5000)).toBeNull();
  });
});

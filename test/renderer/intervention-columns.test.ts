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
});

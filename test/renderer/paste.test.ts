import { describe, expect, it } from 'vitest';
import { applyEdit } from '../../shared/edits';
import type { Plan } from '../../shared/plan';
import { validatePlan } from '../../shared/validate';
import { parseInterventionRows, pasteEdit, pasteProblemCount, placeProblems, splitTsv } from '../../renderer/logic/paste';
import { demoPlan } from './fixtures';

describe('splitTsv', () => {
  it('splits rows and cells as spreadsheets copy them', () => {
    expect(splitTsv('a\tb\r\nc\td\r\n')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
  });

  it('keeps tabs, newlines and doubled quotes inside quoted cells, and drops blank lines', () => {
    expect(splitTsv('"Name, with ""quotes"""\t"two\nlines"\n\n\t\nx\ty')).toEqual([
      ['Name, with "quotes"', 'two\nlines'],
      ['x', 'y'],
    ]);
  });

  it('keeps empty cells in the middle and at the end', () => {
    expect(splitTsv('a\t\tc\t')).toEqual([['a', '', 'c', '']]);
  });
});

describe('parseInterventionRows', () => {
  const headed = [
    'Name\tCategory\tSystem\tArea\tProvider\tAnnual cost (£)\tNotice (months)\tPeople supported',
    'Knife crime education\tCommissioned\tEducation\tBirmingham\tSt Giles Trust\t£45,000\t1\t120',
    'Detached youth work\tcommissioned\tCommunity\tWalsall\tWalsall Youth\t38000.50\t2\t60',
    'Analyst\tCentral\tCentral capability\tWest Midlands\tWMP\t=42000 * (1 + payUplift)\t3\t',
  ].join('\n');

  it('reads rows with a header into interventions with fresh ids and priorities', () => {
    const plan = demoPlan();
    const parsed = parseInterventionRows(headed, plan);
    expect(parsed.hasHeader).toBe(true);
    expect(parsed.ok).toBe(true);
    expect(parsed.rows.map((r) => r.intervention)).toEqual([
      {
        id: 'knife-crime-education',
        name: 'Knife crime education',
        category: 'commissioned',
        system: 'Education',
        area: 'Birmingham',
        provider: 'St Giles Trust',
        annualCost: 45000,
        noticeMonths: 1,
        serviceUsers: 120,
        priority: 15,
      },
      {
        id: 'detached-youth-work',
        name: 'Detached youth work',
        category: 'commissioned',
        system: 'Community',
        area: 'Walsall',
        provider: 'Walsall Youth',
        annualCost: 38000.5,
        noticeMonths: 2,
        serviceUsers: 60,
        priority: 16,
      },
      {
        id: 'analyst',
        name: 'Analyst',
        category: 'central',
        system: 'Central capability',
        area: 'West Midlands',
        provider: 'WMP',
        annualCost: '=42000 * (1 + payUplift)',
        noticeMonths: 3,
        serviceUsers: 0,
        priority: 17,
      },
    ]);
  });

  it('gives one edit that the validator accepts', () => {
    const plan = demoPlan();
    const edit = pasteEdit(plan, parseInterventionRows(headed, plan))!;
    expect(edit.label).toBe('Paste 3 interventions');
    expect(edit.ops.map((op) => op.op === 'insert' && op.index)).toEqual([21, 22, 23]);
    const next = applyEdit(plan, edit).plan as Plan;
    expect(validatePlan(next).ok).toBe(true);
  });

  it('reads rows without a header in the grid’s column order', () => {
    const parsed = parseInterventionRows('Youth club\tcommissioned\tCommunity\tDudley\tYMCA\t12000\t4\t1\t0\t25', demoPlan());
    expect(parsed.hasHeader).toBe(false);
    expect(parsed.rows[0].intervention).toMatchObject({
      name: 'Youth club',
      annualCost: 12000,
      priority: 4,
      noticeMonths: 1,
      exitCost: 0,
      serviceUsers: 25,
    });
  });

  it('marks each bad cell with its own message and stores nothing', () => {
    const text = [
      'Name\tCategory\tAnnual cost\tNotice\tStart\tEnd',
      '\tcentre\t12.345\t1.5\tJune 2021\tApril 2021',
      'Fine\tcentral\t£1,000\t0\t\t',
    ].join('\n');
    const plan = demoPlan();
    const parsed = parseInterventionRows(text, plan);
    expect(parsed.ok).toBe(false);
    const cells = Object.fromEntries(parsed.rows[0].cells.map((c) => [c.column, c.message]));
    expect(cells.name).toBe('A name is required');
    expect(cells.category).toContain('is not a category');
    expect(cells.annualCost).toBe("'12.345' has more than 2 decimals");
    expect(cells.noticeMonths).toBe("'1.5' is not a number of months (a whole number, 0 or more)");
    expect(cells.start).toBeUndefined();
    expect(parsed.rows[0].messages).toEqual(['ends (2021-04) before it starts (2021-06)']);
    expect(parsed.rows[1].intervention).not.toBeNull();
    expect(pasteProblemCount(parsed)).toBe(5);
    expect(pasteEdit(plan, parsed)).toBeNull();
  });

  it('refuses an id already in the plan', () => {
    const parsed = parseInterventionRows('Id\tName\tAnnual cost\niris\tIRIS again\t12\n', demoPlan());
    expect(parsed.rows[0].messages).toEqual(['id "iris" is already used']);
  });

  it('keeps a formula as written; the validator (off the UI thread) reports its problem at the pasted cell', () => {
    const plan = demoPlan();
    const parsed = parseInterventionRows('Name\tAnnual cost\nBroken\t=10 +\n', plan);
    expect(parsed.ok).toBe(true);
    const validation = validatePlan(applyEdit(plan, pasteEdit(plan, parsed)!).plan);
    expect(validation.ok).toBe(false);
    const problems = validation.ok ? [] : validation.problems;
    expect(placeProblems(plan, parsed, problems)).toEqual([
      { line: 2, column: 'annualCost', message: expect.stringContaining('cannot be read') },
    ]);
  });

  it('refuses "1,2,3" as a cost rather than storing £123, and reads "Commissioned service"', () => {
    const parsed = parseInterventionRows(
      'Name\tCategory\tAnnual cost\nA\tCommissioned service\t1,2,3\nB\tCentral team\t1,234.50',
      demoPlan(),
    );
    expect(parsed.rows[0].cells.find((c) => c.column === 'annualCost')!.message).toBe(
      "'1,2,3' is not an amount in pounds (commas must group thousands)",
    );
    expect(parsed.rows[0].cells.find((c) => c.column === 'category')!.message).toBeUndefined();
    expect(parsed.rows[1].intervention).toMatchObject({ category: 'central', annualCost: 1234.5 });
  });

  it('tells which header columns it did not understand', () => {
    const parsed = parseInterventionRows('Name\tAnnual cost\tRAG rating\nA\t1\tGreen', demoPlan());
    expect(parsed.ignored).toEqual(['RAG rating']);
    expect(parsed.ok).toBe(true);
  });

  it('needs a name and a cost column', () => {
    const parsed = parseInterventionRows('Name\tArea\nA\tDudley', demoPlan());
    expect(parsed.rows[0].messages).toEqual(['has no annual cost column']);
  });
});

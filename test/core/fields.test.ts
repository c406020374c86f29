// One field table per plan entity (shared/fields): the grid, paste and the spreadsheet import
// read a value the same way, and recognise the same headers.
import { describe, expect, it } from 'vitest';
import { interpretSheets } from '../../electron/import/spreadsheet';
import type { RawCell } from '../../electron/import/worker';
import {
  ALLOCATION_FIELDS,
  FUNDING_ROW_FIELDS,
  headerKey,
  headerLookup,
  INTERVENTION_FIELDS,
  INTERVENTION_FIELD_LIST,
  matchHeader,
  STREAM_FIELDS,
} from '../../shared/fields';
import { parseInterventionRows } from '../../renderer/logic/paste';
import { readAmount, readCategory } from '../../renderer/logic/values';
import { demoPlan } from '../renderer/fixtures';

const read = (key: keyof typeof INTERVENTION_FIELDS, text: string) => INTERVENTION_FIELDS[key].read(text);

/** A one-row interventions sheet, as the import worker would give it. */
function importRow(header: string[], row: (string | number)[]) {
  const cell = (col: number, v: string | number): RawCell =>
    typeof v === 'number' ? { col, type: 'number', value: v, formula: false } : { col, type: 'text', value: v, formula: false };
  return interpretSheets(
    [
      {
        name: 'Costs',
        rows: [
          { row: 1, cells: header.map((h, i) => cell(i + 1, h)) },
          { row: 2, cells: row.map((v, i) => cell(i + 1, v)) },
        ],
      },
    ],
    { file: 'x.xlsx', format: 'xlsx' },
  );
}

describe('intervention fields', () => {
  it.each([
    ['annualCost', '£1,234.50', 1234.5],
    ['annualCost', '=base * 0.75', '=base * 0.75'],
    ['noticeMonths', '3 months', 3],
    ['noticeMonths', '1 month', 1],
    ['noticeMonths', '', 0],
    ['category', 'Commissioned service', 'commissioned'],
    ['category', 'Central team', 'central'],
    ['start', 'June 2021', '2021-06'],
    ['start', 'Jun-21', '2021-06'],
    ['serviceUsers', '1,200', 1200],
    ['exitCost', '', undefined],
  ] as const)('%s reads %j as %j', (key, text, expected) => {
    expect(read(key, text)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['annualCost', '1,2,3', "'1,2,3' is not an amount in pounds (commas must group thousands)"],
    ['annualCost', '', 'An annual cost is required'],
    ['annualCost', '-5', "'-5' is negative; an amount must be 0 or more"],
    ['annualCost', '=', 'the formula is empty (write a value after "=")'],
    ['name', '  ', 'A name is required'],
    ['category', 'core', "'core' is not a category (commissioned or central)"],
    ['priority', '1.5', "'1.5' is not a priority (a whole number, 1 or more)"],
    ['priority', '0', 'Priority 0 is not allowed: 1 is funded first'],
  ] as const)('%s refuses %j', (key, text, message) => {
    expect(read(key, text)).toEqual({ ok: false, message });
  });

  it('gives labels in words and formats stored values', () => {
    expect(INTERVENTION_FIELD_LIST.map((f) => f.label)).toContain('Notice (months)');
    expect(INTERVENTION_FIELDS.annualCost.label).toBe('Annual cost');
    expect(INTERVENTION_FIELDS.annualCost.format(45000)).toBe('£45,000.00');
    expect(INTERVENTION_FIELDS.noticeMonths.format(1)).toBe('1 month');
    expect(INTERVENTION_FIELDS.start.format('2021-06')).toBe('Jun 2021');
    expect(INTERVENTION_FIELDS.category.format('central')).toBe('Central');
  });

  it('recognises headers however they are written', () => {
    const lookup = headerLookup(INTERVENTION_FIELD_LIST);
    expect(
      ['Annual cost (£)', 'Notice (months)', 'People supported', 'Delivered by', 'Cost per year', 'Service users', 'SERVICE'].map((h) =>
        lookup.get(headerKey(h)),
      ),
    ).toEqual(['annualCost', 'noticeMonths', 'serviceUsers', 'provider', 'annualCost', 'serviceUsers', 'name']);
    expect(lookup.get(headerKey('RAG rating'))).toBeUndefined();
    expect(matchHeader(lookup, 'People supported (number)')).toBe('serviceUsers');
    expect(matchHeader(lookup, 'Notice (months)')).toBe('noticeMonths');
  });
});

describe('the grid, paste and the import agree', () => {
  it('"Commissioned service" is accepted by the grid, by paste AND by the import', () => {
    expect(readCategory('Commissioned service')).toEqual({ ok: true, value: 'commissioned' });
    expect(
      parseInterventionRows('Name\tCategory\tAnnual cost\nA\tCommissioned service\t10', demoPlan()).rows[0].intervention,
    ).toMatchObject({ category: 'commissioned' });
    const imported = importRow(['Name', 'Category', 'Annual cost'], ['A', 'Commissioned service', 10]);
    expect(imported.ok && imported.interventions[0].category).toBe('commissioned');
  });

  it('"1,2,3" is refused by all three, never stored as £123', () => {
    expect(readAmount('1,2,3').ok).toBe(false);
    expect(parseInterventionRows('Name\tAnnual cost\nA\t1,2,3', demoPlan()).ok).toBe(false);
    expect(importRow(['Name', 'Annual cost'], ['A', '1,2,3'])).toEqual({
      ok: false,
      errors: ["Sheet 'Costs', row 2, column B: '1,2,3' is not an amount in pounds (commas must group thousands)"],
    });
  });

  it('"3 months" of notice and "June 2021" as a start, in paste and import', () => {
    expect(
      parseInterventionRows('Name\tAnnual cost\tNotice\tStart\nA\t10\t3 months\tJune 2021', demoPlan()).rows[0].intervention,
    ).toMatchObject({ noticeMonths: 3, start: '2021-06' });
    const imported = importRow(['Name', 'Annual cost', 'Notice', 'Start'], ['A', 10, '3 months', 'June 2021']);
    expect(imported.ok && imported.interventions[0]).toMatchObject({ noticeMonths: 3, start: '2021-06' });
  });
});

describe('funding fields', () => {
  it.each([
    [ALLOCATION_FIELDS.confirmedOn, 'June 2021', '2021-06-01'],
    [ALLOCATION_FIELDS.confirmedOn, '4 June 2021', '2021-06-04'],
    [ALLOCATION_FIELDS.fy, 'FY 2021/22', '2021/22'],
    [ALLOCATION_FIELDS.amount, '£250,000.00', 250000],
    [STREAM_FIELDS.kind, 'One off', 'one-off'],
    [STREAM_FIELDS.minCommissionedShare, '60%', 0.6],
  ] as const)('%s reads %j as %j', (field, text, expected) => {
    expect(field.read(text)).toEqual({ ok: true, value: expected });
  });

  it('a funding sheet row is recognised by the same headers', () => {
    const lookup = headerLookup(FUNDING_ROW_FIELDS);
    expect(
      ['Funding stream', 'Stream id', 'Funded by', 'Financial year', 'Allocation', 'Date confirmed'].map((h) => lookup.get(headerKey(h))),
    ).toEqual(['stream', 'streamId', 'funder', 'fy', 'amount', 'confirmedOn']);
  });

  it('the import reads "June 2021" as a confirmation on the 1st', () => {
    const cells = (row: number, values: string[]) => ({
      row,
      cells: values.map((value, i) => ({ col: i + 1, type: 'text' as const, value, formula: false })),
    });
    const result = interpretSheets(
      [
        {
          name: 'Funding',
          rows: [cells(1, ['Stream', 'FY', 'Amount', 'Confirmed']), cells(2, ['Grant A', '2021/22', '1,000', 'June 2021'])],
        },
      ],
      { file: 'f.xlsx', format: 'xlsx' },
    );
    expect(result.ok && result.fundingStreams[0].allocations).toEqual([{ fy: '2021/22', amount: 1000, confirmedOn: '2021-06-01' }]);
  });
});

// Reading a finance extract's periods, amounts and headers (shared/periods.ts; plan-format.md §10).
import { describe, expect, it } from 'vitest';
import { actualsHeaderRole, readActualAmount, readPeriod } from '../../shared/periods';

describe('periods', () => {
  it.each([
    ['2021-04', '2021-04'],
    ['Apr-21', '2021-04'],
    ['APR-21', '2021-04'],
    ['April 2021', '2021-04'],
    ['Apr 2021', '2021-04'],
    ['Sept-21', '2021-09'],
    ['2021-04-15', '2021-04'],
    ['15/04/2021', '2021-04'],
    ['01/04/2021', '2021-04'],
    ['15-APR-21', '2021-04'],
    ['2021-04-15T00:00:00', '2021-04'],
    ['15/04/2021 00:00', '2021-04'],
    ['P01 2021/22', '2021-04'],
    ['P07 2021/22', '2021-10'],
    ['P7 2021/22', '2021-10'],
    ['p09 2021/22', '2021-12'],
    ['P10 2021/22', '2022-01'],
    ['P12 2021/22', '2022-03'],
    ['2021/22 P07', '2021-10'],
    ['Period 7 2021/22', '2021-10'],
    ['P07 FY21/22', '2021-10'],
    ['P07 2021-22', '2021-10'],
    ['2021/22-07', '2021-10'],
  ])('%s is %s', (text, month) => {
    expect(readPeriod(text)).toEqual({ ok: true, value: { month, adjustment: false } });
  });

  it('year-end adjustment periods 13 and 14 fall in March, and say so', () => {
    expect(readPeriod('P13 2021/22')).toEqual({ ok: true, value: { month: '2022-03', adjustment: true } });
    expect(readPeriod('P14 2021/22')).toEqual({ ok: true, value: { month: '2022-03', adjustment: true } });
  });

  it('a bare period number is read with the financial year of its row', () => {
    expect(readPeriod('7', '2021/22')).toEqual({ ok: true, value: { month: '2021-10', adjustment: false } });
    expect(readPeriod('P07', '2020/21')).toEqual({ ok: true, value: { month: '2020-10', adjustment: false } });
  });

  it.each([
    [
      'P15 2021/22',
      "'P15 2021/22' is not a period: financial periods run from 1 (April) to 12 (March), with 13 and 14 for year-end adjustments",
    ],
    [
      'P00 2021/22',
      "'P00 2021/22' is not a period: financial periods run from 1 (April) to 12 (March), with 13 and 14 for year-end adjustments",
    ],
    ['P07 2021/23', "'P07 2021/23' is not a period: '2021/23' is not a financial year like 2021/22"],
    ['P07', "'P07' is a period number without its financial year; write it as P07 2021/22"],
    [
      '202107',
      "'202107' is not a period Headroom reads (it could be a calendar month or a financial period); write it as 2021-07, Jul-21 or P04 2021/22",
    ],
    ['31/02/2021', "'31/02/2021' is not a period: write it as 2021-04, Apr-21, April 2021, 15/04/2021 or P01 2021/22"],
    ['Q2 2021', "'Q2 2021' is not a period: write it as 2021-04, Apr-21, April 2021, 15/04/2021 or P01 2021/22"],
    ['', 'the period is empty'],
  ])('refuses %s', (text, message) => {
    expect(readPeriod(text)).toEqual({ ok: false, message });
  });
});

describe('amounts', () => {
  it.each([
    ['1234.56', 123456],
    ['£1,234.56', 123456],
    ['-123.45', -12345],
    ['(123.45)', -12345],
    ['(£123.45)', -12345],
    ['123.45-', -12345],
    ['£-5', -500],
    ['-£5', -500],
    ['123.45 CR', -12345],
    ['123.45CR', -12345],
    ['123.45 DR', 12345],
    ['-123.45 CR', 12345],
    ['+7', 700],
    ['.5', 50],
    ['0', 0],
    ['-0.00', 0],
    ['GBP 10', 1000],
  ])('%s is %i pence', (text, pence) => {
    expect(readActualAmount(text)).toEqual({ ok: true, value: { pence, rounded: false } });
  });

  it.each([
    ['12.345', 1234],
    ['12.355', 1236],
    ['0.005', 0],
    ['0.015', 2],
    ['-0.125', -12],
    ['1.0000', 100],
  ])('%s has more than 2 decimals: %i pence, rounded half to even', (text, pence) => {
    expect(readActualAmount(text)).toEqual({ ok: true, value: { pence, rounded: true } });
  });

  it.each([
    ['', 'the amount is empty'],
    ['abc', "'abc' is not an amount in pounds"],
    ['1,23.00', "'1,23.00' is not an amount in pounds (commas must group thousands)"],
    ['1e5', "'1e5' is not an amount in pounds"],
    ['(5) CR', "'(5) CR' is not an amount in pounds"],
    ['9999999999999999', "'9999999999999999' is too large an amount"],
  ])('refuses %s', (text, message) => {
    expect(readActualAmount(text)).toEqual({ ok: false, message });
  });
});

describe('headers', () => {
  it.each([
    ['Cost Centre', 'code'],
    ['COST CENTER', 'code'],
    ['Cost centre (code)', 'code'],
    ['Ledger code', 'code'],
    ['Account', 'code'],
    ['Project', 'code'],
    ['Activity', 'code'],
    ['Accounting Period', 'period'],
    ['GL Period', 'period'],
    ['Posting date', 'period'],
    ['Month', 'period'],
    ['Financial year', 'fy'],
    ['Net Amount', 'amount'],
    ['Amount (£)', 'amount'],
    ['Actuals', 'amount'],
    ['Value', 'amount'],
    ['Debit', 'debit'],
    ['Credit', 'credit'],
  ])('%s is a %s column', (text, role) => {
    expect(actualsHeaderRole(text)?.role).toBe(role);
  });

  it('ranks a cost centre over an account, a period over a date, a net amount over an amount', () => {
    const rank = (text: string) => actualsHeaderRole(text)!.rank;
    expect(rank('Cost centre')).toBeLessThan(rank('Account'));
    expect(rank('Period')).toBeLessThan(rank('Posting date'));
    expect(rank('Net amount')).toBeLessThan(rank('Amount'));
  });

  it('descriptions and budgets are not read', () => {
    for (const text of ['Cost centre description', 'Budget', 'Description', 'Currency']) expect(actualsHeaderRole(text)).toBeNull();
  });
});

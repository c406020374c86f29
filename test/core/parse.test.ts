// The one grammar for what people type or paste (shared/parse.ts): exact decimals, UK months
// and dates, FYs, whole months, shares, categories and ids, each with a message on refusal.
import { describe, expect, it } from 'vitest';
import {
  freshId,
  idFromName,
  isFormula,
  readAmountPence,
  readCategory,
  readDate,
  readDecimal,
  readFy,
  readId,
  readKind,
  readMonth,
  readMonthCount,
  readPence,
  readShareText,
  readText,
  readWhole,
  slug,
} from '../../shared/parse';

const value = <T>(read: { ok: true; value: T } | { ok: false; message: string }) => (read.ok ? read.value : `refused: ${read.message}`);

describe('money to integer pence, from the decimal text', () => {
  it.each([
    ['£1,234.50', 123450],
    ['1234.5', 123450],
    ['-12', -1200],
    ['£ 12', 1200],
    ['-£12', -1200],
    ['£-12', -1200],
    ['(5.00)', -500],
    ['0.07', 7],
    ['.5', 50],
    ['12.', 1200],
    ['1,000,000', 100000000],
    ['9007199254740.99', 900719925474099],
    ['0', 0],
    ['-0', 0],
  ])('%s is %i pence', (text, pence) => {
    expect(readPence(text)).toEqual({ ok: true, value: pence });
  });

  it.each([
    ['1,2,3', "'1,2,3' is not an amount in pounds (commas must group thousands)"],
    ['1,2345', "'1,2345' is not an amount in pounds (commas must group thousands)"],
    ['12,34.00', "'12,34.00' is not an amount in pounds (commas must group thousands)"],
    ['12.345', "'12.345' has more than 2 decimals"],
    ['1e5', "'1e5' is not an amount in pounds"],
    ['£1.2m', "'£1.2m' is not an amount in pounds"],
    ['', "'' is not an amount in pounds"],
    ['99999999999999999', "'99999999999999999' is too large an amount"],
  ])('refuses %s', (text, message) => {
    expect(readPence(text)).toEqual({ ok: false, message });
  });

  it('an amount is 0 or more', () => {
    expect(readAmountPence('-12')).toEqual({ ok: false, message: "'-12' is negative; an amount must be 0 or more" });
    expect(readAmountPence('(5.00)')).toEqual({ ok: false, message: "'(5.00)' is negative; an amount must be 0 or more" });
    expect(readAmountPence('£45,000')).toEqual({ ok: true, value: 4500000 });
  });

  it('is exact where a float is not: 0.1 + 0.2 pounds, 1234567890123.45', () => {
    const [a, b] = [readPence('0.10'), readPence('0.20')];
    expect(a.ok && b.ok && a.value + b.value).toBe(30);
    expect(readPence('1234567890123.45')).toEqual({ ok: true, value: 123456789012345 });
  });
});

describe('numbers, shares and whole months', () => {
  it.each([
    ['1,234.5', '1234.5'],
    ['007', '7'],
    ['-0.50', '-0.5'],
    ['12.5%', 'refused'],
  ])('decimal %s is %s', (text, expected) => {
    const read = readDecimal(text);
    expect(read.ok ? read.value : 'refused').toBe(expected);
  });

  it.each([
    ['25%', '0.25'],
    ['12.5%', '0.125'],
    ['0.375', '0.375'],
    ['100%', '1'],
    ['1', '1'],
    ['0', '0'],
    ['7%', '0.07'],
    ['0.5%', '0.005'],
  ])('share %s is %s, exactly', (text, expected) => {
    expect(readShareText(text)).toEqual({ ok: true, value: expected });
  });

  it.each(['150%', '1.5', '-0.1', 'half'])('refuses the share %s', (text) => {
    expect(readShareText(text)).toEqual({ ok: false, message: `'${text}' is not a share between 0 and 1 (write 0.25 or 25%)` });
  });

  it.each([
    ['3', 3],
    ['3 months', 3],
    ['1 month', 1],
    ['0', 0],
    ['12 mths', 12],
  ])('%s is %i whole months', (text, months) => {
    expect(readMonthCount(text)).toEqual({ ok: true, value: months });
  });

  it.each(['1.5', '-1', 'three months', '3 weeks'])('refuses %s as a number of months', (text) => {
    expect(readMonthCount(text).ok).toBe(false);
  });

  it('whole numbers take thousands separators and name what they are', () => {
    expect(readWhole('1,200')).toEqual({ ok: true, value: 1200 });
    expect(readWhole('2.0')).toEqual({ ok: true, value: 2 });
    expect(readWhole('2.5', 'a priority')).toEqual({ ok: false, message: "'2.5' is not a priority (a whole number, 0 or more)" });
    expect(readWhole('1,2,3').ok).toBe(false);
    expect(readWhole('1234567890').ok).toBe(false);
  });
});

describe('months, dates and FYs as the UK writes them', () => {
  it.each([
    ['2021-06', '2021-06'],
    ['June 2021', '2021-06'],
    ['Jun 2021', '2021-06'],
    ['Jun-21', '2021-06'],
    ['jun 21', '2021-06'],
    ['Sept 2021', '2021-09'],
    ['06/2021', '2021-06'],
    ['6/2021', '2021-06'],
    ['2021-06-04', '2021-06'],
    ['04/06/2021', '2021-06'],
    ['4 June 2021', '2021-06'],
  ])('month %s is %s', (text, month) => {
    expect(readMonth(text)).toEqual({ ok: true, value: month });
  });

  it.each(['13/2021', 'Juni 2021', 'Ju 2021', '2021-13', 'soon'])('refuses the month %s', (text) => {
    expect(readMonth(text)).toEqual({ ok: false, message: `'${text}' is not a month like 2021-06 or June 2021` });
  });

  it.each([
    ['2021-06-04', '2021-06-04'],
    ['4 June 2021', '2021-06-04'],
    ['4th June 2021', '2021-06-04'],
    ['4 Jun 21', '2021-06-04'],
    ['04/06/2021', '2021-06-04'],
    ['4/6/2021', '2021-06-04'],
    ['June 2021', '2021-06-01'],
    ['2021-06', '2021-06-01'],
    ['29/02/2024', '2024-02-29'],
  ])('date %s is %s', (text, date) => {
    expect(readDate(text)).toEqual({ ok: true, value: date });
  });

  it.each(['31/02/2021', '29 February 2021', '2021-06-31', 'tomorrow'])('refuses the date %s', (text) => {
    expect(readDate(text)).toEqual({ ok: false, message: `'${text}' is not a date like 4 June 2021 or 2021-06-04` });
  });

  it.each([
    ['2021/22', '2021/22'],
    ['2021-22', '2021/22'],
    ['2021/2022', '2021/22'],
    ['FY 2021/22', '2021/22'],
    ['fy21/22', '2021/22'],
    ['1999/00', '1999/00'],
  ])('FY %s is %s', (text, fy) => {
    expect(readFy(text)).toEqual({ ok: true, value: fy });
  });

  it.each(['2021/23', '2021/2023', '2021', '21'])('refuses the FY %s', (text) => {
    expect(readFy(text)).toEqual({ ok: false, message: `'${text}' is not a financial year like 2021/22` });
  });
});

describe('words, formulas and ids', () => {
  it.each([
    ['commissioned', 'commissioned'],
    ['Commissioned service', 'commissioned'],
    ['COMMISSIONED', 'commissioned'],
    ['Commission', 'commissioned'],
    ['central', 'central'],
    ['Central team', 'central'],
    ['Central capability', 'central'],
  ])('category %s is %s', (text, category) => {
    expect(readCategory(text)).toEqual({ ok: true, value: category });
  });

  it.each(['core', 'centre', 'decentralised', ''])('refuses the category %s', (text) => {
    expect(readCategory(text)).toEqual({ ok: false, message: `'${text}' is not a category (commissioned or central)` });
  });

  it('kinds of funding', () => {
    expect(['Grant', 'one off', 'One-off', 'oneoff', 'contribution'].map((t) => value(readKind(t)))).toEqual([
      'grant',
      'one-off',
      'one-off',
      'one-off',
      'contribution',
    ]);
    expect(readKind('loan').ok).toBe(false);
  });

  it('a formula is text starting with "="', () => {
    expect([isFormula('=base * 0.75'), isFormula(' =1'), isFormula('1'), isFormula(12), isFormula(undefined)]).toEqual([
      true,
      false,
      false,
      false,
      false,
    ]);
  });

  it('free text is trimmed; empty is not given', () => {
    expect(readText('  Youth work ')).toEqual({ ok: true, value: 'Youth work' });
    expect(readText('   ')).toEqual({ ok: true, value: undefined });
    expect(readText('x'.repeat(501)).ok).toBe(false);
  });

  it('ids are checked, and made from names uniquely', () => {
    expect(readId('iris-2')).toEqual({ ok: true, value: 'iris-2' });
    expect(readId('Iris').ok).toBe(false);
    expect(slug('Knife crime – Café, Walsall!')).toBe('knife-crime-cafe-walsall');
    expect(slug('   ')).toBe('item');
    expect(slug('x'.repeat(60))).toHaveLength(48);
    expect(freshId('iris', ['iris', 'iris-2'])).toBe('iris-3');
    expect(idFromName('IRIS', new Set(['iris']))).toBe('iris-2');
    expect(idFromName('Naïve approach', [])).toMatch(/^[a-z0-9][a-z0-9-]*$/);
  });
});

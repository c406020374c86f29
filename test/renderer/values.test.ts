import { describe, expect, it } from 'vitest';
import {
  readAmount,
  readCategory,
  readDate,
  readMonth,
  readNoticeMonths,
  readNumber,
  readShare,
  readWholeNumber,
} from '../../renderer/logic/values';

describe('reading what people type', () => {
  it('reads pounds as written in spreadsheets', () => {
    expect(readAmount('£1,234.56')).toEqual({ ok: true, value: 1234.56 });
    expect(readAmount(' 3307000 ')).toEqual({ ok: true, value: 3307000 });
    expect(readAmount('=base * 0.75')).toEqual({ ok: true, value: '=base * 0.75' });
    expect(readAmount('-5').ok).toBe(false);
    expect(readAmount('1.005').ok).toBe(false);
    expect(readAmount('lots').ok).toBe(false);
    expect(readAmount('').ok).toBe(false);
    // Thousands separators only in groups of three: never £123 from "1,2,3".
    expect(readAmount('1,2,3')).toEqual({ ok: false, message: "'1,2,3' is not an amount in pounds (commas must group thousands)" });
    expect(readAmount('£1,234,567.5')).toEqual({ ok: true, value: 1234567.5 });
  });

  it('keeps a formula as written: its sense is the validator’s, off the UI thread', () => {
    expect(readAmount('=10 +')).toEqual({ ok: true, value: '=10 +' });
    expect(readAmount('=').ok).toBe(false);
  });

  it('reads shares as fractions or percentages', () => {
    expect(readShare('25%')).toEqual({ ok: true, value: 0.25 });
    expect(readShare('0.375')).toEqual({ ok: true, value: 0.375 });
    expect(readShare('12.5%')).toEqual({ ok: true, value: 0.125 });
    expect(readShare('150%').ok).toBe(false);
    expect(readNumber('7%', { percent: true })).toBe(0.07);
    expect(readNumber('1,2,3')).toBeNull();
  });

  it('reads whole numbers and notice', () => {
    expect(readWholeNumber('1,200')).toEqual({ ok: true, value: 1200 });
    expect(readWholeNumber('2.5').ok).toBe(false);
    expect(readNoticeMonths('')).toEqual({ ok: true, value: 0 });
    expect(readNoticeMonths('=fy + 1')).toEqual({ ok: true, value: '=fy + 1' });
    expect(readNoticeMonths('3 months')).toEqual({ ok: true, value: 3 });
    expect(readNoticeMonths('1 month')).toEqual({ ok: true, value: 1 });
  });

  it('reads months and UK dates', () => {
    expect(readMonth('2021-04')).toEqual({ ok: true, value: '2021-04' });
    expect(readMonth('April 2021')).toEqual({ ok: true, value: '2021-04' });
    expect(readMonth('Sep 2022')).toEqual({ ok: true, value: '2022-09' });
    expect(readMonth('10/2021')).toEqual({ ok: true, value: '2021-10' });
    expect(readMonth('13/2021').ok).toBe(false);
    expect(readDate('4 June 2021')).toEqual({ ok: true, value: '2021-06-04' });
    expect(readDate('04/06/2021')).toEqual({ ok: true, value: '2021-06-04' });
    expect(readDate('2021-06-04')).toEqual({ ok: true, value: '2021-06-04' });
    expect(readDate('31/02/2021').ok).toBe(false);
    expect(readDate('June 2021')).toEqual({ ok: true, value: '2021-06-01' });
    expect(readMonth('Jun-21')).toEqual({ ok: true, value: '2021-06' });
  });

  it('reads categories in any case', () => {
    expect(readCategory('Commissioned')).toEqual({ ok: true, value: 'commissioned' });
    expect(readCategory('Commissioned service')).toEqual({ ok: true, value: 'commissioned' });
    expect(readCategory('Central team')).toEqual({ ok: true, value: 'central' });
    expect(readCategory('core').ok).toBe(false);
  });
});

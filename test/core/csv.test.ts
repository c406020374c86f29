// The one CSV writer (shared/csv.ts): RFC 4180 quoting, CRLF rows, formula text defused
// (CWE-1236), money exact to the penny; and the comparison CSV written through it.
import { describe, expect, it } from 'vitest';
import { compare } from '../../shared/compare';
import { comparisonCsv } from '../../shared/compare-csv';
import { csvCell, csvMoney, csvText, safeText } from '../../shared/csv';
import { run } from './helpers';
import { workedExample } from '../fixtures';

describe('csvCell', () => {
  it('quotes only cells with a comma, a quote or a line break, doubling quotes', () => {
    expect(csvCell('plain text')).toBe('plain text');
    expect(csvCell('a, b')).toBe('"a, b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(null)).toBe('');
    expect(csvCell('')).toBe('');
  });

  it('defuses text a spreadsheet would run, but leaves numbers alone', () => {
    expect(csvCell('=HYPERLINK("http://evil")')).toBe(`"'=HYPERLINK(""http://evil"")"`);
    for (const start of ['+', '-', '@', '\t', '\r']) expect(csvCell(`${start}cmd`).includes(`'${start}`)).toBe(true);
    expect(csvCell('-23000.00')).toBe('-23000.00');
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell(0.25)).toBe('0.25');
    expect(csvCell('1e-7')).toBe('1e-7');
    expect(safeText('Youth work')).toBe('Youth work');
  });
});

describe('csvMoney', () => {
  it('writes pence as pounds with two decimals, exactly', () => {
    expect(csvMoney(0)).toBe('0.00');
    expect(csvMoney(5)).toBe('0.05');
    expect(csvMoney(123456)).toBe('1234.56');
    expect(csvMoney(-2300000)).toBe('-23000.00');
    expect(csvMoney(900719925474099)).toBe('9007199254740.99');
  });
});

describe('csvText', () => {
  it('ends every row, the last included, with CRLF', () => {
    expect(
      csvText([
        ['a', 1],
        [null, 'b,c'],
      ]),
    ).toBe('a,1\r\n,"b,c"\r\n');
  });

  it('writes the comparison with its outcomes as "closes 2022-03" cells', () => {
    const r = run(workedExample());
    const text = comparisonCsv(compare([r.base, r.prudent]));
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.split('\r\n')[0]).toBe('Section,FY,Item,Base,Serve notice unless confirmed,Serve notice unless confirmed − Base');
    expect(text).toContain('Totals,,Drawn from underwriter,29000.00,6000.00,-23000.00');
    expect(text).toMatch(/\r\nOutcome,,[^\r\n]+ \(a\),continues,closes 2022-03,differs\r\n/);
  });
});

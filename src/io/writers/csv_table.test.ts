import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Papa from 'papaparse';
import { cellText, csvRow, csvTable, guardFormula, isFormulaLike, quoteCell, unguardCell, type CsvValue } from './csv_table';

/** What a spreadsheet would get: the writer's text parsed back by papaparse, BOM and last line break dropped. */
function parseBack(text: string): string[][] {
  const body = text.replace(/^\ufeff/, '').replace(/\r\n$/, '');
  return Papa.parse<string[]>(body, { delimiter: ',', newline: '\r\n', quoteChar: '"', header: false, skipEmptyLines: false }).data;
}

/** The text a cell is expected to read back as: the value, guarded when it is formula-like text. */
function expectedCell(v: CsvValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (typeof v === 'boolean') return String(v);
  return guardFormula(v);
}

describe('cellText and the formula guard', () => {
  it('guards text that starts with = + - @, tab or CR', () => {
    expect(cellText('=HYPERLINK("http://x")')).toBe(`'=HYPERLINK("http://x")`);
    expect(cellText('@SUM(A1)')).toBe(`'@SUM(A1)`);
    expect(cellText('+84 cmd|x')).toBe(`'+84 cmd|x`);
    expect(cellText('-2+3')).toBe(`'-2+3`);
    expect(cellText('\t=1')).toBe(`'\t=1`);
    expect(cellText('\r=1')).toBe(`'\r=1`);
  });

  it('leaves numbers, and text that is only a plain number, as numbers', () => {
    expect(cellText(-12.5)).toBe('-12.5');
    expect(cellText('-12.5')).toBe('-12.5');
    expect(cellText('+84')).toBe('+84');
    expect(cellText(-0)).toBe('0');
    expect(cellText(Number.NaN)).toBe('');
    expect(cellText(null)).toBe('');
  });

  it('can be turned off for machine-to-machine files', () => {
    expect(cellText('=1', false)).toBe('=1');
  });

  it('is undone by unguardCell', () => {
    for (const s of ['=1', '@x', '-a', 'plain', "'quoted", "'=x", "''@y", '-12.5', "'-12.5"]) expect(unguardCell(cellText(s))).toBe(s);
  });
});

describe('quoteCell', () => {
  it('quotes delimiters, semicolons, quotes, line breaks and edge spaces', () => {
    expect(quoteCell('a,b')).toBe('"a,b"');
    expect(quoteCell('a;b')).toBe('"a;b"');
    expect(quoteCell('bản "Nậm Hàng"')).toBe('"bản ""Nậm Hàng"""');
    expect(quoteCell('dòng 1\ndòng 2')).toBe('"dòng 1\ndòng 2"');
    expect(quoteCell(' x')).toBe('" x"');
    expect(quoteCell('Mường Tè')).toBe('Mường Tè');
  });
});

describe('csvTable', () => {
  it('writes a byte-order mark, CRLF rows and guards header cells like any other', () => {
    const text = csvTable([
      ['=cmd|x', 'ten', '@h'],
      [-12.5, '-1+1', 'Pa Ủ'],
    ]);
    expect(text).toBe(`\ufeff'=cmd|x,ten,'@h\r\n-12.5,'-1+1,Pa Ủ\r\n`);
  });

  it('leaves the byte-order mark out on request', () => {
    expect(csvTable([['a']], { bom: false })).toBe('a\r\n');
  });

  it('writes one row with csvRow', () => {
    expect(csvRow(['=1', 2, null, true])).toBe(`'=1,2,,true`);
  });
});

// Text that leans on what matters: formula characters, quotes, delimiters, line breaks, spaces.
const trickyChar = fc.constantFrom('=', '+', '-', '@', '\t', '\r', '\n', '"', ',', ';', ' ', "'", '1', '.', 'e', 'a', 'ệ', '𝔸');
const trickyText = fc.oneof(
  fc.string(),
  fc.string({ unit: trickyChar, maxLength: 12 }),
  fc.constantFrom('=HYPERLINK("http://x","y")', '@SUM(A1:A2)', '+1+1', '-12.5', '+84', '-0', "'=x", '\t\r'),
);
const cell: fc.Arbitrary<CsvValue> = fc.oneof(trickyText, fc.double(), fc.integer(), fc.boolean(), fc.constant(null));
// Rows of at least two cells: a row of one empty cell is an empty line, which CSV cannot tell from no row.
const table = fc.array(fc.array(cell, { minLength: 2, maxLength: 6 }), { minLength: 1, maxLength: 8 });

describe('csvTable properties', () => {
  it('parses back (papaparse) to the same table, modulo the guard', () => {
    fc.assert(
      fc.property(table, (rows) => {
        expect(parseBack(csvTable(rows))).toEqual(rows.map((r) => r.map(expectedCell)));
      }),
      { numRuns: 500 },
    );
  });

  it('never leaves a parsed cell that starts with a formula character unguarded', () => {
    fc.assert(
      fc.property(table, (rows) => {
        for (const r of parseBack(csvTable(rows))) for (const c of r) expect(isFormulaLike(c)).toBe(false);
      }),
      { numRuns: 500 },
    );
  });

  it('gives text cells back exactly once the guard is undone', () => {
    fc.assert(
      fc.property(fc.array(fc.array(trickyText, { minLength: 2, maxLength: 5 }), { minLength: 1, maxLength: 6 }), (rows) => {
        expect(parseBack(csvTable(rows)).map((r) => r.map(unguardCell))).toEqual(rows);
      }),
      { numRuns: 500 },
    );
  });
});

import Papa from 'papaparse';
import { describe, expect, test } from 'vitest';
import { parseCsvColumnar } from './csv_columnar';

const enc = (s: string) => new TextEncoder().encode(s);

describe('parseCsvColumnar', () => {
  test('numeric and text columns, CRLF, BOM, blank lines, empty cells', () => {
    const r = parseCsvColumnar(enc('\ufefflon,lat,name,code,v\r\n102.5,22.1,a,03433,1e3\r\n\r\n-102.25,22.75,b,03454,\r\n'));
    expect(r.columns).toEqual(['lon', 'lat', 'name', 'code', 'v']);
    expect(r.rows).toBe(2);
    expect([...r.numeric.lon!]).toEqual([102.5, -102.25]);
    expect([...r.numeric.lat!]).toEqual([22.1, 22.75]);
    expect(r.text.name).toEqual(['a', 'b']);
    expect(r.text.code).toEqual(['03433', '03454']); // leading zeros: a code, kept as text
    expect(r.numeric.v![0]).toBe(1000);
    expect(Number.isNaN(r.numeric.v![1]!)).toBe(true);
  });

  test('quotes with delimiters, escaped quotes and newlines inside', () => {
    const r = parseCsvColumnar(enc('id,note,x\n1,"a, ""b""\nc",2.5\n2,plain,"3.5"\n'));
    expect(r.rows).toBe(2);
    expect(r.text.note).toEqual(['a, "b"\nc', 'plain']);
    expect([...r.numeric.x!]).toEqual([2.5, 3.5]);
    expect([...r.numeric.id!]).toEqual([1, 2]);
  });

  test('semicolon with decimal comma', () => {
    const r = parseCsvColumnar(enc('x;y\n1,5;2\n-0,25;3\n'));
    expect(r.delimiter).toBe(';');
    expect([...r.numeric.x!]).toEqual([1.5, -0.25]);
  });

  test('a numeric column that turns out to hold text later is re-read as text, nothing lost', () => {
    const lines = ['a,b'];
    for (let i = 0; i < 50; i++) lines.push(`${i},${i}`);
    lines.push('x,51');
    const r = parseCsvColumnar(enc(lines.join('\n')), { sampleRows: 10 });
    expect(r.text.a!.at(-1)).toBe('x');
    expect(r.text.a![3]).toBe('3');
    expect(r.numeric.b!.length).toBe(51);
  });

  test('numbers equal Number() of the text exactly, including long mantissas', () => {
    let seed = 3;
    const rnd = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const vals: string[] = ['0', '0.1', '-0.000123', '123456789.123456789', '9007199254740993', '1.7976931348623157e308', '5e-324', '22.123456789012345678'];
    for (let i = 0; i < 2000; i++) vals.push((rnd() * 10 ** Math.floor(rnd() * 8 - 2)).toFixed(Math.floor(rnd() * 12)));
    const r = parseCsvColumnar(enc('v\n' + vals.join('\n') + '\n'));
    expect(r.rows).toBe(vals.length);
    vals.forEach((v, i) => expect(r.numeric.v![i]).toBe(Number(v)));
  });

  test('same values as papaparse on a generated file; progress reaches the end', () => {
    const lines = ['id,lon,lat,year,ha,budget,cls,name,code,flag'];
    for (let i = 0; i < 3000; i++) lines.push([i, (102.3 + (i % 97) / 131).toFixed(6), (22.2 + (i % 89) / 151).toFixed(6), 2019 + (i % 5), ((i * 7) % 1000) / 10, i * 1000, `c${i % 4}`, `"tên ${i}"`, `0${3400 + (i % 14)}`, i % 2].join(','));
    const text = lines.join('\n');
    const seen: number[] = [];
    const r = parseCsvColumnar(enc(text), { progressBytes: 10_000, onProgress: (d) => seen.push(d) });
    const p = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
    expect(r.rows).toBe(p.data.length);
    for (let i = 0; i < r.rows; i += 37) {
      const row = p.data[i]!;
      expect(r.numeric.lon![i]).toBe(Number(row.lon));
      expect(r.numeric.ha![i]).toBe(Number(row.ha));
      expect(r.text.name![i]).toBe(row.name);
      expect(r.text.code![i]).toBe(row.code);
    }
    expect(seen.length).toBeGreaterThan(3);
    expect(seen.at(-1)).toBe(enc(text).length);
  });
});

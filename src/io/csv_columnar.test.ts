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

  // the main loop reads plain numbers straight from the bytes (integer mantissa / exact power of
  // ten) and sends everything else to the general path: both must equal Number() bit for bit
  const sameAsNumber = (got: number, text: string) => expect(Object.is(got, Number(text)), `${text}: ${got} vs ${Number(text)}`).toBe(true);

  test('fast-path numbers equal Number(): signs, dots, 2^53 boundary, long mantissas, exponents', () => {
    const vals = [
      '0', '-0', '+0', '-0.0', '+5', '-5', '.5', '-.5', '+.5', '5.', '-5.', '0.1', '0.2', '0.3', '0.30000000000000004', '0.7', '1.1', '2.675', '1.005',
      '123456789012345', '1234567890123456', '12345678901234567', '123456789012345678901234567890', '9007199254740991', '9007199254740992',
      '9007199254740993', '9007199254740994', '9007199254740995', '900719925474099.3', '900719925474099.5', '90071992547409.93', '0.9007199254740993',
      '0.1234567890123456789', '102.123456789012345678', '0.0000000000000000000001', '0.00000000000000000000001', '0.000000000000000000000000000123',
      '4.9406564584124654', '1e3', '1E3', '1e-3', '1e+22', '1e23', '2.5e-10', '-1.5E+300', '1.7976931348623157e308', '5e-324', '1e400',
      '22.123456', '-102.512345', '4999999.99', '99999999999999.99',
    ];
    let seed = 11;
    const rnd = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    for (let i = 0; i < 3000; i++) {
      const digits = 1 + Math.floor(rnd() * 19);
      let m = String(1 + Math.floor(rnd() * 9));
      for (let d = 1; d < digits; d++) m += Math.floor(rnd() * 10);
      const point = Math.floor(rnd() * (digits + 1));
      const v = point === digits ? m : point === 0 ? '0.' + '0'.repeat(Math.floor(rnd() * 8)) + m : m.slice(0, point) + '.' + m.slice(point);
      vals.push((rnd() < 0.3 ? '-' : '') + v);
    }
    const r = parseCsvColumnar(enc('v,w\n' + vals.map((v) => `${v},${v}`).join('\n'))); // no newline at the end
    expect(r.rows).toBe(vals.length);
    vals.forEach((v, i) => {
      sameAsNumber(r.numeric.v![i]!, v);
      sameAsNumber(r.numeric.w![i]!, v);
    });
    // the same values with a decimal comma and `;`, quoted and padded ones too
    const semi = vals.filter((v) => !/e/i.test(v)).map((v) => v.replace('.', ','));
    const r2 = parseCsvColumnar(enc('v;w;x\r\n' + semi.map((v) => `${v};"${v}"; ${v}\t`).join('\r\n') + '\r\n'));
    expect(r2.delimiter).toBe(';');
    semi.forEach((v, i) => {
      const t = v.replace(',', '.');
      sameAsNumber(r2.numeric.v![i]!, t);
      sameAsNumber(r2.numeric.w![i]!, t);
      sameAsNumber(r2.numeric.x![i]!, t);
    });
  });

  test('what is not a plain number makes the column text, with every value kept', () => {
    for (const bad of ['007', '-01', '1.5.2', '1e', '-', '+', '.', '1,5', '12a', '0x10', 'Infinity', '1 000']) {
      const r = parseCsvColumnar(enc(`a,b\n${Array.from({ length: 30 }, (_, i) => `${i},${i}.5`).join('\n')}\n${bad.includes(',') ? `"${bad}"` : bad},1\n`), { sampleRows: 5 });
      expect(r.text.a, bad).toBeDefined();
      expect(r.text.a!.at(-1)).toBe(bad);
      expect(r.text.a![7]).toBe('7');
      expect([...r.numeric.b!]).toEqual([...Array.from({ length: 30 }, (_, i) => i + 0.5), 1]);
    }
    // a point is not a decimal separator in a `;` file
    const r = parseCsvColumnar(enc('x;y\n1,5;2\n1.5;3\n'), { sampleRows: 1 });
    expect(r.text.x).toEqual(['1,5', '1.5']);
    expect([...r.numeric.y!]).toEqual([2, 3]);
  });

  test('empty, blank, missing and extra cells; quoted numbers; tab and pipe delimiters', () => {
    const r = parseCsvColumnar(enc('a,b,c\n1,2,3\n,"",\n" ", 4 ,"5"\n6\n7,8,9,10,"11\n12",13\n14,15,16,\n'));
    expect(r.rows).toBe(6);
    const arr = (k: string) => [...r.numeric[k]!].map((v) => (Number.isNaN(v) ? null : v));
    expect(arr('a')).toEqual([1, null, null, 6, 7, 14]);
    expect(arr('b')).toEqual([2, null, 4, null, 8, 15]);
    expect(arr('c')).toEqual([3, null, 5, null, 9, 16]);
    const t = parseCsvColumnar(enc('a\tb\n1\t2.5\n3\t-4\n'));
    expect(t.delimiter).toBe('\t');
    expect([...t.numeric.b!]).toEqual([2.5, -4]);
    const p = parseCsvColumnar(enc('a|b\n1|2e-3\n'));
    expect([...p.numeric.b!]).toEqual([0.002]);
  });

  test('text cells: short ASCII, UTF-8, escaped quotes, a quote left open at the end', () => {
    const r = parseCsvColumnar(enc('code,ten,note\n03433,Hà Nội,"a ""b"""\nRSX,Đà Nẵng,x\n,"",long text with more than eight bytes\nRSX 0001,Plot 1234,"Plot 12345"\nA,\ufeffB,"open'));
    expect(r.text.code).toEqual(['03433', 'RSX', '', 'RSX 0001', 'A']);
    expect(r.text.ten).toEqual(['Hà Nội', 'Đà Nẵng', '', 'Plot 1234', 'B']); // TextDecoder drops a BOM, as before
    expect(r.text.note).toEqual(['a "b"', 'x', 'long text with more than eight bytes', 'Plot 12345', 'ope']);
    expect(parseCsvColumnar(enc('a,b\n1,"')).text.b).toEqual(['']);
  });

  test('CR line breaks only: every row is kept (the columns grow past the line-feed count)', () => {
    const lines = ['x,y'];
    for (let i = 0; i < 5000; i++) lines.push(`${i},${i / 4}`);
    const r = parseCsvColumnar(enc(lines.join('\r') + '\r'));
    expect(r.rows).toBe(5000);
    expect(r.numeric.x!.length).toBe(5000);
    expect(r.numeric.x![4999]).toBe(4999);
    expect(r.numeric.y![1234]).toBe(1234 / 4);
  });

  test('typed columns are exactly `rows` long, with or without blank lines and a final line break', () => {
    for (const text of ['a\n1\n2\n', 'a\n1\n2', 'a\n1\n\n\n2\n\n', 'a\r\n1\r\n2\r\n']) {
      const r = parseCsvColumnar(enc(text));
      expect(r.rows).toBe(2);
      expect([...r.numeric.a!]).toEqual([1, 2]);
    }
  });
});

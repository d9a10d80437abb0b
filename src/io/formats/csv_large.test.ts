import { describe, expect, it } from 'vitest';
import { csvFormat } from './csv';
import { isLargeCsv } from './csv_large';
import { rowProperties } from '../point_table';

function bigCsv(rows: number, header = 'id,Kinh độ,Vĩ độ,loai,ha'): Uint8Array {
  const lines = [header];
  for (let i = 0; i < rows; i++) lines.push(`${i},${(102.4 + (i % 500) / 1000).toFixed(5)},${(22.2 + (i % 300) / 1000).toFixed(5)},${['RDD', 'RPH'][i % 2]},${(i % 50) / 10}`);
  return new TextEncoder().encode(lines.join('\n') + '\n');
}

describe('large point CSV import', () => {
  it('reads a large lon/lat file into typed columns, with no features', async () => {
    const bytes = bigCsv(25_000);
    expect(isLargeCsv(bytes)).toBe(true);
    const r = await csvFormat.parse({ name: 'plots.csv', bytes }, {}, () => {});
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    const layer = r.layers[0]!;
    expect(layer.data.features).toHaveLength(0);
    expect(layer.points?.length).toBe(25_000);
    expect(rowProperties(layer.points!, 3)).toEqual({ id: 3, 'Kinh độ': 102.403, 'Vĩ độ': 22.203, loai: 'RPH', ha: 0.3 });
    expect(layer.sourceCrs).toBe('EPSG:4326');
  });

  it('leaves small files and X/Y files to the full parser', async () => {
    const small = await csvFormat.parse({ name: 'a.csv', bytes: bigCsv(100) }, {}, () => {});
    expect(small.ok && small.layers[0]!.points).toBeUndefined();
    expect(small.ok && small.layers[0]!.data.features.length).toBe(100);
    const xy = await csvFormat.parse({ name: 'b.csv', bytes: bigCsv(25_000, 'id,x,y,loai,ha') }, { crs: 'EPSG:4326', csv: { x: 'x', y: 'y' } }, () => {});
    expect(xy.ok && xy.layers[0]!.points).toBeUndefined();
  });

  it('reports rows without coordinates', async () => {
    const text = new TextDecoder().decode(bigCsv(25_000)).replace('\n7,102.40700,', '\n7,,');
    const r = await csvFormat.parse({ name: 'p.csv', bytes: new TextEncoder().encode(text) }, {}, () => {});
    if (!r.ok) throw new Error('failed');
    expect(r.layers[0]!.points?.length).toBe(24_999);
    expect(r.layers[0]!.skipped[0]?.row).toBe(9);
    expect(r.layers[0]!.warnings.map((w) => w.key)).toContain('import.warn.skipped');
  });
});

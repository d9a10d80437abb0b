import { describe, expect, it } from 'vitest';
import { parseCsvColumnar } from './csv_columnar';
import { countLines, distinctValues, encodeText, sampleFeatures, tableFields, pointTableFromColumnar, positionOffsets, rowProperties, tableBounds, tableToFeatures, tableTransferables, textAt } from './point_table';
import { importFile } from './formats/registry';
import { describeFields } from '../style/auto_style';
import { PointPicker } from '../map/point_picker';

const enc = (s: string) => new TextEncoder().encode(s);

describe('point tables from columnar CSV', () => {
  const csv = 'id,lon,lat,name,ha\n1,102.5,22.4,Pa Vệ Sử,1.5\n2,,22.3,x,2\n3,102.7,22.6,"Mường ""Tè""",\n4,999,22.6,y,3\n';

  it('keeps rows with coordinates in range and gives the same attributes as the feature parser', async () => {
    const r = pointTableFromColumnar(parseCsvColumnar(enc(csv)), 'lon', 'lat')!;
    expect(r.table.length).toBe(2);
    expect(r.skipped).toEqual([2, 4]);
    expect([...r.table.positions]).toEqual([102.5, 22.4, 102.7, 22.6]);
    const small = await importFile({ name: 'p.csv', bytes: enc(csv) }, { csv: { lon: 'lon', lat: 'lat' } });
    if (!small.ok) throw new Error('parse failed');
    // the feature parser keeps the same rows (it also rejects |lon| > 180) with the same attributes
    expect(small.layers[0]!.data.features.map((f) => f.properties)).toEqual([rowProperties(r.table, 0), rowProperties(r.table, 1)]);
    expect(tableToFeatures(r.table).features[1]!.geometry).toEqual({ type: 'Point', coordinates: [102.7, 22.6] });
    expect(tableBounds(r.table)).toEqual([102.5, 22.4, 102.7, 22.6]);
  });

  it('lists its fields as describeFields does for its rows as features', () => {
    const r = pointTableFromColumnar(parseCsvColumnar(enc(csv)), 'lon', 'lat')!;
    expect(tableFields(r.table)).toEqual(describeFields(sampleFeatures(r.table)));
    expect(tableFields(r.table).filter((f) => f.numeric).map((f) => f.name)).toEqual(['id', 'lon', 'lat', 'ha']);
  });

  it('carries a point index of its positions, transferred with them', () => {
    const r = pointTableFromColumnar(parseCsvColumnar(enc(csv)), 'lon', 'lat')!;
    expect(r.table.pointIndex).toBeInstanceOf(ArrayBuffer);
    expect(tableTransferables(r.table)).toContain(r.table.pointIndex);
    const picker = new PointPicker(r.table.positions, r.table.pointIndex);
    expect(picker.within(102.6, 22.5, 102.8, 22.7)).toEqual([1]);
  });

  it('returns null when a coordinate column is not numeric', () => {
    expect(pointTableFromColumnar(parseCsvColumnar(enc('lon,lat\nabc,22\n')), 'lon', 'lat')).toBeNull();
  });

  it('lists each transferable buffer once', () => {
    const r = pointTableFromColumnar(parseCsvColumnar(enc(csv)), 'lon', 'lat')!;
    const bufs = tableTransferables(r.table);
    expect(new Set(bufs).size).toBe(bufs.length);
    expect(bufs).toContain(r.table.positions.buffer);
    // the draw offsets are built with the table (in the worker) and transferred with it
    expect(bufs).toContain(r.table.drawOffsets!.offsets!.buffer);
    expect(r.table.drawOffsets).toEqual(positionOffsets(r.table.positions));
  });
});

describe('text columns', () => {
  it('dictionary-encodes few distinct values', () => {
    const values = Array.from({ length: 100 }, (_, i) => ['RDD', 'RPH', 'RSX'][i % 3]!);
    const col = encodeText(values);
    expect(col.kind).toBe('dict');
    expect(values.every((v, i) => textAt(col, i) === v)).toBe(true);
  });

  it('stores many distinct values as UTF-8 with offsets, Vietnamese intact', () => {
    const values = Array.from({ length: 100 }, (_, i) => `Hộ ${i} — Mường Tè`);
    const col = encodeText(values);
    expect(col.kind).toBe('utf8');
    expect(values.every((v, i) => textAt(col, i) === v)).toBe(true);
  });

  it('distinct values of a column', () => {
    const r = pointTableFromColumnar(parseCsvColumnar(enc('lon,lat,c,y\n' + Array.from({ length: 50 }, (_, i) => `102,22,${['a', 'b'][i % 2]},${2020 + (i % 3)}`).join('\n'))), 'lon', 'lat')!;
    expect(distinctValues(r.table, 'c').sort()).toEqual(['a', 'b']);
    expect(distinctValues(r.table, 'y').sort()).toEqual(['2020', '2021', '2022']);
  });
});

describe('countLines', () => {
  it('counts line breaks and stops at the limit', () => {
    expect(countLines(enc('a\nb\nc\n'))).toBe(3);
    expect(countLines(enc('a\nb\nc\n'), 2)).toBe(2);
  });
});

describe('positionOffsets', () => {
  it('gives float32 offsets from the bounding-box centre that restore positions to within 1 cm', () => {
    const positions = new Float64Array([102.3456789, 22.1234567, 102.9876543, 22.7654321, 102.5, 22.5]);
    const { offsets, origin } = positionOffsets(positions);
    expect(origin[0]).toBeCloseTo((102.3456789 + 102.9876543) / 2, 12);
    expect(origin[1]).toBeCloseTo((22.1234567 + 22.7654321) / 2, 12);
    expect(offsets).not.toBeNull();
    for (let i = 0; i < positions.length; i += 2) {
      // 1e-7° is about 1 cm on the ground
      expect(Math.abs(origin[0] + offsets![i]! - positions[i]!)).toBeLessThan(1e-7);
      expect(Math.abs(origin[1] + offsets![i + 1]! - positions[i + 1]!)).toBeLessThan(1e-7);
    }
  });

  it('gives no offsets for data spanning more latitude than the offset projection keeps accurate', () => {
    expect(positionOffsets(new Float64Array([103, 21.7, 103.1, 22.3])).offsets).not.toBeNull();
    const wide = positionOffsets(new Float64Array([103, 21.5, 103.1, 22.3]));
    expect(wide.offsets).toBeNull();
    expect(wide.origin[1]).toBeCloseTo(21.9, 12);
  });

  it('copes with no points', () => {
    expect(positionOffsets(new Float64Array(0))).toEqual({ offsets: new Float32Array(0), origin: [0, 0] });
  });
});

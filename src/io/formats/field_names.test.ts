import { describe, expect, it } from 'vitest';
import { formatFieldNameSidecar, parseFieldNameSidecar, restoreFieldNames } from './field_names';
import { parseShapefileZip } from './shapefile';
import { createDbf, createShp, createZip, vn2000Tm3Prj } from './test_fixtures';

describe('fieldnames.csv sidecar', () => {
  it('round-trips short → full names, quoting commas and quotes', () => {
    const text = formatFieldNameSidecar([['Ten_don_vi', 'Tên đơn vị, "hành chính"'], ['dan_so', 'dân số']]);
    expect([...parseFieldNameSidecar(text)]).toEqual([['Ten_don_vi', 'Tên đơn vị, "hành chính"'], ['dan_so', 'dân số']]);
  });

  it('guards formula-like names for spreadsheets and reads them back unguarded', () => {
    const text = formatFieldNameSidecar([['cmd', '=cmd|x'], ['at', '@SUM(A1)'], ['q', "'=x"]]);
    expect(text.split('\r\n').slice(1, 3)).toEqual([`cmd,'=cmd|x`, `at,'@SUM(A1)`]);
    expect([...parseFieldNameSidecar(text)]).toEqual([['cmd', '=cmd|x'], ['at', '@SUM(A1)'], ['q', "'=x"]]);
  });

  it('ignores a file without the header, malformed lines and __proto__', () => {
    expect(parseFieldNameSidecar('a,b\r\nx,y').size).toBe(0);
    expect([...parseFieldNameSidecar('short,full\r\nx\r\ny,__proto__\r\nz,Zê\r\nz,again')]).toEqual([['z', 'Zê']]);
  });

  it('never overwrites a field that kept its own name', () => {
    const map = new Map([['A', 'b'], ['C', 'Cê']]);
    expect(restoreFieldNames({ A: 1, b: 2, C: 3 }, map)).toEqual({ A: 1, b: 2, Cê: 3 });
  });

  it('gives a shapefile its full attribute names back when the sidecar is in the zip', async () => {
    const zip = createZip({
      'x/moc.shp': createShp([{ type: 'Point', coordinates: [480341.596175, 2475637.630415] }], 1),
      'x/moc.dbf': createDbf([{ name: 'Ten_don_vi', type: 'C', length: 40 }, { name: 'DAN_SO', type: 'N', length: 8 }], [['Thị trấn Mường Tè', 4321]]),
      'x/moc.prj': vn2000Tm3Prj(103),
      'x/moc.cpg': 'UTF-8',
      'x/moc.fieldnames.csv': formatFieldNameSidecar([['Ten_don_vi', 'Tên đơn vị hành chính']]),
    });
    const r = await parseShapefileZip('moc.zip', zip);
    expect(r.ok && r.layers[0]?.data.features[0]?.properties).toEqual({ 'Tên đơn vị hành chính': 'Thị trấn Mường Tè', DAN_SO: 4321 });
  });
});

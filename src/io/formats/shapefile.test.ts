import { describe, expect, it } from 'vitest';
import type { Point, Polygon } from 'geojson';
import { parseShapefileZip } from './shapefile';
import { createDbf, createShp, createZip, encodeWindows1258, vn2000Tm3Prj } from './test_fixtures';

// Control point, PROJ 9 cs2cs with the official VN-2000 shift (facts §6):
// WGS 84 102.811 22.379 ↔ VN-2000 / TM-3 103° E 480341.596175 N 2475637.630415
const E = 480341.596175;
const N = 2475637.630415;
const DEG_1MM = 1e-8;

const FIELDS = [{ name: 'TEN', type: 'C' as const, length: 40 }, { name: 'DAN_SO', type: 'N' as const, length: 10 }];

function pointLayer(encode?: (s: string) => Uint8Array) {
  return {
    shp: createShp([{ type: 'Point', coordinates: [E, N] }, null], 1),
    dbf: createDbf(FIELDS, [['Thị trấn Mường Tè', 4321], ['Pa Vệ Sử', null]], encode),
  };
}

describe('parseShapefileZip', () => {
  it('lands a VN-2000 TM-3 103° point shapefile at the right lon/lat, in a sub-folder', async () => {
    const { shp, dbf } = pointLayer();
    const zip = createZip({ 'data/moc/MOC.SHP': shp, 'data/moc/MOC.dbf': dbf, 'data/moc/MOC.prj': vn2000Tm3Prj(103), 'data/moc/MOC.cpg': 'UTF-8' });
    const r = await parseShapefileZip('moc.zip', zip);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const layer = r.layers[0];
    expect(layer?.name).toBe('MOC');
    expect(layer?.sourceCrs).toBe('VN2000:TM3:103');
    const [lon, lat] = (layer?.data.features[0]?.geometry as Point).coordinates;
    expect(Math.abs((lon ?? 0) - 102.811)).toBeLessThan(DEG_1MM);
    expect(Math.abs((lat ?? 0) - 22.379)).toBeLessThan(DEG_1MM);
    expect(layer?.data.features[0]?.properties).toEqual({ TEN: 'Thị trấn Mường Tè', DAN_SO: 4321 });
    // the null shape is skipped and listed
    expect(layer?.skipped).toEqual([{ feature: 2, reason: { key: 'import.skip.nullGeometry' } }]);
    expect(layer?.warnings.map((w) => w.key)).toContain('import.warn.prjShiftApplied');
  });

  it('reads Windows-1258 attributes named by .cpg and guesses them without one', async () => {
    for (const cpg of ['1258', undefined]) {
      const { shp, dbf } = pointLayer(encodeWindows1258);
      const files: Record<string, Uint8Array | string> = { 'a.shp': shp, 'a.dbf': dbf, 'a.prj': vn2000Tm3Prj(103) };
      if (cpg) files['a.cpg'] = cpg;
      const r = await parseShapefileZip('a.zip', createZip(files));
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      expect(r.layers[0]?.data.features[0]?.properties?.['TEN']).toBe('Thị trấn Mường Tè');
      const guessed = r.layers[0]?.warnings.some((w) => w.key === 'import.warn.encodingGuessed');
      expect(guessed).toBe(cpg === undefined);
    }
  });

  it('returns one layer per .shp in the zip; a polygon without .prj in degrees is WGS 84', async () => {
    const ring: [number, number][] = [[102.8, 22.3], [102.8, 22.4], [102.9, 22.4], [102.9, 22.3], [102.8, 22.3]]; // clockwise
    const zip = createZip({
      'xa.shp': createShp([{ type: 'Polygon', coordinates: [ring] }], 5),
      'xa.dbf': createDbf(FIELDS, [['Kan Hồ', 1]]),
      'diem/moc.shp': pointLayer().shp,
      'diem/moc.dbf': pointLayer().dbf,
      'diem/moc.prj': vn2000Tm3Prj(103),
    });
    const r = await parseShapefileZip('hai_lop.zip', zip);
    expect(r.ok && r.layers.map((l) => [l.name, l.sourceCrs])).toEqual([['moc', 'VN2000:TM3:103'], ['xa', 'EPSG:4326']]);
    if (r.ok) {
      expect((r.layers[1]?.data.features[0]?.geometry as Polygon).type).toBe('Polygon');
      expect(r.layers[1]?.warnings.map((w) => w.key)).toContain('import.warn.prjMissing');
    }
  });

  it('errors on a zip without .shp, listing what it has', async () => {
    const r = await parseShapefileZip('x.zip', createZip({ 'readme.txt': 'hi', 'a.dbf': createDbf(FIELDS, []) }));
    expect(!r.ok && r.error).toEqual({ key: 'import.error.zipNoShp', params: { file: 'x.zip', entries: 'readme.txt, a.dbf' } });
  });

  it('errors on an unknown .prj', async () => {
    const prj = 'PROJCS["OSGB 1936 / British National Grid",GEOGCS["OSGB 1936",DATUM["OSGB_1936",SPHEROID["Airy 1830",6377563.396,299.3249646]],PRIMEM["Greenwich",0],UNIT["degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["latitude_of_origin",49],PARAMETER["central_meridian",-2],PARAMETER["scale_factor",0.9996012717],PARAMETER["false_easting",400000],PARAMETER["false_northing",-100000],UNIT["metre",1]]';
    const r = await parseShapefileZip('uk.zip', createZip({ 'uk.shp': pointLayer().shp, 'uk.dbf': pointLayer().dbf, 'uk.prj': prj }));
    expect(!r.ok && r.error.key).toBe('import.error.prjUnknown');
    expect(!r.ok && r.error.params).toMatchObject({ file: 'uk.zip', layer: 'uk' });
  });

  it('errors on bytes that are not a zip', async () => {
    const r = await parseShapefileZip('x.zip', new Uint8Array([1, 2, 3, 4]));
    expect(!r.ok && r.error.key).toBe('import.error.zipInvalid');
  });
});

import { describe, expect, it } from 'vitest';
import type { Point } from 'geojson';
import { parseKml, parseKmz } from './kml';
import { createZip } from './test_fixtures';

const KML = `<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2"><Document><name>Tuyến</name>
<Placemark><name>Mốc Pa Vệ Sử</name><Point><coordinates>102.811,22.379,0</coordinates></Point></Placemark>
<Placemark><name>Không tọa độ</name></Placemark>
<Placemark><name>Đường</name><LineString><coordinates>102.8,22.3 102.9,22.4</coordinates></LineString></Placemark>
</Document></kml>`;

describe('KML / KMZ', () => {
  it('reads placemarks, skipping those without geometry', async () => {
    const r = await parseKml('gps.kml', KML);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const layer = r.layers[0];
    expect(layer?.data.features).toHaveLength(2);
    expect((layer?.data.features[0]?.geometry as Point).coordinates.slice(0, 2)).toEqual([102.811, 22.379]);
    expect(layer?.data.features[0]?.properties?.['name']).toBe('Mốc Pa Vệ Sử');
    expect(layer?.skipped).toEqual([{ feature: 2, reason: { key: 'import.skip.nullGeometry' } }]);
  });

  it('reads the KML inside a KMZ', async () => {
    const r = await parseKmz('gps.kmz', createZip({ 'doc.kml': KML, 'files/icon.png': new Uint8Array([1]) }));
    expect(r.ok && r.layers[0]?.data.features).toHaveLength(2);
    const none = await parseKmz('x.kmz', createZip({ 'a.txt': 'x' }));
    expect(!none.ok && none.error).toEqual({ key: 'import.error.kmzNoKml', params: { file: 'x.kmz', entries: 'a.txt' } });
  });

  it('explains broken XML and XML that is not KML', async () => {
    const broken = await parseKml('b.kml', '<kml><Document><Placemark>');
    expect(!broken.ok && broken.error.key).toBe('import.error.kmlInvalid');
    const gpx = await parseKml('b.kml', '<gpx version="1.1"></gpx>');
    expect(!gpx.ok && gpx.error.key).toBe('import.error.kmlInvalid');
  });
});

// Regenerates the hostile corpus (node tests/hostile/make.mjs). Every file stays small;
// src/io/formats/hostile.test.ts runs each through importFile.
import { writeFileSync } from 'node:fs';
import { deflateSync, zipSync } from 'fflate';

const here = new URL('.', import.meta.url);
const put = (name, data) => writeFileSync(new URL(name, here), data);

// random bytes from a fixed seed, first byte not '{', '[', '<' or 'P'
let seed = 17;
const noise = new Uint8Array(4096).map(() => (seed = (seed * 1103515245 + 12345) % 2 ** 31) >> 16 & 0xff);
noise[0] = 0x9c;
put('random.bin', noise);
put('random.geojson', noise);

const fc = { type: 'FeatureCollection', features: [{ type: 'Feature', geometry: { type: 'Polygon', coordinates: [[[102.8, 22.3], [102.9, 22.3], [102.9, 22.4], [102.8, 22.3]]] }, properties: { ten: 'Vùng 1' } }] };
put('truncated.geojson', JSON.stringify(fc).slice(0, 120));

put('proto.geojson', `{"type":"FeatureCollection","__proto__":{"polluted":"fc"},"features":[{"type":"Feature","__proto__":{"polluted":"feature"},"geometry":{"type":"Point","coordinates":[102.8,22.3]},"properties":{"__proto__":{"polluted":"props"},"constructor":{"prototype":{"polluted":"ctor"}},"ten":"A"}}]}`);

put('deep.geojson', `{"type":"Feature","geometry":{"type":"Point","coordinates":[102.8,22.3]},"properties":{"x":${'['.repeat(20000)}${']'.repeat(20000)}}}`);

put('nonsense-coordinates.geojson', JSON.stringify({ type: 'FeatureCollection', features: [
  { type: 'Feature', geometry: { type: 'Point', coordinates: ['x', null] }, properties: {} },
  { type: 'Feature', geometry: { type: 'Polygon', coordinates: [[[0, 0], 5]] }, properties: {} },
  { type: 'Feature', geometry: { type: 'LineString', coordinates: 'abc' }, properties: {} },
] }).replace('"x"', '1e999'));

put('formula.csv', 'ten,lon,lat,ghi_chu\n"=HYPERLINK(""http://evil.test"",""bấm"")",102.8,22.3,"<img src=x onerror=alert(1)>"\n+cmd|\' /C calc\'!A0,102.81,22.31,@SUM(1+1)\n');

// Billion laughs: nested entities that would expand to gigabytes
const ents = ['<!ENTITY lol "lol">'];
for (let i = 1; i <= 9; i++) ents.push(`<!ENTITY lol${i} "${`&lol${i === 1 ? '' : i - 1};`.repeat(10)}">`);
put('entities.kml', `<?xml version="1.0"?>\n<!DOCTYPE kml [\n${ents.join('\n')}\n]>\n<kml xmlns="http://www.opengis.net/kml/2.2"><Document><Placemark><name>&lol9;</name><Point><coordinates>102.8,22.3</coordinates></Point></Placemark></Document></kml>\n`);

// Overlapping-entry zip bomb: one deflated 32 MB of zeros (~32 kB), listed 30 times in the
// central directory under different .shp names: 960 MB declared from a ~35 kB file.
{
  const data = deflateSync(new Uint8Array(32 * 1024 * 1024), { level: 9 });
  const name = new TextEncoder().encode('a.shp');
  const local = new Uint8Array(30 + name.length + data.length);
  const lv = new DataView(local.buffer);
  lv.setUint32(0, 0x04034b50, true); lv.setUint16(4, 20, true); lv.setUint16(8, 8, true);
  lv.setUint32(18, data.length, true); lv.setUint32(22, 32 * 1024 * 1024, true); lv.setUint16(26, name.length, true);
  local.set(name, 30); local.set(data, 30 + name.length);
  const cds = [];
  for (let i = 0; i < 30; i++) {
    const n = new TextEncoder().encode(`part${i}.shp`);
    const cd = new Uint8Array(46 + n.length);
    const v = new DataView(cd.buffer);
    v.setUint32(0, 0x02014b50, true); v.setUint16(4, 20, true); v.setUint16(6, 20, true); v.setUint16(10, 8, true);
    v.setUint32(20, data.length, true); v.setUint32(24, 32 * 1024 * 1024, true); v.setUint16(28, n.length, true); v.setUint32(42, 0, true);
    cd.set(n, 46);
    cds.push(cd);
  }
  const cdLen = cds.reduce((s, c) => s + c.length, 0);
  const eocd = new Uint8Array(22);
  const ev = new DataView(eocd.buffer);
  ev.setUint32(0, 0x06054b50, true); ev.setUint16(8, 30, true); ev.setUint16(10, 30, true); ev.setUint32(12, cdLen, true); ev.setUint32(16, local.length, true);
  const out = new Uint8Array(local.length + cdLen + 22);
  let at = 0;
  out.set(local, at); at += local.length;
  for (const c of cds) { out.set(c, at); at += c.length; }
  out.set(eocd, at);
  put('overlap-bomb.zip', out);
}

put('not-a-zip.zip', new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...noise.subarray(0, 500)]));
put('traversal.kmz', zipSync({ '../../../evil.kml': new TextEncoder().encode('<kml xmlns="http://www.opengis.net/kml/2.2"><Document><Placemark><Point><coordinates>102.8,22.3</coordinates></Point></Placemark></Document></kml>') }));
put('empty.csv', '');
put('bom-only.geojson', '\uFEFF');

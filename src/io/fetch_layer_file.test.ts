import { afterEach, describe, expect, it, vi } from 'vitest';
import { fetchLayerFile } from './fetch_layer_file';
import type { LoadLayerFileRequest } from '../workers/layer_file_protocol';
import { LARGE_POINT_ROWS } from './point_table';

function serve(body: string | null, status = 200): void {
  vi.stubGlobal('fetch', async () => (body === null ? Promise.reject(new TypeError('offline')) : new Response(body, { status })));
}

function request(file: string, more: Partial<LoadLayerFileRequest> = {}): LoadLayerFileRequest {
  return { type: 'load', id: 1, url: `http://pack.test/data/${file}`, format: 'geojson', geometry: 'polygon', tileProvider: 't', ...more };
}

const load = (req: LoadLayerFileRequest) => fetchLayerFile(req, () => {}, new AbortController().signal);

const square = { type: 'Polygon', coordinates: [[[103, 22], [103.1, 22], [103.1, 22.1], [103, 22.1], [103, 22]]] };
const point = { type: 'Point', coordinates: [103, 22] };
const fc = (...gs: object[]) => JSON.stringify({ type: 'FeatureCollection', features: gs.map((geometry) => ({ type: 'Feature', geometry, properties: {} })) });

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('fetchLayerFile: pack files through the format registry', () => {
  it('keeps only the declared geometry kind, counting the rest as skipped', async () => {
    serve(fc(square, point, square));
    const r = await load(request('zones.geojson'));
    expect(r.ok && r.layers[0]!.data.features).toHaveLength(2);
    expect(r.ok && r.layers[0]!.skipped).toEqual([{ feature: 2, reason: { key: 'import.skip.geometryKind', params: { expected: 'polygon' } } }]);
  });

  it('says when no feature is of the declared kind', async () => {
    serve(fc(point, point));
    expect(await load(request('zones.geojson'))).toEqual({
      ok: false,
      error: { key: 'import.error.geometryKind', params: { file: 'zones.geojson', count: 2, expected: 'polygon' } },
    });
  });

  it('names the file in the messages of a truncated file, a server error and a network error', async () => {
    serve(fc(square).slice(0, 60));
    expect(await load(request('broken.geojson'))).toMatchObject({ ok: false, error: { key: 'import.error.truncatedJson', params: { file: 'broken.geojson' } } });
    serve('nope', 404);
    expect(await load(request('gone.geojson'))).toEqual({ ok: false, error: { key: 'import.error.http', params: { file: 'gone.geojson', status: '404' } } });
    serve(null);
    expect(await load(request('off.geojson'))).toEqual({ ok: false, error: { key: 'import.error.network', params: { file: 'off.geojson' } } });
  });

  it('reads a CSV with the manifest coordinate columns, skipping rows without them', async () => {
    serve('ma,x_lon,y_lat\n1,102.5,22.4\n2,,22.3\n3,102.7,22.6\n4,abc,22.6\n');
    const r = await load(request('sites.csv', { format: 'csv', geometry: 'point', coordinates: { lon: 'x_lon', lat: 'y_lat' } }));
    expect(r.ok && r.layers[0]!.data.features.map((f) => f.properties?.ma)).toEqual([1, 3]);
    expect(r.ok && r.layers[0]!.skipped.map((s) => s.row)).toEqual([3, 5]);
  });

  it('reads a large point CSV into typed columns', async () => {
    const rows = Array.from({ length: LARGE_POINT_ROWS + 10 }, (_, i) => `${i},${102 + (i % 1000) / 1000},${22 + (i % 700) / 1000}`);
    serve(`id,x_lon,y_lat\n${rows.join('\n')}\n`);
    const r = await load(request('many.csv', { format: 'csv', geometry: 'point', coordinates: { lon: 'x_lon', lat: 'y_lat' } }));
    expect(r.ok && r.layers[0]!.points?.length).toBe(LARGE_POINT_ROWS + 10);
  });

  it('refuses a binary file named .geojson as no supported format', async () => {
    serve('\u0000\u0001\u0002binary\u0003'.repeat(50));
    expect(await load(request('x.geojson'))).toMatchObject({ ok: false, error: { key: 'import.error.notSupported', params: { file: 'x.geojson' } } });
  });
});

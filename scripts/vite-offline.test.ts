import { describe, expect, it } from 'vitest';
import { ONLINE_BASEMAPS } from '../src/map/basemaps';
import { TILE_HOSTS } from './vite-offline';

describe('offline service worker config', () => {
  it('runtime-caches the tiles of every online basemap', () => {
    for (const b of ONLINE_BASEMAPS) {
      for (const template of b.tiles) expect(TILE_HOSTS.test(template.replace('{z}/{x}/{y}', '5/25/14').replace('{z}/{y}/{x}', '5/14/25')), `${b.id}: ${template}`).toBe(true);
    }
  });

  it('does not cache the app or other hosts as tiles', () => {
    expect(TILE_HOSTS.test('http://127.0.0.1:4173/data/manifest.json')).toBe(false);
    expect(TILE_HOSTS.test('https://example.org/tile.openstreetmap.org/1/0/0.png')).toBe(false);
  });
});

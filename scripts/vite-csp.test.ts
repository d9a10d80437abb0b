import { describe, expect, it } from 'vitest';
import { appCsp, buildCsp, withCspMeta } from './vite-csp';
import { parseOriginList as parseOrigins } from '../src/catalog/pack_origins';

function directives(csp: string): Map<string, string[]> {
  return new Map(csp.split('; ').map((d) => {
    const [k = '', ...v] = d.split(' ');
    return [k, v];
  }));
}

describe('Content-Security-Policy', () => {
  it('allows only the app itself for scripts and styles, and workers from blobs', () => {
    const d = directives(buildCsp());
    expect(d.get('default-src')).toEqual(["'self'"]);
    expect(d.get('script-src')).toEqual(["'self'"]);
    expect(d.get('style-src')).toEqual(["'self'"]);
    expect(d.get('worker-src')).toEqual(["'self'", 'blob:']);
    expect(d.get('object-src')).toEqual(["'none'"]);
    expect(d.get('base-uri')).toEqual(["'self'"]);
    expect(d.get('font-src')).toEqual(["'self'", 'data:']);
  });

  it('puts frame-ancestors in the header only (a meta tag may not hold it)', () => {
    expect(directives(buildCsp({ forHeader: true })).get('frame-ancestors')).toEqual(["'self'"]);
    expect(directives(buildCsp()).has('frame-ancestors')).toBe(false);
  });

  it('lets the online basemap tiles in, as images and fetches', () => {
    const d = directives(appCsp(false, ''));
    for (const host of ['https://tile.openstreetmap.org', 'https://server.arcgisonline.com', 'https://a.tile.opentopomap.org', 'https://b.tile.opentopomap.org']) {
      expect(d.get('img-src')).toContain(host);
      expect(d.get('connect-src')).toContain(host);
    }
  });

  it('adds the MT_PACK_ORIGINS origins to connect-src, and nothing when it is unset', () => {
    const withPacks = directives(appCsp(false, ' https://packs.example.org/vn/ , http://10.0.0.5:8080,javascript:alert(1), nonsense'));
    expect(withPacks.get('connect-src')).toEqual(expect.arrayContaining(['https://packs.example.org', 'http://10.0.0.5:8080']));
    expect(withPacks.get('connect-src')!.join(' ')).not.toMatch(/javascript|nonsense/);
    expect(directives(appCsp(false, undefined)).get('connect-src')).toEqual(directives(appCsp(false, '')).get('connect-src'));
    expect(parseOrigins(undefined)).toEqual([]);
  });

  it('writes the meta tag after <meta charset> and before the scripts', () => {
    const html = withCspMeta('<head>\n<meta charset="UTF-8" />\n<script type="module" src="/a.js"></script></head>', buildCsp());
    expect(html.indexOf('http-equiv="Content-Security-Policy"')).toBeGreaterThan(html.indexOf('charset'));
    expect(html.indexOf('http-equiv')).toBeLessThan(html.indexOf('<script'));
    expect(html).toContain(`content="default-src 'self'; script-src 'self';`);
  });
});

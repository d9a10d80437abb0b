import { describe, expect, it } from 'vitest';
import { checkPackUrl, isHttpUrl, packOriginAllowList, parseOriginList, policyAllowsConnect } from './pack_origins';

const APP = 'https://map.example.vn/app/?pack=x';

describe('checkPackUrl', () => {
  it('loads from the app origin, relative or absolute, without asking', () => {
    expect(checkPackUrl('data/manifest.json', APP, [])).toEqual({ kind: 'load', url: 'https://map.example.vn/app/data/manifest.json' });
    expect(checkPackUrl('https://map.example.vn/other/manifest.json', APP, []).kind).toBe('load');
  });

  it('asks for another origin, naming its host', () => {
    expect(checkPackUrl('http://127.0.0.1:9/pack/manifest.json', APP, [])).toEqual({ kind: 'ask', url: 'http://127.0.0.1:9/pack/manifest.json', host: '127.0.0.1:9' });
    // same host, other scheme or port: another origin
    expect(checkPackUrl('http://map.example.vn/app/manifest.json', APP, []).kind).toBe('ask');
  });

  it('loads an origin on the allow-list without asking', () => {
    expect(checkPackUrl('https://packs.example.org/a/manifest.json', APP, ['https://packs.example.org']).kind).toBe('load');
  });

  it.each(['javascript:alert(1)', 'data:application/json,{}', 'file:///etc/passwd', 'blob:https://map.example.vn/1234', 'ftp://x/manifest.json'])('refuses %s', (url) => {
    expect(checkPackUrl(url, APP, ['https://packs.example.org'])).toMatchObject({ kind: 'refused', reason: 'scheme' });
  });

  it('refuses what is not a URL', () => {
    expect(checkPackUrl('http://[::1', APP, [])).toMatchObject({ kind: 'refused', reason: 'invalid' });
  });
});

describe('allow-list', () => {
  it('keeps http(s) origins only, normalised', () => {
    expect(parseOriginList(' https://a.example/path , http://b.example:8080,javascript:x, ,https://a.example')).toEqual(['https://a.example', 'http://b.example:8080']);
    expect(packOriginAllowList('https://c.example/')).toEqual(['https://c.example']);
    expect(packOriginAllowList('')).toEqual([]);
  });
});

describe('isHttpUrl', () => {
  it('accepts http(s) only', () => {
    expect(isHttpUrl('https://x.example/a.geojson', APP)).toBe(true);
    expect(isHttpUrl('a.geojson', APP)).toBe(true);
    expect(isHttpUrl('javascript:alert(1)', APP)).toBe(false);
    expect(isHttpUrl('data:text/plain,x', APP)).toBe(false);
  });
});

describe('policyAllowsConnect', () => {
  const self = 'https://map.example.vn';
  const csp = "default-src 'self'; connect-src 'self' https://tile.openstreetmap.org https://packs.example.org; img-src 'self'";

  it('admits the app origin and the listed origins, nothing else', () => {
    expect(policyAllowsConnect(csp, 'https://map.example.vn/data/manifest.json', self)).toBe(true);
    expect(policyAllowsConnect(csp, 'https://packs.example.org/a/manifest.json', self)).toBe(true);
    expect(policyAllowsConnect(csp, 'https://evil.example.com/manifest.json', self)).toBe(false);
    expect(policyAllowsConnect(csp, 'http://packs.example.org/a/manifest.json', self)).toBe(false);
  });

  it('falls back to default-src, understands schemes and *, and admits all without a policy', () => {
    expect(policyAllowsConnect("default-src 'self'", 'https://other.org/m.json', self)).toBe(false);
    expect(policyAllowsConnect('connect-src https:', 'https://other.org/m.json', self)).toBe(true);
    expect(policyAllowsConnect('connect-src *', 'http://other.org/m.json', self)).toBe(true);
    expect(policyAllowsConnect(null, 'https://other.org/m.json', self)).toBe(true);
    expect(policyAllowsConnect("img-src 'self'", 'https://other.org/m.json', self)).toBe(true);
  });
});

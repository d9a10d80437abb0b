import { describe, expect, it } from 'vitest';
import { createAppStore } from '../state/store';
import { createPackGate } from './pack_gate';

function createGate(answer: boolean, allowList: string[] = [], policyAllows: (url: string) => boolean = () => true) {
  const store = createAppStore('en');
  const loaded: string[] = [];
  const asked: string[] = [];
  const gate = createPackGate({
    store,
    load: async (url) => (loaded.push(url), true),
    ask: async ({ host }) => (asked.push(host), answer),
    appHref: () => 'http://127.0.0.1:4173/',
    allowList,
    policyAllows,
  });
  return { store, gate, loaded, asked };
}

describe('pack gate', () => {
  it('after Load, refuses an origin the security policy of the page blocks, fetching nothing and saying why', async () => {
    const { store, gate, loaded, asked } = createGate(true, [], (url) => !url.startsWith('http://127.0.0.1:9/'));
    expect(await gate('http://127.0.0.1:9/pack/manifest.json')).toEqual({ ok: false, declined: true });
    expect(asked).toEqual(['127.0.0.1:9']);
    expect(loaded).toEqual([]);
    expect(store.getState().messages.map((m) => [m.message.key, m.message.params?.host])).toEqual([['origin.blockedByPolicy', '127.0.0.1:9']]);
  });

  it('loads the app origin without asking', async () => {
    const { gate, loaded, asked } = createGate(false);
    expect(await gate('data/manifest.json')).toEqual({ ok: true, declined: false });
    expect(loaded).toEqual(['http://127.0.0.1:4173/data/manifest.json']);
    expect(asked).toEqual([]);
  });

  it('asks before a foreign origin; Cancel fetches nothing and says so', async () => {
    const { store, gate, loaded, asked } = createGate(false);
    expect(await gate('http://127.0.0.1:9/pack/manifest.json')).toEqual({ ok: false, declined: true });
    expect(asked).toEqual(['127.0.0.1:9']);
    expect(loaded).toEqual([]);
    expect(store.getState().messages.map((m) => m.message.key)).toEqual(['origin.cancelled']);
  });

  it('loads a foreign origin after Load, or at once when it is allow-listed', async () => {
    const yes = createGate(true);
    expect((await yes.gate('http://127.0.0.1:9/pack/manifest.json')).ok).toBe(true);
    const listed = createGate(false, ['http://127.0.0.1:9']);
    expect((await listed.gate('http://127.0.0.1:9/pack/manifest.json')).ok).toBe(true);
    expect(listed.asked).toEqual([]);
  });

  it('refuses javascript:, data:, file: and blob: with a message, never asking', async () => {
    const { store, gate, loaded, asked } = createGate(true);
    for (const url of ['javascript:alert(1)', 'data:application/json,{}', 'file:///x/manifest.json', 'blob:http://127.0.0.1:4173/x']) {
      expect(await gate(url)).toEqual({ ok: false, declined: true });
    }
    expect(loaded).toEqual([]);
    expect(asked).toEqual([]);
    expect(store.getState().messages.every((m) => m.message.key === 'origin.refusedScheme')).toBe(true);
  });
});

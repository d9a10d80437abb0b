// Which origins a data pack may load from without asking. A pack replaces the whole map, so
// a link or project file naming a pack elsewhere must not swap it silently: the app's own
// origin loads, an origin the deployment lists in MT_PACK_ORIGINS loads, any other http(s)
// origin asks the user first, and every other scheme (javascript:, data:, file:, blob:) is
// refused. The same list feeds the Content-Security-Policy's connect-src (vite.config.ts).

declare const __MT_PACK_ORIGINS__: string | undefined;

/** Normalised origins from a comma-separated list; anything not http(s) is left out. */
export function parseOriginList(text: string | undefined): string[] {
  const out: string[] = [];
  for (const part of (text ?? '').split(',')) {
    const s = part.trim();
    if (!s || !URL.canParse(s)) continue;
    const u = new URL(s);
    if ((u.protocol === 'http:' || u.protocol === 'https:') && !out.includes(u.origin)) out.push(u.origin);
  }
  return out;
}

/**
 * The deployment's allow-list: MT_PACK_ORIGINS at build time (vite `define`), or — when
 * called from vite.config.ts under Node — the env var itself, so the CSP plugin and the app
 * read one list.
 */
export function packOriginAllowList(env: string | undefined = readBuildTimeList()): readonly string[] {
  return parseOriginList(env);
}

function readBuildTimeList(): string | undefined {
  if (typeof __MT_PACK_ORIGINS__ === 'string') return __MT_PACK_ORIGINS__;
  const proc = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process;
  return proc?.env?.MT_PACK_ORIGINS;
}

export type PackUrlCheck =
  | { kind: 'load'; url: string }
  /** Another origin, not on the allow-list: ask the user, naming `host`. */
  | { kind: 'ask'; url: string; host: string }
  | { kind: 'refused'; reason: 'scheme' | 'invalid'; url: string };

/** Decides what to do with a pack URL, resolved against the app's own address. */
export function checkPackUrl(raw: string, appHref: string, allowList: readonly string[]): PackUrlCheck {
  const shown = String(raw).slice(0, 200);
  if (typeof raw !== 'string' || raw.length > 2048 || !URL.canParse(raw, appHref)) return { kind: 'refused', reason: 'invalid', url: shown };
  const u = new URL(raw, appHref);
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return { kind: 'refused', reason: 'scheme', url: shown };
  if (u.origin === new URL(appHref).origin || allowList.includes(u.origin)) return { kind: 'load', url: u.href };
  return { kind: 'ask', url: u.href, host: u.host };
}

/** http: and https: only, for URLs a user imports from (mtmap.importUrl, the import panel). */
export function isHttpUrl(raw: string, base: string): boolean {
  if (typeof raw !== 'string' || !URL.canParse(raw, base)) return false;
  const p = new URL(raw, base).protocol;
  return p === 'http:' || p === 'https:';
}

/**
 * Whether a Content-Security-Policy lets the page fetch `url` (its connect-src, else its
 * default-src). The production build ships one (scripts/vite-csp.ts) whose connect-src names
 * the app, the basemap hosts and MT_PACK_ORIGINS only, so a pack on any other origin cannot
 * load there even when the user agrees: the gate says so instead of failing as a network error.
 */
export function policyAllowsConnect(policy: string | null, url: string, selfOrigin: string): boolean {
  if (!policy) return true;
  const directives = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name && !directives.has(name.toLowerCase())) directives.set(name.toLowerCase(), sources);
  }
  const sources = directives.get('connect-src') ?? directives.get('default-src');
  if (!sources) return true;
  const target = new URL(url);
  return sources.some((s) => {
    if (s === '*') return true;
    if (s === "'self'") return target.origin === selfOrigin;
    if (/^[a-z][a-z0-9+.-]*:$/i.test(s)) return target.protocol === s.toLowerCase();
    return URL.canParse(s) && new URL(s).origin === target.origin;
  });
}

import type { Plugin } from 'vite';
import { basemapOrigins } from '../src/map/online_basemaps.ts';
import { parseOriginList } from '../src/catalog/pack_origins.ts';

// Content-Security-Policy of the production build. The build writes it into index.html as a
// <meta http-equiv>, so any static host serves it; `vite preview` also sends it as a header,
// which is where frame-ancestors works (browsers ignore it in a meta tag). Not in dev: Vite's
// HMR client needs inline scripts and eval.
//
// What each directive allows, and why:
//   default-src 'self'            nothing from elsewhere unless named below
//   script-src 'self'             the built modules only: no inline script, no eval
//   worker-src 'self' blob:       our module workers (import, layer file, statistics) and
//                                 MapLibre's are files under /assets; blob: for the libraries
//                                 that start a worker from a blob URL (loaders.gl in deck.gl)
//   style-src 'self'              the bundled CSS; the app sets element styles through CSSOM
//                                 (el.style, cssText), which CSP does not govern, so no
//                                 'unsafe-inline' (checked by tests/e2e/csp.spec.ts)
//   img-src 'self' data: blob:    map sprites and canvases as data:/blob: URLs, plus tiles of
//                                 the optional online basemaps
//   font-src 'self' data:         Noto Sans files bundled with the app (map labels, UI, PDF)
//   connect-src 'self'            the data pack, basemap files and fonts; plus the online
//                                 basemap tile hosts (src/map/online_basemaps.ts) and the pack
//                                 origins the deployment allows (MT_PACK_ORIGINS)
//   object-src 'none', base-uri 'self', form-action 'self'
//   frame-ancestors 'self'        header only: no other site frames the map

export interface CspOptions {
  /** Extra origins for connect-src (data packs on other servers), already validated. */
  readonly packOrigins?: readonly string[];
  /** Tile origins of the online basemaps (img-src and connect-src). */
  readonly basemapOrigins?: readonly string[];
  /** A header may hold frame-ancestors; a meta tag may not. */
  readonly forHeader?: boolean;
}

/** The policy text, directives separated by "; ". */
export function buildCsp(options: CspOptions = {}): string {
  const tiles = options.basemapOrigins ?? [];
  const connect = [...new Set(["'self'", ...tiles, ...(options.packOrigins ?? [])])];
  const directives: Array<[string, string[]]> = [
    ['default-src', ["'self'"]],
    ['script-src', ["'self'"]],
    ['worker-src', ["'self'", 'blob:']],
    ['style-src', ["'self'"]],
    ['img-src', ["'self'", 'data:', 'blob:', ...tiles]],
    ['font-src', ["'self'", 'data:']],
    ['connect-src', connect],
    ['object-src', ["'none'"]],
    ['base-uri', ["'self'"]],
    ['form-action', ["'self'"]],
  ];
  if (options.forHeader) directives.push(['frame-ancestors', ["'self'"]]);
  return directives.map(([k, v]) => `${k} ${v.join(' ')}`).join('; ');
}

/** The policy of this build: basemap tile hosts, plus MT_PACK_ORIGINS from the environment. */
export function appCsp(forHeader: boolean, env: string | undefined = process.env.MT_PACK_ORIGINS): string {
  return buildCsp({ basemapOrigins: basemapOrigins(), packOrigins: parseOriginList(env), forHeader });
}

/** The meta tag, right after <meta charset> (which must stay in the first 1,024 bytes) and before any script or stylesheet. */
export function withCspMeta(html: string, csp: string): string {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${csp.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}" />`;
  const charset = /<meta\s+charset=[^>]*>/i;
  if (charset.test(html)) return html.replace(charset, (m) => `${m}\n    ${meta}`);
  return html.replace(/<head[^>]*>/i, (m) => `${m}\n    ${meta}`);
}

/** Writes the policy into index.html at build time only. */
export function cspPlugin(env: string | undefined = process.env.MT_PACK_ORIGINS): Plugin {
  return {
    name: 'mt-csp',
    apply: 'build',
    transformIndexHtml: { order: 'post', handler: (html) => withCspMeta(html, appCsp(false, env)) },
  };
}

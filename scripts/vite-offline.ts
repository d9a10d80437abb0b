import type { PluginOption } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

// The offline service worker (issue 16 §8): Workbox, generated at build by vite-plugin-pwa.
// It precaches everything the build writes (app shell, chunks, workers, fonts, the offline
// basemap and the default data pack, which the data-pack plugin copies to dist/data), so a
// page opened once opens again with no network. Online basemap tiles are cached as they are
// viewed, never ahead. Updates are offered (registerType 'prompt'), never forced: the new
// worker waits until the user asks for it (src/app/offline.ts, src/ui/update_prompt.ts).

/** Largest single file precached. The default pack's files are under 0.3 MB and the main
 * chunk about 2 MB; a pack swapped in with MT_DATA_DIR may hold bigger layers. */
export const PRECACHE_MAX_FILE_BYTES = 16 * 1024 * 1024;

/** Online basemap tile hosts (src/map/basemaps.ts), cached as they are viewed. A RegExp, not a
 * function: Workbox writes it into sw.js as it is, where no module scope exists. */
export const TILE_HOSTS = /^https:\/\/(tile\.openstreetmap\.org|server\.arcgisonline\.com|[abc]\.tile\.opentopomap\.org)\//;

export const TILE_CACHE = 'mt-basemap-tiles';

export function offlinePlugin(): PluginOption {
  return VitePWA({
    registerType: 'prompt',
    // registered by src/app/offline.ts, in the production build only
    injectRegister: false,
    // no install manifest and icons: this is about working offline, not installing an app
    manifest: false,
    workbox: {
      globPatterns: ['**/*'],
      globIgnores: ['**/*.map', 'sw.js', 'workbox-*.js'],
      maximumFileSizeToCacheInBytes: PRECACHE_MAX_FILE_BYTES,
      // /?lang=en, /?pack=… and links to a view open offline from the cached index.html
      navigateFallback: 'index.html',
      // the first worker takes the page that installed it at once (nothing to replace), so
      // mtmap.offline.ready() can resolve without a reload; a later one still waits for the user
      clientsClaim: true,
      skipWaiting: false,
      cleanupOutdatedCaches: true,
      runtimeCaching: [
        {
          urlPattern: TILE_HOSTS,
          handler: 'CacheFirst',
          options: {
            cacheName: TILE_CACHE,
            // tiles are CORS images (WebGL textures), so only real 200s are kept; opaque
            // responses would each count megabytes against the storage quota
            cacheableResponse: { statuses: [200] },
            expiration: { maxEntries: 3000, maxAgeSeconds: 30 * 24 * 3600, purgeOnQuotaError: true },
          },
        },
      ],
    },
  });
}

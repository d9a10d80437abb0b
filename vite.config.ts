import { defineConfig } from 'vitest/config';
import { readFileSync } from 'node:fs';
import { dataPackPlugin } from './scripts/vite-data-pack.ts';
import { packOriginAllowList } from './src/catalog/pack_origins.ts';
import { appCsp, cspPlugin } from './scripts/vite-csp.ts';
import { offlinePlugin } from './scripts/vite-offline.ts';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

// MT_DATA_DIR points the app at another data pack folder; `data/` is the default.
// MT_PACK_ORIGINS: comma-separated origins whose packs load without asking (src/catalog/pack_origins.ts);
// they are added to the CSP's connect-src too.
export default defineConfig({
  plugins: [dataPackPlugin(process.env.MT_DATA_DIR), cspPlugin(), offlinePlugin()],
  // the build carries the policy as a meta tag; preview also sends it as a header (frame-ancestors)
  preview: { headers: { 'Content-Security-Policy': appCsp(true) } },
  define: {
    __APP_VERSION__: JSON.stringify(pkg.version),
    __MT_PACK_ORIGINS__: JSON.stringify(packOriginAllowList(process.env.MT_PACK_ORIGINS ?? '').join(',')),
  },
  build: {
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
  },
  worker: { format: 'es' },
  // maplibre-gl 6 starts its own worker from a file next to its module; pre-bundling breaks that path
  optimizeDeps: { exclude: ['maplibre-gl'] },
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
  },
});

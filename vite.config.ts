import { defineConfig } from 'vitest/config';
import { readFileSync } from 'node:fs';
import { dataPackPlugin } from './scripts/vite-data-pack.ts';
import { offlinePlugin } from './scripts/vite-offline.ts';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

// MT_DATA_DIR points the app at another data pack folder; `data/` is the default.
export default defineConfig({
  plugins: [dataPackPlugin(process.env.MT_DATA_DIR), offlinePlugin()],
  define: { __APP_VERSION__: JSON.stringify(pkg.version) },
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

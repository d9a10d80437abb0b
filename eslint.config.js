// ESLint: typescript-eslint's recommended rules, tuned to the code, and the import
// boundaries that keep the arrows pointing down (README, "How the code is organised").
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import boundaries from 'eslint-plugin-boundaries';

/**
 * Folders of src/, first match wins. Two files sit in their own element: each bridges two
 * layers today and belongs to a file another branch of issue 17 is rewriting, so the
 * exception is named here instead of hidden in a wider rule.
 */
export const ELEMENTS = [
  // the map's tile protocol asks workers for tiles; it also watches layer data (store) to let them go
  { type: 'tile-bridge', pattern: 'src/workers/tile_requests{,.test}.ts', mode: 'full' },
  // pack files fetched on the main thread take the worker's request type
  { type: 'pack-fetch', pattern: 'src/io/fetch_layer_file{,.test}.ts', mode: 'full' },
  // the manifest's list of layer formats is the registry's (issue 17: they cannot drift)
  { type: 'format-ids', pattern: 'src/io/formats/pack_formats.ts', mode: 'full' },
  { type: 'main', pattern: 'src/main.ts', mode: 'full' },
  ...['api', 'app', 'ui', 'map', 'export', 'workers', 'state', 'analysis', 'style', 'io', 'catalog', 'i18n'].map((type) => ({
    type,
    pattern: `src/${type}/**`,
    mode: 'full',
  })),
];

/** Which folder may import which. Anything not listed is refused. */
export const BOUNDARY_RULES = [
  { from: ['main', 'api'], allow: ['*'] },
  // use cases: read and write the store, drive the map, panels, workers and parsers
  { from: ['app'], allow: ['app', 'state', 'map', 'ui', 'io', 'format-ids', 'pack-fetch', 'analysis', 'style', 'catalog', 'workers', 'tile-bridge', 'i18n', 'export'] },
  // panels: show state, start exports, await worker clients (CancelledError); not the map
  { from: ['ui'], allow: ['ui', 'state', 'analysis', 'style', 'io', 'format-ids', 'catalog', 'i18n', 'export', 'workers'] },
  // ...and name the use cases' option and outcome types (the import dialog, the import panel)
  { from: ['ui'], allow: ['app'], importKind: 'type' },
  { from: ['map'], allow: ['map', 'state', 'analysis', 'style', 'io', 'format-ids', 'catalog', 'i18n'] },
  // print sheets draw with the map's own pieces (point attributes) in an offscreen map
  { from: ['export'], allow: ['export', 'map', 'state', 'analysis', 'style', 'io', 'format-ids', 'catalog', 'i18n'] },
  { from: ['workers'], allow: ['workers', 'tile-bridge', 'io', 'format-ids', 'pack-fetch', 'analysis', 'catalog', 'i18n'] },
  { from: ['tile-bridge'], allow: ['tile-bridge', 'workers', 'io', 'format-ids', 'state', 'catalog'] },
  // the store: plain types from below, and pure helpers (default opacity, point table rows);
  // analysis only by its types (the area of interest), since analysis must not need the store
  { from: ['state'], allow: ['state', 'catalog', 'io', 'format-ids', 'style', 'i18n'] },
  { from: ['state'], allow: ['analysis'], importKind: 'type' },
  // pure: data in, results out; never the store, the map or the DOM panels
  { from: ['analysis'], allow: ['analysis', 'io', 'format-ids', 'catalog', 'i18n'] },
  { from: ['style'], allow: ['style', 'catalog', 'i18n'] },
  { from: ['io'], allow: ['io', 'format-ids', 'pack-fetch', 'catalog', 'i18n'] },
  { from: ['pack-fetch'], allow: ['pack-fetch', 'io', 'format-ids', 'catalog', 'workers'] },
  { from: ['catalog'], allow: ['catalog', 'format-ids', 'i18n'] },
  { from: ['format-ids'], allow: ['io'], importKind: 'type' },
  { from: ['i18n'], allow: ['i18n'] },
];

// STYLE.md: one module owns the map. Type-only imports are erased from the build, so
// ui/export_dialog (IControl) and api/automation (the Map type) may name its types.
const MAP_LIBRARIES = {
  patterns: [
    {
      group: ['maplibre-gl', 'maplibre-gl/*', '@deck.gl/*', '@luma.gl/*', 'terra-draw', 'terra-draw-*'],
      allowTypeImports: true,
      message: 'Only src/map and src/export talk to MapLibre / deck.gl (STYLE.md, "one module owns the map").',
    },
  ],
};

export default tseslint.config(
  { ignores: ['dist*/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'public/**', 'data/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'module',
      globals: {
        window: 'readonly', document: 'readonly', console: 'readonly', performance: 'readonly', fetch: 'readonly', URL: 'readonly',
        process: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', self: 'readonly', navigator: 'readonly',
      },
    },
    rules: {
      // `catch {}` where a failure only means "not available" (bench's chromium version)
      'no-empty': ['error', { allowEmptyCatch: true }],
      // tight loops use comma statements, `if (x) (a[i] = r), stack.push(i);`, on purpose
      '@typescript-eslint/no-unused-expressions': 'off',
      // tsc (noUnusedLocals/Parameters) already reports these, with the same meaning
      '@typescript-eslint/no-unused-vars': 'off',
      // `x!` is used where an index was just checked (noUncheckedIndexedAccess); tsc keeps the rest honest
      '@typescript-eslint/no-non-null-assertion': 'off',
      // the TypeScript compiler reports undefined names with types in mind; no-undef does not know DOM types
      'no-undef': 'off',
    },
  },
  {
    files: ['src/**/*.ts'],
    plugins: { boundaries },
    settings: {
      'boundaries/elements': ELEMENTS,
      'boundaries/include': ['src/**/*.ts'],
      'import/resolver': { node: { extensions: ['.ts', '.js', '.mjs'] } },
    },
    rules: {
      'boundaries/element-types': ['error', { default: 'disallow', rules: BOUNDARY_RULES }],
    },
  },
  {
    // integration tests: the point table's prebuilt index read by the map's picker, and
    // worker tiles fetched through the main-thread tile requests
    files: ['src/io/point_table.test.ts', 'src/io/worker_tiles.test.ts'],
    rules: { 'boundaries/element-types': 'off' },
  },
  {
    // strips control characters from DBF/CSV text, which is the point of the pattern
    files: ['src/io/writers/types.ts'],
    rules: { 'no-control-regex': 'off' },
  },
  {
    // Playwright fixtures must destructure their (empty) dependencies: `async ({}, use) =>`
    files: ['tests/e2e/**'],
    rules: { 'no-empty-pattern': 'off' },
  },
  {
    // Node scripts and their tests read loosely typed JSON and GeoJSON properties
    files: ['scripts/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/map/**', 'src/export/**'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', MAP_LIBRARIES] },
  },
);

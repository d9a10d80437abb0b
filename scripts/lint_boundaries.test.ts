import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';

// The import-boundary rules in eslint.config.js must bite: lint a few one-line fixtures as if
// they were files in src/ and expect the forbidden ones to fail. The fixtures are never written
// to disk; the modules they import are real, so the plugin can tell which folder each is in.

const cwd = fileURLToPath(new URL('..', import.meta.url));
const eslint = new ESLint({ cwd });

async function ruleIds(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

describe('import boundaries', () => {
  it('refuses analysis importing the store', async () => {
    expect(await ruleIds('src/analysis/fixture.ts', "import { allLayers } from '../state/store';\nexport const f = allLayers;\n")).toContain('boundaries/element-types');
  }, 60_000);

  it('lets the store name analysis types, not call analysis', async () => {
    expect(await ruleIds('src/state/fixture.ts', "import { statsLayers } from '../analysis/stats_request';\nexport const f = statsLayers;\n")).toContain('boundaries/element-types');
    expect(await ruleIds('src/state/fixture.ts', "import type { AreaOfInterest } from '../analysis/aoi';\nexport type F = AreaOfInterest;\n")).toEqual([]);
  }, 60_000);

  it('refuses io importing the map', async () => {
    expect(await ruleIds('src/io/fixture.ts', "import { MapView } from '../map/map_view';\nexport const f = MapView;\n")).toContain('boundaries/element-types');
  }, 60_000);

  it('refuses ui importing a use case at run time, and allows its types', async () => {
    expect(await ruleIds('src/ui/fixture.ts', "import { importFiles } from '../app/import_layers';\nexport const f = importFiles;\n")).toContain('boundaries/element-types');
    expect(await ruleIds('src/ui/fixture.ts', "import type { ImportOutcome } from '../app/import_layers';\nexport type F = ImportOutcome;\n")).toEqual([]);
  }, 60_000);

  it('allows analysis importing io and the manifest types', async () => {
    const code = "import type { LayerSpec } from '../catalog/manifest_types';\nimport { sampleFeatures } from '../io/point_table';\nexport const f = (l: LayerSpec) => [l, sampleFeatures];\n";
    expect(await ruleIds('src/analysis/fixture.ts', code)).toEqual([]);
  }, 60_000);

  it('keeps maplibre-gl inside src/map and src/export', async () => {
    const code = "import { Map } from 'maplibre-gl';\nexport const f = Map;\n";
    expect(await ruleIds('src/ui/fixture.ts', code)).toContain('@typescript-eslint/no-restricted-imports');
    expect(await ruleIds('src/map/fixture.ts', code)).toEqual([]);
  }, 60_000);
});

import { describe, it, expect, beforeAll } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { validateManifest } from '../src/catalog/validate_manifest';
import { geometryAreaM2 } from '../src/analysis/area';

// The generator is plain ESM JavaScript (no .d.ts); load it through a typed dynamic import.
interface PackResult {
  files: Record<string, string>;
  info: { districtKm2: number; forestHa: number; forestPct: number };
  layers: {
    communes2013: Feature[];
    communes2025: Feature[];
    forest: Feature[];
    planting: Feature[];
    planRows: { year: number; plan_ha: string }[];
    crops: Feature[];
    projects: { id: string; commune_code: string; lat: number; lon: number; budget_mvnd: number; disbursed_mvnd: number }[];
  };
}
interface Feature {
  type: 'Feature';
  properties: Record<string, any>;
  geometry: any;
}
interface PackModule {
  buildPack(opt?: { seed?: number; communesGeojson?: unknown; sourceLabel?: string }): PackResult;
  FACTS: { communes: { gso_code: string; name_vi: string; type_vi: string; area_km2: number; centre: [number, number]; new_2025_code: string }[]; mapping_2025_csv: string };
}
interface GeoModule {
  areaKm2(g: unknown): number;
  inside(pt: number[], g: unknown): boolean;
  intersect(a: unknown, b: unknown): unknown;
}

const here = path.dirname(fileURLToPath(import.meta.url));
const REF = path.resolve(here, '../../shared/reference/muong-te');
const REF_COMMUNES = path.join(REF, 'communes-2013-2025.geojson');
const hasRef = fs.existsSync(REF_COMMUNES);

const packPath: string = './pack/index.mjs';
const geoPath: string = './pack/geo.mjs';
let gen: PackModule;
let geo: GeoModule;
let pack: PackResult;

beforeAll(async () => {
  gen = (await import(/* @vite-ignore */ packPath)) as PackModule;
  geo = (await import(/* @vite-ignore */ geoPath)) as GeoModule;
  pack = gen.buildPack();
}, 30000);

const tenths = (v: number) => Math.round(v * 10);

describe('schematic pack', () => {
  it('is deterministic (byte-identical between runs)', () => {
    const again = gen.buildPack();
    expect(Object.keys(again.files)).toEqual(Object.keys(pack.files));
    for (const name of Object.keys(pack.files)) expect(again.files[name], name).toBe(pack.files[name]);
  }, 30000);

  it('has the 14 communes of the facts with areas within 2 %', () => {
    const cs = pack.layers.communes2013;
    expect(cs).toHaveLength(14);
    const facts = new Map(gen.FACTS.communes.map((c) => [c.gso_code, c]));
    for (const f of cs) {
      const fact = facts.get(f.properties.gso_code);
      expect(fact, f.properties.gso_code).toBeDefined();
      expect(f.properties.name_vi).toBe(fact!.name_vi);
      expect(f.properties.type_vi).toBe(fact!.type_vi);
      expect(f.properties.full_name).toBe(`${fact!.type_vi} ${fact!.name_vi}`);
      expect(f.properties.gso_code).toMatch(/^0\d{4}$/);
      const a = geo.areaKm2(f.geometry);
      expect(Math.abs(a / fact!.area_km2 - 1), f.properties.gso_code).toBeLessThan(0.02);
      expect(f.properties.area_km2).toBeCloseTo(a, 1);
      expect(Object.keys(f.properties)).toEqual(['gso_code', 'name_vi', 'type_vi', 'full_name', 'new_2025_code', 'new_2025_commune', 'area_km2', 'area_ha']);
    }
    expect(new Set(cs.map((f) => f.properties.gso_code)).size).toBe(14);
    const district = pack.info.districtKm2;
    expect(Math.abs(district / 2678.5 - 1)).toBeLessThan(0.005);
  });

  it('puts every commune centre inside its own polygon', () => {
    for (const c of gen.FACTS.communes) {
      const f = pack.layers.communes2013.find((x) => x.properties.gso_code === c.gso_code)!;
      expect(geo.inside(c.centre, f.geometry), c.gso_code).toBe(true);
    }
  });

  it('tiles the outline without overlaps or gaps', () => {
    const cs = pack.layers.communes2013;
    let overlap = 0;
    for (let i = 0; i < cs.length; i++)
      for (let j = i + 1; j < cs.length; j++) {
        const x = geo.intersect(cs[i]!.geometry, cs[j]!.geometry);
        if (x) overlap += geo.areaKm2(x);
      }
    expect(overlap).toBeLessThan(0.05); // km², rounding slivers only
    const sum = cs.reduce((s, f) => s + geo.areaKm2(f.geometry), 0);
    expect(Math.abs(sum - pack.info.districtKm2)).toBeLessThan(0.1);
  });

  it('has 2023 planting of exactly 527.3 ha and a 2023 plan of exactly 500 ha', () => {
    const y2023 = pack.layers.planting.filter((f) => f.properties.year === 2023);
    expect(y2023.reduce((s, f) => s + tenths(f.properties.area_ha), 0)).toBe(5273);
    const plan = pack.layers.planRows.filter((r) => r.year === 2023);
    expect(plan.reduce((s, r) => s + tenths(Number(r.plan_ha)), 0)).toBe(5000);
    // and the CSV says the same
    const rows = pack.files['planting-plan.csv']!.trim().split('\n').slice(1).map((l) => l.split(','));
    expect(rows.filter((r) => r[0] === '2023').reduce((s, r) => s + tenths(Number(r[3])), 0)).toBe(5000);
    for (const f of pack.layers.planting) {
      expect(f.properties.area_ha).toBeGreaterThanOrEqual(3);
      expect(f.properties.area_ha).toBeLessThanOrEqual(25);
      const a = geo.areaKm2(f.geometry) * 100;
      expect(Math.abs(a / f.properties.area_ha - 1), f.properties.plot_id).toBeLessThan(0.005);
    }
  });

  it('measures areas the way the statistics engine does, so 2023 plots add up to 527.3 ha on the map too', () => {
    for (const f of pack.layers.planting.slice(0, 20)) {
      expect(geo.areaKm2(f.geometry) * 1e6).toBeCloseTo(geometryAreaM2(f.geometry), 3);
    }
    const measured = pack.layers.planting.filter((f) => f.properties.year === 2023).reduce((s, f) => s + geometryAreaM2(f.geometry) / 1e4, 0);
    expect(Math.abs(measured - 527.3)).toBeLessThan(0.5);
  });

  it('has a forest cover ratio of 60–72 %', () => {
    const ha = pack.layers.forest.reduce((s, f) => s + f.properties.area_ha, 0);
    const pct = (ha / (pack.info.districtKm2 * 100)) * 100;
    expect(pct).toBeGreaterThan(60);
    expect(pct).toBeLessThan(72);
    const uses = new Set(pack.layers.forest.map((f) => f.properties.use));
    expect([...uses].sort()).toEqual(['dac_dung', 'phong_ho', 'san_xuat']);
  });

  it('puts every project point inside its commune', () => {
    expect(pack.layers.projects.length).toBeGreaterThanOrEqual(35);
    for (const p of pack.layers.projects) {
      const c = pack.layers.communes2013.find((f) => f.properties.gso_code === p.commune_code)!;
      expect(geo.inside([p.lon, p.lat], c.geometry), p.id).toBe(true);
      expect(p.disbursed_mvnd).toBeLessThanOrEqual(p.budget_mvnd);
    }
  });

  it('has crop zone areas consistent with their geometry', () => {
    const crops = pack.layers.crops;
    expect(new Set(crops.map((f) => f.properties.crop))).toEqual(new Set(['sam', 'thao_qua', 'sa_nhan']));
    for (const f of crops) {
      const a = geo.areaKm2(f.geometry) * 100;
      expect(Math.abs(a / f.properties.area_ha - 1), f.properties.zone_id).toBeLessThan(0.005);
      expect(f.properties.area_ha).toBeGreaterThanOrEqual(20);
      expect(f.properties.area_ha).toBeLessThanOrEqual(400);
    }
    const samCommunes = new Set(crops.filter((f) => f.properties.crop === 'sam').map((f) => f.properties.commune_code));
    expect(samCommunes).toEqual(new Set(['03448', '03440', '03439', '03436', '03442']));
  });

  it('dissolves into the 8 communes of 2025 (7 whole + the Vàng San part of Hua Bum)', () => {
    const newCodes = new Set(
      gen.FACTS.mapping_2025_csv.trim().split('\n').slice(1)
        .filter((l) => l.includes(',Mường Tè,'))
        .map((l) => l.split(',').at(-3)),
    );
    expect(newCodes.size).toBe(8);
    const c25 = pack.layers.communes2025;
    expect(c25).toHaveLength(8);
    expect(new Set(c25.map((f) => f.properties.gso_code))).toEqual(newCodes);
    const huaBum = c25.find((f) => f.properties.gso_code === '03460')!;
    expect(huaBum.properties.former_units).toBe('Xã Vàng San');
    expect(huaBum.properties.note).toMatch(/Nậm Nhùn/);
    expect(c25.find((f) => f.properties.gso_code === '03433')!.properties.former_units).toBe('Thị trấn Mường Tè, Xã Bum Tở, Xã Kan Hồ');
    const sum25 = c25.reduce((s, f) => s + f.properties.area_km2, 0);
    expect(Math.abs(sum25 - pack.info.districtKm2)).toBeLessThan(0.5);
  });

  it('writes a manifest that the app validates', () => {
    const m = JSON.parse(pack.files['manifest.json']!);
    const res = validateManifest(m);
    expect(res.ok ? [] : res.problems).toEqual([]);
    expect(m.layers.map((l: { id: string }) => l.id)).toEqual(['communes-2013', 'communes-2025', 'district-outline', 'forest-cover', 'planting-areas', 'crop-zones', 'project-sites']);
    for (const l of m.layers) {
      expect(l.illustrative).toBe(true);
      expect(Object.keys(pack.files)).toContain(l.file);
    }
  });

  it.skipIf(!hasRef)('copies the commune mapping table unchanged', () => {
    expect(pack.files['commune-mapping-2025.csv']).toBe(fs.readFileSync(path.join(REF, 'commune-mapping-2025.csv'), 'utf8'));
  });
});

describe('pack over the real communes (../shared/reference)', () => {
  it.skipIf(!hasRef)(
    `builds over the real 2013–2025 communes and puts every point inside them${hasRef ? '' : ` — SKIPPED: ${REF_COMMUNES} not found`}`,
    () => {
      const real = JSON.parse(fs.readFileSync(REF_COMMUNES, 'utf8'));
      const rp = gen.buildPack({ communesGeojson: real, sourceLabel: 'communes-2013-2025.geojson' });
      const byCode = new Map<string, Feature>(real.features.map((f: Feature) => [String(f.properties.gso_code), f]));
      expect(rp.layers.communes2013).toHaveLength(14);
      expect(rp.layers.communes2025).toHaveLength(8);
      for (const p of rp.layers.projects) {
        const c = byCode.get(p.commune_code);
        expect(c, p.commune_code).toBeDefined();
        expect(geo.inside([p.lon, p.lat], c!.geometry), p.id).toBe(true);
      }
      const y2023 = rp.layers.planting.filter((f) => f.properties.year === 2023);
      expect(y2023.reduce((s, f) => s + tenths(f.properties.area_ha), 0)).toBe(5273);
      expect(rp.info.forestPct).toBeGreaterThan(60);
      expect(rp.info.forestPct).toBeLessThan(72);
    },
    30000,
  );
});

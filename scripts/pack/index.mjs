// The pack generator: pure functions from facts (+ optional commune file) to file contents.
// build-pack.mjs only parses arguments and writes what buildPack returns.
import * as turf from '@turf/turf';
import { createRequire } from 'node:module';
import { buildOutline } from './outline.mjs';
import { buildSchematicCommunes } from './communes.mjs';
import { buildForest, forestFeatures } from './forest.mjs';
import { buildPlanting } from './planting.mjs';
import { buildCrops } from './crops.mjs';
import { buildProjects, toCsv } from './projects.mjs';
import { makeTerrain } from './terrain.mjs';
import { buildManifest } from './manifest.mjs';
import { packReadme } from './readme.mjs';
import { cleanGeometry, areaKm2, union, inside, roundTo, bboxOf } from './geo.mjs';

const require = createRequire(import.meta.url);
/** @type {any} */
export const FACTS = require('./facts.json');
export const DEFAULT_SEED = 20231006;

/** GeoJSON text, one feature per line (stable, diff-friendly). @param {any[]} features */
export function featureCollectionText(features) {
  return '{"type":"FeatureCollection","features":[\n' + features.map((f) => JSON.stringify({ type: 'Feature', properties: f.properties, geometry: f.geometry })).join(',\n') + '\n]}\n';
}

/** @param {string} s */
const fold = (s) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();

/**
 * Reads a 2013–2025 commune collection (properties gso_code, name_vi, type_vi, full_name,
 * new_2025_code, new_2025_commune) into the generator's commune list.
 * @param {any} fc
 */
export function communesFromGeojson(fc) {
  const byCode = new Map(FACTS.communes.map((/** @type {any} */ c) => [c.gso_code, c]));
  return fc.features
    .map((/** @type {any} */ f) => {
      const p = f.properties ?? {};
      const code = String(p.gso_code ?? '').padStart(5, '0');
      const geometry = cleanGeometry(f.geometry);
      if (!geometry) throw new Error(`commune ${code}: no polygon geometry`);
      const fact = /** @type {any} */ (byCode.get(code));
      const centre = fact && inside(fact.centre, geometry) ? fact.centre : turf.pointOnFeature(turf.feature(geometry)).geometry.coordinates;
      const type_vi = String(p.type_vi ?? fact?.type_vi ?? 'Xã');
      const name_vi = String(p.name_vi ?? fact?.name_vi ?? code);
      return {
        gso_code: code,
        name_vi,
        type_vi,
        full_name: String(p.full_name ?? `${type_vi} ${name_vi}`),
        new_2025_code: String(p.new_2025_code ?? fact?.new_2025_code ?? code).padStart(5, '0'),
        new_2025_commune: String(p.new_2025_commune ?? fact?.new_2025_commune ?? ''),
        centre,
        geometry,
      };
    })
    .sort((/** @type {any} */ a, /** @type {any} */ b) => a.gso_code.localeCompare(b.gso_code));
}

/**
 * @param {{ seed?: number, communesGeojson?: any, sourceLabel?: string }} [opt]
 * @returns {{ files: Record<string, string>, info: Record<string, any>, layers: Record<string, any> }}
 */
export function buildPack(opt = {}) {
  const seed = opt.seed ?? DEFAULT_SEED;
  const schematic = !opt.communesGeojson;
  /** @type {any[]} */
  let units;
  /** @type {any} */
  let outline;
  if (schematic) {
    const o = buildOutline(FACTS);
    outline = o.geometry;
    const res = buildSchematicCommunes(FACTS.communes, outline);
    units = FACTS.communes.map((/** @type {any} */ c, /** @type {number} */ i) => ({
      ...c,
      full_name: `${c.type_vi} ${c.name_vi}`,
      geometry: res.features[i].geometry,
    }));
  } else {
    units = communesFromGeojson(opt.communesGeojson);
    outline = cleanGeometry(union(units.map((u) => u.geometry)));
  }
  const districtKm2 = areaKm2(outline);
  const communes2013 = units.map((u) => {
    const a = areaKm2(u.geometry);
    return {
      type: 'Feature',
      properties: {
        gso_code: u.gso_code,
        name_vi: u.name_vi,
        type_vi: u.type_vi,
        full_name: u.full_name,
        new_2025_code: u.new_2025_code,
        new_2025_commune: u.new_2025_commune,
        area_km2: roundTo(a, 2),
        area_ha: roundTo(a * 100, 2),
      },
      geometry: u.geometry,
    };
  });
  // 2025 communes: dissolve by the new code
  const newCodes = [...new Set(units.map((u) => u.new_2025_code))].sort();
  const communes2025 = newCodes.map((code) => {
    const parts = units.filter((u) => u.new_2025_code === code);
    const g = cleanGeometry(union(parts.map((p) => p.geometry)));
    const a = areaKm2(g);
    const name = parts[0].new_2025_commune.replace(/^Xã\s+/, '');
    const partial = code === '03460';
    return {
      type: 'Feature',
      properties: {
        gso_code: code,
        name_vi: name,
        type_vi: 'Xã',
        full_name: `Xã ${name}`,
        area_km2: roundTo(a, 2),
        area_ha: roundTo(a * 100, 2),
        former_units: parts.map((p) => p.full_name).join(', '),
        note: partial
          ? 'Chỉ phần xã Vàng San cũ thuộc huyện Mường Tè cũ; phần còn lại (xã Hua Bum cũ) thuộc huyện Nậm Nhùn cũ, không có trong gói này. / Only the former Vàng San part lies in the former district; the rest came from Nậm Nhùn.'
          : '',
      },
      geometry: g,
    };
  });
  const meta = units.map((u) => ({ gso_code: u.gso_code, name_vi: u.name_vi, full_name: u.full_name }));
  const communeFeatures = /** @type {any[]} */ (communes2013);
  const terrain = makeTerrain(seed);
  const forest = buildForest({
    seed,
    outline,
    communes: communeFeatures,
    forestShare: FACTS.district.forest_ha / FACTS.district.area_ha,
    township: FACTS.district.township_centre,
  });
  const forestFs = forestFeatures(forest.lots, meta);
  const planting = buildPlanting({ seed, lots: forest.lots, meta, communes: communeFeatures, terrain });
  const crops = buildCrops({ seed, meta, communes: communeFeatures, lots: forest.lots, terrain });
  const projects = buildProjects({ seed, meta, communes: communeFeatures, terrain });
  const bb = bboxOf(outline);
  const bounds = /** @type {[number, number, number, number]} */ ([roundTo(bb[0] - 0.02, 3), roundTo(bb[1] - 0.02, 3), roundTo(bb[2] + 0.02, 3), roundTo(bb[3] + 0.02, 3)]);
  const manifest = buildManifest({ bounds, schematic, sourceLabel: opt.sourceLabel });
  const outlineFeature = {
    type: 'Feature',
    properties: { name_vi: 'Huyện Mường Tè (cũ)', code: FACTS.district.code, area_km2: roundTo(districtKm2, 2), schematic },
    geometry: outline,
  };
  const forestHa = forestFs.reduce((s, f) => s + f.properties.area_ha, 0);
  const files = {
    'manifest.json': JSON.stringify(manifest, null, 2) + '\n',
    'communes-2013-2025.geojson': featureCollectionText(communes2013),
    'communes-2025.geojson': featureCollectionText(communes2025),
    'commune-mapping-2025.csv': FACTS.mapping_2025_csv,
    'district-outline.geojson': featureCollectionText([outlineFeature]),
    'forest-cover.geojson': featureCollectionText(forestFs),
    'planting-areas.geojson': featureCollectionText(planting.features),
    'planting-plan.csv': toCsv(planting.planRows),
    'crop-zones.geojson': featureCollectionText(crops),
    'project-sites.csv': toCsv(projects),
    'README.md': packReadme({ schematic, sourceLabel: opt.sourceLabel }),
  };
  return {
    files,
    info: {
      districtKm2,
      forestHa,
      forestPct: (forestHa / (districtKm2 * 100)) * 100,
      lots: forest.lots.length,
      forestLots: forestFs.length,
    },
    layers: { communes2013, communes2025, outline: outlineFeature, forest: forestFs, planting: planting.features, planRows: planting.planRows, crops, projects },
  };
}

// data/README.md text, written with the pack so every generated pack explains itself.

/** @param {{ schematic: boolean, sourceLabel?: string }} opt */
export function packReadme({ schematic, sourceLabel }) {
  const head = schematic
    ? `# Default data pack — Mường Tè planning map

**The boundaries in this pack are schematic and the thematic figures are illustrative.**
They were drawn by a program from a handful of published figures so that the app has
something realistic-looking to show. Do not use them for planning, surveying or reporting.`
    : `# Data pack generated over ${sourceLabel ?? 'a given commune file'}

The commune boundaries come from the file given on the command line; every thematic layer
(forest, planting, crops, projects) is **illustrative**, generated over those boundaries.
Check the licence of the boundary file before sharing this folder.`;
  return `${head}

## What is real and what is not

Real (figures from public sources, see \`scripts/pack/facts.json\`):

- commune GSO codes, names, unit types and the old → new (1 July 2025) mapping
  (Resolution 1670/NQ-UBTVQH15; \`commune-mapping-2025.csv\`);
- commune areas (the schematic polygons are sized to them within 2 %) and the district
  area (≈ 2,678.5 km²);
- **new forest planting in 2023: 527.3 ha against a plan of 500 ha** (first 9 months of
  2023, reported on 6 Oct 2023): the 2023 plots in \`planting-areas.geojson\` sum to exactly
  527.3 ha and the 2023 rows of \`planting-plan.csv\` to exactly 500.0 ha;
- forest cover ≈ 66 % (177,058 ha, 2024), used as the share of the forest layer;
- the elevation / canopy ranges of Sâm Lai Châu, thảo quả and sa nhân, and the communes
  where ginseng is zoned.

Illustrative (made up, seeded): ${schematic ? 'every boundary line (district outline and communes), ' : ''}the forest lots and
their use / origin / stand class, the planting plots of every year and the plans of
2019–2022, the crop zones (placed with a schematic terrain model, not a DEM) and the project
sites with their budgets and status.

## Files

| file | layer | content |
|---|---|---|
| \`manifest.json\` | — | layers, styles, popups, filters (schema: docs/data-packs.md) |
| \`communes-2013-2025.geojson\` | communes-2013 | 14 units until 30 June 2025 |
| \`communes-2025.geojson\` | communes-2025 | 8 units from 1 July 2025 (Hua Bum: only the former Vàng San part) |
| \`district-outline.geojson\` | district-outline | outline of the former district |
| \`forest-cover.geojson\` | forest-cover | forest lots (use, origin, ldlr, area_ha) |
| \`planting-areas.geojson\` | planting-areas | new planting plots 2019–2023 |
| \`planting-plan.csv\` | table planting-plan | plan by year and commune |
| \`crop-zones.geojson\` | crop-zones | medicinal crop zones |
| \`project-sites.csv\` | project-sites | national target programme projects (lon/lat WGS 84) |
| \`commune-mapping-2025.csv\` | table commune-mapping-2025 | old → new commune table (facts); boundary set 2025 \`aggregates\` through it |

All GeoJSON is RFC 7946 (WGS 84 lon/lat, 5 decimals); CSV is UTF-8 with a header row.

## How it was generated

\`node scripts/build-pack.mjs\` (or \`npm run pack:build\`) rebuilds this folder. The output is
byte-identical between runs (seeded PRNG, fixed rounding and key order).

- District outline: Vietnam (Natural Earth 10m via world-atlas) ∩ the district's extent
  (102.32–102.99 E, 22.17–22.78 N) ∩ a buffer of the convex hull of the commune centres,
  the buffer distance found by bisection so the area is 2,678.5 km².
- Communes: a power diagram (weighted Voronoi) of the commune centres, weights iterated
  until every area matches; the township (12.3 km²) is carved as a compact octagon around
  its centre, so in this schematic it is an enclave of Xã Bum Tở.
- Forest: a seeded Voronoi of random points clipped to the communes; smooth noise fields
  choose forest / non-forest and use (special-use in the north-west, production near the
  valley and township, protection elsewhere).

## Running the app on real or official boundaries

\`\`\`sh
node scripts/build-pack.mjs --communes /path/to/communes-2013-2025.geojson --out /tmp/real-pack
MT_DATA_DIR=/tmp/real-pack npm start        # or open the app with ?pack=<url of the pack>
\`\`\`

The commune file needs the properties \`gso_code\`, \`name_vi\`, \`type_vi\`, \`full_name\`,
\`new_2025_code\`, \`new_2025_commune\`. Write such packs **outside the repository** unless the
boundaries' licence allows committing them (the generator refuses an output folder inside
the repository when \`--communes\` is given, unless \`--allow-in-repo\` is passed).

## Replacing a layer with official data

Put the official file in the pack folder and edit its entry in \`manifest.json\`: \`file\`,
\`format\` (\`geojson\` or \`csv\` with \`coordinates\`), the \`style\` field and categories, the
\`popup\` and \`filters\` fields, a \`provenance\` with source, licence and date, and
\`illustrative: false\`. No code change is needed; see docs/data-packs.md for every field.
`;
}

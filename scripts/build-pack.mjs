#!/usr/bin/env node
// Builds the app's data pack (and the offline basemap) deterministically.
//
//   node scripts/build-pack.mjs                      schematic communes → ./data (+ public/basemap)
//   node scripts/build-pack.mjs --communes <file.geojson> --out <dir>
//                                                    thematic layers over the given communes
// Options: --seed <n> (default 20231006), --no-basemap, --allow-in-repo.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildPack, DEFAULT_SEED } from './pack/index.mjs';
import { buildBasemap } from './pack/basemap.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function usage(msg) {
  if (msg) console.error(`build-pack: ${msg}`);
  console.error('usage: node scripts/build-pack.mjs [--communes <file.geojson> --out <dir>] [--seed <n>] [--no-basemap] [--allow-in-repo]');
  process.exit(msg ? 2 : 0);
}

const args = process.argv.slice(2);
const opt = { communes: null, out: null, seed: DEFAULT_SEED, basemap: true, allowInRepo: false };
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  if (a === '--communes') opt.communes = args[++i];
  else if (a === '--out') opt.out = args[++i];
  else if (a === '--seed') opt.seed = Number(args[++i]);
  else if (a === '--no-basemap') opt.basemap = false;
  else if (a === '--allow-in-repo') opt.allowInRepo = true;
  else if (a === '--help' || a === '-h') usage();
  else usage(`unknown argument ${a}`);
}
if (!Number.isInteger(opt.seed)) usage('--seed needs an integer');
if (opt.communes === undefined || opt.out === undefined) usage('missing value');

const outDir = path.resolve(opt.out ?? path.join(root, 'data'));
let communesGeojson;
let sourceLabel;
if (opt.communes) {
  const inRepo = outDir === root || outDir.startsWith(root + path.sep);
  if (inRepo && !opt.allowInRepo) {
    usage(`refusing to write a pack built on ${opt.communes} inside the repository (${outDir}); use --out outside it, or --allow-in-repo if the boundaries may be committed`);
  }
  communesGeojson = JSON.parse(fs.readFileSync(opt.communes, 'utf8'));
  sourceLabel = path.basename(opt.communes);
}

const t0 = Date.now();
const pack = buildPack({ seed: opt.seed, communesGeojson, sourceLabel });
fs.mkdirSync(outDir, { recursive: true });
for (const [name, text] of Object.entries(pack.files)) fs.writeFileSync(path.join(outDir, name), text);
let total = 0;
for (const name of Object.keys(pack.files)) total += fs.statSync(path.join(outDir, name)).size;
console.log(`pack written to ${outDir}: ${Object.keys(pack.files).length} files, ${(total / 1024).toFixed(0)} kB`);
const i = pack.info;
console.log(`district ${i.districtKm2.toFixed(1)} km², forest ${i.forestHa.toFixed(0)} ha (${i.forestPct.toFixed(1)} %), ${i.forestLots} forest lots of ${i.lots}`);

if (opt.basemap && !opt.communes && !opt.out) {
  const dir = path.join(root, 'public', 'basemap');
  fs.mkdirSync(dir, { recursive: true });
  const text = buildBasemap();
  fs.writeFileSync(path.join(dir, 'countries.geojson'), text);
  console.log(`basemap written to ${path.join(dir, 'countries.geojson')} (${(Buffer.byteLength(text) / 1024).toFixed(0)} kB)`);
}
console.log(`done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

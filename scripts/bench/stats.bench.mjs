// Benchmark of the statistics engine (issue 4): generated polygons over 14 generated communes,
// the engine (index + overlap grouping + clipping only at borders) against a naive turf
// `intersect` of every polygon with every commune. Not a test; run with
//   node scripts/bench/stats.bench.mjs [--size 50000] [--vertices 200] [--runs 5] [--naive 1000]
// --size: polygons; --vertices: vertices per polygon; --naive: polygons in the naive subset
// (its time is scaled up to --size and labelled as extrapolated; 0 skips it).
// The TypeScript sources are loaded through Vite's SSR loader, so no build step is needed.
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { createServer } from 'vite';
import { featureCollection, intersect } from '@turf/turf';

const args = Object.fromEntries(
  process.argv.slice(2).reduce((acc, a, i, all) => (a.startsWith('--') ? [...acc, [a.slice(2), all[i + 1]]] : acc), []),
);
const SIZE = Number(args.size ?? 50000);
const VERTICES = Number(args.vertices ?? 200);
const RUNS = Math.max(5, Number(args.runs ?? 5));
const NAIVE = Number(args.naive ?? 1000);

// deterministic random numbers (mulberry32)
export function rng(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// 14 communes: a 7 × 2 grid of jittered nodes over the district's extent, each cell edge a
// wiggly line of 25 points computed from its two end nodes, so neighbours share edges exactly.
const W = 102.32, S = 22.17, E = 102.99, N = 22.78;
export function makeCommunes() {
  const r = rng(14);
  const nx = 7, ny = 2;
  const node = [];
  for (let j = 0; j <= ny; j++) {
    node.push([]);
    for (let i = 0; i <= nx; i++) {
      const jx = i > 0 && i < nx ? (r() - 0.5) * 0.04 : 0;
      const jy = j > 0 && j < ny ? (r() - 0.5) * 0.08 : 0;
      node[j].push([W + ((E - W) * i) / nx + jx, S + ((N - S) * j) / ny + jy]);
    }
  }
  const edge = (a, b) => {
    const pts = [];
    const len = Math.hypot(b[0] - a[0], b[1] - a[1]);
    const outer = (a[0] === b[0] && (a[0] === W || a[0] === E)) || (a[1] === b[1] && (a[1] === S || a[1] === N));
    for (let k = 0; k < 25; k++) {
      const t = k / 25;
      const w = outer ? 0 : Math.sin(t * Math.PI * 3) * Math.sin(t * Math.PI) * len * 0.05;
      pts.push([a[0] + (b[0] - a[0]) * t - ((b[1] - a[1]) / len) * w, a[1] + (b[1] - a[1]) * t + ((b[0] - a[0]) / len) * w]);
    }
    return pts;
  };
  // an edge is always generated from its lower-left node, then reversed if needed
  const side = (a, b) => (a[0] < b[0] || (a[0] === b[0] && a[1] < b[1]) ? edge(a, b) : [...edge(b, a), a].reverse().slice(0, -1));
  const features = [];
  let code = 3433;
  for (let j = 0; j < ny; j++) {
    for (let i = 0; i < nx; i++) {
      const c = [node[j][i], node[j][i + 1], node[j + 1][i + 1], node[j + 1][i]];
      const ring = [...side(c[0], c[1]), ...side(c[1], c[2]), ...side(c[2], c[3]), ...side(c[3], c[0])];
      ring.push(ring[0]);
      features.push({ type: 'Feature', properties: { code: String(code++).padStart(5, '0') }, geometry: { type: 'Polygon', coordinates: [ring] } });
    }
  }
  return { type: 'FeatureCollection', features };
}

// star-shaped blobs, ≈ 80–250 m across, 5 classes
export function makeLayer(n, vertices) {
  const r = rng(42);
  const classes = ['RDD', 'RPH', 'RSX', 'DTR', 'NN'];
  const features = [];
  for (let i = 0; i < n; i++) {
    const cx = W + r() * (E - W), cy = S + r() * (N - S);
    const rad = 0.0004 + r() * 0.0008;
    const phase = r() * 6.28, lobes = 2 + Math.floor(r() * 5);
    const ring = [];
    for (let k = 0; k < vertices - 1; k++) {
      const a = (2 * Math.PI * k) / (vertices - 1);
      const rr = rad * (0.75 + 0.25 * Math.sin(lobes * a + phase));
      ring.push([cx + rr * Math.cos(a), cy + rr * Math.sin(a) * 0.93]);
    }
    ring.push(ring[0]);
    features.push({ type: 'Feature', properties: { c: classes[i % classes.length] }, geometry: { type: 'Polygon', coordinates: [ring] } });
  }
  return { type: 'FeatureCollection', features };
}

export function stats(times) {
  const s = [...times].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)], min: s[0], max: s[s.length - 1] };
}
const fmt = (ms) => `${(ms / 1000).toFixed(2)} s`;

/** The engine vs the naive turf loop; `server` is a Vite server for loading the TS sources. */
export async function runStatsBench(server, { size = 50000, vertices = 200, runs = 5, naiveRuns = runs, naive = 1000, log = console.log } = {}) {
  const { computeStats } = await server.ssrLoadModule('/src/analysis/overlay_stats.ts');
  const { geometryAreaM2 } = await server.ssrLoadModule('/src/analysis/area.ts');
  const boundaries = makeCommunes();
  const layer = makeLayer(size, vertices);
  const params = { layer, boundaries, boundaryCodeField: 'code', groupBy: 'c' };
  log(`stats: ${size} polygons × ${vertices} vertices = ${((size * vertices) / 1e6).toFixed(1)} M vertices, 14 communes`);
  const engine = [];
  let result;
  for (let k = 0; k < runs; k++) {
    const t = performance.now();
    result = computeStats(params);
    engine.push(performance.now() - t);
  }
  const e = stats(engine);
  log(`  engine: median ${fmt(e.median)}, min ${fmt(e.min)}, max ${fmt(e.max)} over ${runs} runs; total ${result.total.ha.toFixed(1)} ha, ${result.warnings.length} warnings`);
  const out = { size, vertices, engine: { ...e, runs, times: engine }, totalHa: result.total.ha, rows: result.rows.length, warnings: result.warnings.length };
  if (naive > 0) {
    const subset = Math.min(naive, size);
    const times = [];
    let naiveHa = 0;
    for (let k = 0; k < naiveRuns; k++) {
      const t = performance.now();
      naiveHa = 0;
      for (let i = 0; i < subset; i++) {
        const f = layer.features[i];
        for (const c of boundaries.features) {
          const piece = intersect(featureCollection([f, c]));
          if (piece) naiveHa += geometryAreaM2(piece.geometry) / 1e4;
        }
      }
      times.push(((performance.now() - t) * size) / subset);
    }
    const nv = stats(times);
    out.naive = { ...nv, runs: naiveRuns, subset, extrapolated: subset < size, times };
    out.ratio = nv.median / e.median;
    log(`  naive turf intersect (${subset < size ? `extrapolated ×${(size / subset).toFixed(0)} from ${subset}` : 'full'}): median ${fmt(nv.median)}; ratio ${out.ratio.toFixed(1)}×`);
  }
  return out;
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
  const server = await createServer({ root, configFile: false, logLevel: 'error', server: { middlewareMode: true, hmr: false, ws: false }, appType: 'custom', optimizeDeps: { noDiscovery: true, include: [] } });
  try {
    const { computeStats } = await server.ssrLoadModule('/src/analysis/overlay_stats.ts');
    const { geometryAreaM2 } = await server.ssrLoadModule('/src/analysis/area.ts');
    const boundaries = makeCommunes();
    const layer = makeLayer(SIZE, VERTICES);
    const params = { layer, boundaries, boundaryCodeField: 'code', groupBy: 'c' };
    console.log(`${SIZE} polygons × ${VERTICES} vertices = ${((SIZE * VERTICES) / 1e6).toFixed(1)} M vertices, 14 communes, node ${process.version}`);
  
    const engine = [];
    let result;
    for (let k = 0; k < RUNS; k++) {
      const t = performance.now();
      result = computeStats(params);
      engine.push(performance.now() - t);
    }
    const e = stats(engine);
    console.log(`engine (main thread, no worker): median ${fmt(e.median)}, min ${fmt(e.min)}, max ${fmt(e.max)} over ${RUNS} runs`);
    console.log(`  total ${result.total.ha.toFixed(1)} ha in ${result.rows.length} rows; ${result.warnings.length} warnings; outside ${result.outsideCount}`);
  
    if (NAIVE > 0) {
      const subset = Math.min(NAIVE, SIZE);
      const naive = [];
      let naiveHa = 0;
      for (let k = 0; k < RUNS; k++) {
        const t = performance.now();
        naiveHa = 0;
        for (let i = 0; i < subset; i++) {
          const f = layer.features[i];
          for (const c of boundaries.features) {
            const piece = intersect(featureCollection([f, c]));
            if (piece) naiveHa += geometryAreaM2(piece.geometry) / 1e4;
          }
        }
        naive.push(((performance.now() - t) * SIZE) / subset);
      }
      const nv = stats(naive);
      const label = subset < SIZE ? `EXTRAPOLATED ×${(SIZE / subset).toFixed(0)} from ${subset} polygons` : 'full';
      console.log(`naive turf intersect, every polygon × every commune (${label}): median ${fmt(nv.median)}, min ${fmt(nv.min)}, max ${fmt(nv.max)} over ${RUNS} runs`);
      console.log(`  (naive subset sums ${naiveHa.toFixed(1)} ha with overlaps double-counted)`);
      console.log(`ratio naive / engine (medians): ${(nv.median / e.median).toFixed(1)}×`);
    }
  } finally {
    await server.close();
  }
}

// `npm run bench`: the benchmark suite of issues 4 and 6, in Node and in headless Chromium
// (1280×720, deviceScaleFactor 1, software WebGL). Writes docs/benchmarks.json (all figures,
// machine-readable) and docs/benchmarks.md (tables + how each figure is measured).
//   node scripts/bench.mjs            full sizes (≈ 10–15 min on the 2-core machine)
//   node scripts/bench.mjs --smoke    tiny sizes, writes test-results/bench-smoke.json only
//   --only csv,points,polygons,join,startup,memory,stats   run a subset (test-results/bench-partial.*)
//   --only … --merge   run a subset and merge it into docs/benchmarks.json + .md
// Not part of `npm test`; nothing asserts a timing.
import { execFileSync, execSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { build, createServer } from 'vite';
import { chromium } from '@playwright/test';
import { booleanPointInPolygon, point } from '@turf/turf';
import { makeCommunes, makeLayer, rng, runStatsBench, stats } from './bench/stats.bench.mjs';
import { writeMarkdown } from './bench/report.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const SMOKE = argv.includes('--smoke');
const onlyArg = argv.find((a) => a.startsWith('--only'));
const ONLY = onlyArg ? new Set((onlyArg.includes('=') ? onlyArg.split('=')[1] : argv[argv.indexOf(onlyArg) + 1]).split(',')) : null;
const want = (name) => !ONLY || ONLY.has(name);
const MERGE = argv.includes('--merge');
if (MERGE && (!ONLY || SMOKE)) throw new Error('--merge goes with --only (a full-size subset)');
const RUNS = SMOKE ? 2 : 5;
const SIZES = SMOKE
  ? { csvRows: 10_000, points: [25_000, 30_000], deckPoints: 25_000, polygons: 500, polyVertices: 24, joinPoints: 10_000, naiveJoin: 2_000, statsPolys: 300, statsNaive: 5 }
  : { csvRows: 1_000_000, points: [100_000, 1_000_000], deckPoints: 1_000_000, polygons: 50_000, polyVertices: 24, joinPoints: 1_000_000, naiveJoin: 20_000, statsPolys: 50_000, statsNaive: 50 };
const CHROMIUM = process.env.MT_CHROMIUM ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--ignore-gpu-blocklist', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic', '--enable-precise-memory-info'];
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'mtbench-'));
const log = (...a) => console.log(...a);
const summary = (times) => ({ ...stats(times), runs: times.length, times });
const failures = [];
/** Runs one benchmark; a failure is logged and recorded in the results, and the suite goes on. */
async function attempt(name, fn) {
  try {
    await fn();
  } catch (e) {
    const error = String(e?.stack ?? e).split('\n').slice(0, 4).join(' | ');
    failures.push({ benchmark: name, error });
    log(`  !! ${name} failed: ${error}`);
  }
}
const t0All = performance.now();

function machine() {
  let chromiumVersion = null;
  try {
    chromiumVersion = execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {}
  return { cpu: os.cpus()[0]?.model ?? 'unknown', cores: os.cpus().length, memoryGB: +(os.totalmem() / 2 ** 30).toFixed(1), node: process.version, chromium: chromiumVersion, platform: `${os.type()} ${os.release()}`, date: new Date().toISOString() };
}

// ---- generated data ------------------------------------------------------------------------------
const W = 102.32, S = 22.17, E = 102.99, N = 22.78;
function csvText(rows) {
  const r = rng(99);
  const parts = ['id,lon,lat,year,ha,budget,disbursed,height,dbh,class\n'];
  let chunk = '';
  for (let i = 0; i < rows; i++) {
    chunk += `${i},${(W + r() * (E - W)).toFixed(6)},${(S + r() * (N - S)).toFixed(6)},${2019 + (i % 5)},${(r() * 50).toFixed(2)},${Math.floor(r() * 5e6)},${Math.floor(r() * 5e6)},${(r() * 30).toFixed(1)},${(r() * 80).toFixed(1)},${i % 7}\n`;
    if (chunk.length > 1 << 20) {
      parts.push(chunk);
      chunk = '';
    }
  }
  parts.push(chunk);
  return parts.join('');
}
function pointsPack(dir, rows) {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'points.csv'), csvText(rows));
  writeManifest(dir, [{ id: 'pts', title: 'Points', group: 'g', file: 'points.csv', format: 'csv', coordinates: { lon: 'lon', lat: 'lat' }, geometry: 'point', style: { type: 'single', color: '#1b7837', radius: 3 }, provenance: { source: 'generated' } }]);
}
function polygonLayerFile(dir, n) {
  const fc = makeLayer(n, SIZES.polyVertices);
  for (const f of fc.features) for (const ring of f.geometry.coordinates) for (const p of ring) { p[0] = +p[0].toFixed(6); p[1] = +p[1].toFixed(6); }
  fs.writeFileSync(path.join(dir, 'polygons.geojson'), JSON.stringify(fc));
  return { id: 'polys', title: 'Polygons', group: 'g', file: 'polygons.geojson', format: 'geojson', geometry: 'polygon', style: { type: 'categories', field: 'c', categories: ['RDD', 'RPH', 'RSX', 'DTR', 'NN'].map((v, i) => ({ value: v, color: ['#1b7837', '#5aae61', '#a6dba0', '#762a83', '#e08214'][i], label: v })) }, provenance: { source: 'generated' } };
}
function writeManifest(dir, layers) {
  fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify({ schemaVersion: 1, id: path.basename(dir), title: 'bench', bounds: [W, S, E, N], groups: [{ id: 'g', title: 'bench' }], layers }));
}

// ---- static server: dist/ at /, the bench page at /bench/, generated files at /gen/ --------------
const TYPES = { '.js': 'text/javascript', '.mjs': 'text/javascript', '.html': 'text/html', '.css': 'text/css', '.json': 'application/json', '.csv': 'text/csv', '.geojson': 'application/geo+json', '.svg': 'image/svg+xml', '.png': 'image/png', '.woff2': 'font/woff2', '.pbf': 'application/x-protobuf', '.wasm': 'application/wasm' };
function serve(mounts) {
  const server = http.createServer((req, res) => {
    const url = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    for (const [prefix, dir] of mounts) {
      if (!url.startsWith(prefix)) continue;
      let file = path.join(dir, url.slice(prefix.length));
      if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
      if (!fs.existsSync(file)) continue;
      res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
      fs.createReadStream(file).pipe(res);
      return;
    }
    res.writeHead(404).end();
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

// ---- Node benchmarks -----------------------------------------------------------------------------
async function nodeBenches(results) {
  const server = await createServer({ root, configFile: false, logLevel: 'error', server: { middlewareMode: true, hmr: false, ws: false }, appType: 'custom', optimizeDeps: { noDiscovery: true, include: [] } });
  try {
    if (want('join')) await attempt('join', async () => {
      const { joinPointsToUnits } = await server.ssrLoadModule('/src/analysis/point_join.ts');
      const { computeStats } = await server.ssrLoadModule('/src/analysis/overlay_stats.ts');
      const communes = JSON.parse(fs.readFileSync(path.join(root, 'data/communes-2013-2025.geojson'), 'utf8'));
      const n = SIZES.joinPoints;
      const r = rng(7);
      const xy = new Float64Array(2 * n);
      for (let i = 0; i < 2 * n; i += 2) {
        xy[i] = W + r() * (E - W);
        xy[i + 1] = S + r() * (N - S);
      }
      const times = [];
      let res;
      for (let k = 0; k < RUNS; k++) {
        const t = performance.now();
        res = joinPointsToUnits(xy, communes, 'gso_code');
        times.push(performance.now() - t);
      }
      // the app's path: the statistics worker counts a large point table per commune from its columns
      const table = { length: n, positions: xy, columns: [], numeric: {}, text: {} };
      const appTimes = [];
      let appRes;
      for (let k = 0; k < RUNS; k++) {
        const t = performance.now();
        appRes = computeStats({ layer: table, boundaries: communes, boundaryCodeField: 'gso_code' });
        appTimes.push(performance.now() - t);
      }
      // the same count per commune (random points are never on a shared border, where the
      // statistics would count one point in both communes)
      const appCountsAgree = appRes.outsideCount === res.outside && appRes.boundaries.every((b, u) => b.count === res.counts[u]);
      const m = SIZES.naiveJoin;
      const pts = Array.from({ length: m }, (_, i) => point([xy[2 * i], xy[2 * i + 1]]));
      const naive = [];
      let agree = 0;
      for (let k = 0; k < RUNS; k++) {
        const t = performance.now();
        agree = 0;
        for (let i = 0; i < m; i++) {
          let found = -1;
          for (let c = 0; c < communes.features.length; c++) if (booleanPointInPolygon(pts[i], communes.features[c])) { found = c; break; }
          if (found === res.unitOf[i]) agree++;
        }
        naive.push(((performance.now() - t) * n) / m);
      }
      const vertices = communes.features.reduce((s, f) => s + JSON.stringify(f.geometry.coordinates).split('],[').length, 0);
      results.join = { points: n, communes: communes.features.length, communeVertices: vertices, indexed: summary(times), naive: { ...summary(naive), subset: m, extrapolated: m < n }, ratio: stats(naive).median / stats(times).median, app: summary(appTimes), appRatio: stats(naive).median / stats(appTimes).median, appCountsAgree, outside: res.outside, naiveAgreement: agree / m };
      log(`join: ${n} points, indexed median ${stats(times).median.toFixed(0)} ms; app statistics median ${stats(appTimes).median.toFixed(0)} ms (counts ${appCountsAgree ? 'agree' : 'DIFFER'}); naive (extrapolated from ${m}) ${stats(naive).median.toFixed(0)} ms; agreement ${(agree / m * 100).toFixed(2)} %`);
    });
    if (want('stats')) await attempt('stats', async () => {
      results.stats = await runStatsBench(server, { size: SIZES.statsPolys, vertices: 200, runs: RUNS, naiveRuns: RUNS, naive: SIZES.statsNaive, log });
    });
  } finally {
    await server.close();
  }
}

// ---- browser benchmarks --------------------------------------------------------------------------
async function browserBenches(results) {
  log('building dist/ (vite build) and the bench page …');
  // a private build (dist/ may be rebuilt by others while the suite runs): same config as `vite build`
  const dist = path.join(tmp, 'dist');
  execSync(`npx vite build --logLevel error --outDir ${dist} --emptyOutDir`, { cwd: root, stdio: 'inherit' });
  const benchOut = path.join(tmp, 'bench-page');
  await build({ root: path.join(root, 'scripts/bench/browser'), configFile: false, logLevel: 'error', base: '/bench/', define: { __APP_VERSION__: '"bench"' }, worker: { format: 'es' }, build: { outDir: benchOut, emptyOutDir: true, target: 'es2022' } });
  const gen = path.join(tmp, 'gen');
  fs.mkdirSync(gen, { recursive: true });
  const server = await serve([['/bench/', benchOut], ['/gen/', gen], ['/', dist]]);
  const base = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const newPage = async () => {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 720 }, deviceScaleFactor: 1, locale: 'en-US' });
    const page = await ctx.newPage();
    // generous: a 1M-point load on software WebGL with other jobs on the machine
    page.setDefaultTimeout(300_000);
    page.setDefaultNavigationTimeout(180_000);
    page.on('crash', () => log('  !! page crashed'));
    page.on('pageerror', (e) => log(`  !! page error: ${e.message}`));
    await page.addInitScript(() => {
      window.__longTasks = [];
      try {
        new PerformanceObserver((l) => window.__longTasks.push(...l.getEntries().map((e) => ({ start: e.startTime, duration: e.duration })))).observe({ type: 'longtask', buffered: true });
      } catch {}
    });
    return { ctx, page };
  };
  /** A fresh context with the app open on the default pack, drawn and idle. */
  const openApp = async () => {
    const { ctx, page } = await newPage();
    await page.goto(`${base}/`);
    await page.waitForFunction(() => window.mtmap);
    await page.evaluate(() => window.mtmap.whenIdle());
    return { ctx, page };
  };

  /**
   * Opens the app, fetches a generated file into the page (untimed), imports it with
   * mtmap.importFiles — the file input's path after File.arrayBuffer() — and times it until its
   * layers are drawn (by deck.gl when `deck`) and the map is idle.
   */
  const importInFreshPage = async (url, name, { deck }) => {
    const { ctx, page } = await openApp();
    const r = await page.evaluate(async ({ url, name, deck }) => {
      const buf = new Uint8Array(await (await fetch(url)).arrayBuffer());
      await new Promise((r) => setTimeout(r, 300));
      const t = performance.now();
      const out = await window.mtmap.importFiles([{ name, bytes: buf }]);
      if (deck) for (let i = 0; i < 3000 && !window.mtmap.listLayers().some((l) => out.layers.includes(l.id) && l.renderer === 'deck'); i++) await new Promise((r) => setTimeout(r, 10));
      await window.mtmap.whenIdle();
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      const ms = performance.now() - t;
      await new Promise((r) => setTimeout(r, 300));
      const l = window.mtmap.listLayers().find((x) => out.layers.includes(x.id));
      return { ms, t, layers: out.layers.length, errors: out.errors, featureCount: l?.featureCount, renderer: l?.renderer };
    }, { url, name, deck });
    return { ctx, page, r };
  };
  const longestSince = (page, t) => page.evaluate((t) => window.__longTasks.filter((e) => e.start + e.duration >= t).reduce((m, e) => Math.max(m, e.duration), 0), t);
  try {
    if (want('csv')) await attempt('csv', async () => {
      fs.writeFileSync(path.join(gen, 'big.csv'), csvText(SIZES.csvRows));
      const bytes = fs.statSync(path.join(gen, 'big.csv')).size;
      const { ctx, page } = await newPage();
      await page.goto(`${base}/bench/`);
      await page.waitForFunction(() => window.bench?.ready);
      const w = [], p = [], longest = [];
      let info;
      for (let k = 0; k < RUNS; k++) {
        info = await page.evaluate((u) => window.bench.csvWorker(u), `${base}/gen/big.csv`);
        w.push(info.ms);
        longest.push(info.longestTaskMs);
      }
      const papaRuns = SMOKE ? 2 : 5;
      for (let k = 0; k < papaRuns; k++) p.push((await page.evaluate((u) => window.bench.csvPapa(u), `${base}/gen/big.csv`)).ms);
      await ctx.close();
      const mbps = (ms) => bytes / 1e6 / (ms / 1000);
      results.csv = { rows: SIZES.csvRows, columns: 10, bytes, worker: summary(w), workerMBps: mbps(stats(w).median), progressMessages: info.progressMessages, longestMainTaskMs: Math.max(...longest), papaparseMain: summary(p), papaMBps: mbps(stats(p).median), ratio: stats(p).median / stats(w).median };
      log(`csv: ${(bytes / 1e6).toFixed(1)} MB, worker median ${stats(w).median.toFixed(0)} ms (${mbps(stats(w).median).toFixed(0)} MB/s), longest main task ${Math.max(...longest).toFixed(0)} ms; papaparse main ${stats(p).median.toFixed(0)} ms`);
      fs.rmSync(path.join(gen, 'big.csv'));
    });
    if (want('import')) await attempt('import', async () => {
      // issue 3: while a 50 MB file loads, no main-thread task may exceed 100 ms. The bytes are
      // fetched into the page (not timed), then handed to mtmap.importFiles — the same path as
      // the file input after File.arrayBuffer() — and the longtask observer watches until the
      // layer is drawn.
      const rows = SMOKE ? 20_000 : Math.round(50e6 / 66);
      fs.writeFileSync(path.join(gen, 'import.csv'), csvText(rows));
      const bytes = fs.statSync(path.join(gen, 'import.csv')).size;
      const loads = [], longest = [], taskLists = [];
      let info;
      const importRuns = SMOKE ? 2 : 5;
      for (let k = 0; k < importRuns; k++) {
        const { ctx, page, r } = await importInFreshPage(`${base}/gen/import.csv`, 'import.csv', { deck: true });
        loads.push(r.ms);
        longest.push(await longestSince(page, r.t));
        // every long task of the run, as [ms after importFiles was called, duration], to see where they fall
        taskLists.push(await page.evaluate((t) => window.__longTasks.filter((e) => e.start + e.duration >= t).map((e) => [Math.round(e.start - t), Math.round(e.duration)]), r.t));
        info = r;
        await ctx.close();
      }
      // the user's path: the file picker is opened (which has deck.gl compile its point program,
      // DeckPoints.warmUp), the file is chosen PICK_MS later, the import worker reads it
      const PICK_MS = 1500;
      const picked = [], pickedLongest = [], pickedTasks = [];
      for (let k = 0; k < importRuns; k++) {
        const { ctx, page } = await openApp();
        const before = await page.evaluate(() => window.mtmap.listLayers().map((l) => l.id));
        const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.locator('#import-pick').click()]);
        await new Promise((r) => setTimeout(r, PICK_MS));
        const t = await page.evaluate(() => performance.now());
        await chooser.setFiles(path.join(gen, 'import.csv'));
        const ms = await page.evaluate(async ({ before, t }) => {
          for (let i = 0; i < 3000 && !window.mtmap.listLayers().some((l) => !before.includes(l.id) && l.renderer === 'deck'); i++) await new Promise((r) => setTimeout(r, 10));
          await window.mtmap.whenIdle();
          await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
          const ms = performance.now() - t;
          await new Promise((r) => setTimeout(r, 300));
          return ms;
        }, { before, t });
        picked.push(ms);
        pickedLongest.push(await longestSince(page, t));
        pickedTasks.push(await page.evaluate((t) => window.__longTasks.filter((e) => e.start + e.duration >= t).map((e) => [Math.round(e.start - t), Math.round(e.duration)]), t));
        await ctx.close();
      }
      results.import = {
        rows,
        bytes,
        importToDrawn: summary(loads),
        longestMainTaskMs: summary(longest),
        featureCount: info.featureCount,
        renderer: info.renderer,
        errors: info.errors,
        longTasks: taskLists,
        picker: { chooseMs: PICK_MS, importToDrawn: summary(picked), longestMainTaskMs: summary(pickedLongest), longTasks: pickedTasks },
      };
      log(`import: ${(bytes / 1e6).toFixed(1)} MB CSV → ${info.renderer} ${info.featureCount}, median ${stats(loads).median.toFixed(0)} ms, longest main-thread task max ${Math.max(...longest).toFixed(0)} ms; through the picker: median ${stats(picked).median.toFixed(0)} ms, longest task max ${Math.max(...pickedLongest).toFixed(0)} ms`);
      fs.rmSync(path.join(gen, 'import.csv'));
    });
    if (want('points')) await attempt('points', async () => {
      const { ctx, page } = await newPage();
      await page.goto(`${base}/bench/`);
      await page.waitForFunction(() => window.bench?.ready);
      await page.evaluate((n) => window.bench.makePoints(n), SIZES.deckPoints);
      // warm-up: shader compilation of both layer types
      let contextAttributes = null;
      for (const mode of ['accessor', 'binary', 'scatterplot-binary']) ({ contextAttributes } = await page.evaluate((m) => window.bench.deckBuild(m), mode));
      const bin = [], binIssued = [], acc = [], accIssued = [], build = [], redraw = [], stock = [], stockRedraw = [];
      for (let k = 0; k < RUNS; k++) {
        const b = await page.evaluate(() => window.bench.deckBuild('binary'));
        bin.push(b.firstFrameMs);
        binIssued.push(b.issuedMs);
        build.push(b.buildMs);
        redraw.push(b.redrawMs);
        const a = await page.evaluate(() => window.bench.deckBuild('accessor'));
        acc.push(a.firstFrameMs);
        accIssued.push(a.issuedMs);
        // deck.gl's instanced ScatterplotLayer is ~20× slower on SwiftShader: 3 runs are enough
        if (k < 3) {
          const st = await page.evaluate(() => window.bench.deckBuild('scatterplot-binary'));
          stock.push(st.firstFrameMs);
          stockRedraw.push(st.redrawMs);
        }
      }
      await ctx.close();
      results.points = {
        deck: {
          points: SIZES.deckPoints,
          // antialias (multisampling) and preserveDrawingBuffer as the app's map canvas has them
          drawingBuffer: contextAttributes && { antialias: contextAttributes.antialias, preserveDrawingBuffer: contextAttributes.preserveDrawingBuffer },
          binaryFirstFrame: summary(bin),
          binaryIssued: summary(binIssued),
          binaryAttributeBuild: summary(build),
          binaryRedraw: summary(redraw),
          accessorFirstFrame: summary(acc),
          accessorIssued: summary(accIssued),
          // the target compares building the attributes: to the frame being issued, before rasterising
          ratio: stats(accIssued).median / stats(binIssued).median,
          firstFrameRatio: stats(acc).median / stats(bin).median,
          scatterplotBinaryFirstFrame: summary(stock),
          scatterplotBinaryRedraw: summary(stockRedraw),
        },
        app: [],
      };
      results.points.appFailures = [];
      log(`points (deck page, ${SIZES.deckPoints}): binary issued ${stats(binIssued).median.toFixed(0)} ms (arrays ${stats(build).median.toFixed(0)} ms), drawn ${stats(bin).median.toFixed(0)} ms, redraw ${stats(redraw).median.toFixed(0)} ms; accessor issued ${stats(accIssued).median.toFixed(0)} ms, drawn ${stats(acc).median.toFixed(0)} ms; stock ScatterplotLayer drawn ${stats(stock).median.toFixed(0)} ms, redraw ${stats(stockRedraw).median.toFixed(0)} ms`);
      for (const n of SIZES.points) await attempt(`points-app-${n}`, async () => {
        const dir = path.join(gen, `pts${n}`);
        pointsPack(dir, n);
        const loads = [], p95s = [], p95sEvery = [], rebuilds = [], longest = [], sampled = [];
        const appRuns = n >= 1_000_000 ? 3 : RUNS;
        for (let k = 0; k < appRuns; k++) {
          const { ctx, page } = await openApp();
          const r = await page.evaluate(async (url) => {
            const t = performance.now();
            await window.mtmap.loadPack(url);
            await window.mtmap.whenIdle();
            // deck.gl is imported on first use: wait until it draws the layer, then a frame
            for (let i = 0; i < 600 && !window.mtmap.listLayers().some((l) => l.renderer === 'deck'); i++) await new Promise((r) => setTimeout(r, 10));
            await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
            return { ms: performance.now() - t, t, layers: window.mtmap.listLayers() };
          }, `${base}/gen/pts${n}/manifest.json`);
          loads.push(r.ms);
          longest.push(await longestSince(page, r.t));
          // the same pan with the app's sample while moving (its default, DeckPoints) and with every
          // point in every frame, in the same page, the order alternating between runs
          const panOnce = (sampling) => page.evaluate(async (sampling) => {
            window.mtmap.debug.setDeckMotionSampling(sampling);
            const movesBefore = window.mtmap.debug.deckMotionSample().moves;
            const m = window.mtmap.map;
            const before = window.mtmap.debug.deckAttributeBuilds();
            const c0 = m.getCenter();
            const deltas = [];
            let last = performance.now();
            const start = performance.now();
            await new Promise((resolve) => {
              let f = 0;
              const tick = (t) => {
                if (t - start > 15000) return resolve(); // bounded on a slow machine
                if (f > 0) deltas.push(t - last);
                last = t;
                f++;
                if (f <= 60) m.jumpTo({ center: [c0.lng + 0.006 * f, c0.lat + 0.002 * Math.sin(f / 10)] });
                else if (f <= 80) m.jumpTo({ zoom: m.getZoom() + (f <= 70 ? 0.1 : -0.1) });
                else return resolve();
                requestAnimationFrame(tick);
              };
              requestAnimationFrame(tick);
            });
            await window.mtmap.whenIdle();
            // back to the start, and wait until every point is drawn again
            m.jumpTo({ center: c0, zoom: m.getZoom() });
            for (let i = 0; i < 1000 && window.mtmap.debug.deckMotionSample().now; i++) await new Promise((r) => setTimeout(r, 10));
            await window.mtmap.whenIdle();
            window.mtmap.debug.setDeckMotionSampling(true);
            const s = [...deltas].sort((a, b) => a - b);
            // no second frame within the 15 s bound: the one frame took all of it
            return { p95: s.length ? s[Math.floor(s.length * 0.95)] : performance.now() - start, frames: deltas.length, rebuilds: window.mtmap.debug.deckAttributeBuilds() - before, sampledMoves: window.mtmap.debug.deckMotionSample().moves - movesBefore };
          }, sampling);
          const first = k % 2 === 0;
          const a = await panOnce(first);
          const b = await panOnce(!first);
          const [pan, every] = first ? [a, b] : [b, a];
          p95s.push(pan.p95);
          p95sEvery.push(every.p95);
          sampled.push(pan.sampledMoves);
          rebuilds.push(pan.rebuilds, every.rebuilds);
          if (k === 0) log(`  app ${n} pts: renderer ${r.layers.find((l) => l.id === 'pts')?.renderer}, features ${r.layers.find((l) => l.id === 'pts')?.featureCount}`);
          await ctx.close();
        }
        results.points.app.push({ points: n, loadToIdle: summary(loads), panP95FrameMs: summary(p95s), panP95FrameMsEveryPoint: summary(p95sEvery), sampledWhileMoving: Math.min(...sampled) > 0, attributeRebuildsDuringPanZoom: Math.max(...rebuilds), longestMainTaskDuringLoadMs: Math.max(...longest) });
        log(`  app ${n} pts: load→idle median ${stats(loads).median.toFixed(0)} ms, pan p95 ${stats(p95s).median.toFixed(1)} ms (every point: ${stats(p95sEvery).median.toFixed(1)} ms; sampled: ${sampled.join(',')}), rebuilds ${Math.max(...rebuilds)}, longest task ${Math.max(...longest).toFixed(0)} ms`);
        if (n !== SIZES.points.at(-1) || !want('memory')) fs.rmSync(dir, { recursive: true });
      });
    });
    if (want('polygons') || want('memory')) {
      const dir = path.join(gen, 'polys');
      fs.mkdirSync(dir, { recursive: true });
      const layer = polygonLayerFile(dir, SIZES.polygons);
      writeManifest(dir, [layer]);
      if (want('polygons')) await attempt('polygons', async () => {
        const loads = [], longest = [], hoverP95 = [], dragP95 = [];
        for (let k = 0; k < RUNS; k++) {
          const { ctx, page } = await openApp();
          const r = await page.evaluate(async (url) => {
            const t = performance.now();
            await window.mtmap.loadPack(url);
            await window.mtmap.whenIdle();
            return { ms: performance.now() - t, t };
          }, `${base}/gen/polys/manifest.json`);
          loads.push(r.ms);
          longest.push(await longestSince(page, r.t));
          // pan + hover: mouse drags and moves, frame deltas sampled by rAF
          await page.evaluate(() => { window.__d = []; let l = performance.now(); const f = (t) => { window.__d.push(t - l); l = t; if (!window.__stop) requestAnimationFrame(f); }; requestAnimationFrame(f); });
          await page.mouse.move(640, 360);
          await page.mouse.down();
          for (let i = 0; i < 20; i++) await page.mouse.move(640 - i * 15, 360 - i * 5);
          await page.mouse.up();
          // the drag alone (the map moving: outlines left out, MapView.onMotion), then with the hovers
          dragP95.push(await page.evaluate(() => { const s = window.__d.slice(1).sort((a, b) => a - b); return s[Math.floor(s.length * 0.95)] ?? 0; }));
          for (let i = 0; i < 20; i++) await page.mouse.move(300 + i * 30, 200 + i * 10);
          const p95 = await page.evaluate(() => { window.__stop = true; const s = window.__d.slice(1).sort((a, b) => a - b); return s[Math.floor(s.length * 0.95)] ?? 0; });
          hoverP95.push(p95);
          await ctx.close();
        }
        // the same file imported by the user (mtmap.importFiles, as the file input does): parsed
        // by the import worker, which keeps its tiles; the bytes are fetched first, untimed
        const imports = [], importLongest = [];
        for (let k = 0; k < RUNS; k++) {
          const { ctx, page, r } = await importInFreshPage(`${base}/gen/polys/polygons.geojson`, 'polygons.geojson', { deck: false });
          if (r.layers !== 1) throw new Error(`polygon import made ${r.layers} layers`);
          imports.push(r.ms);
          importLongest.push(await longestSince(page, r.t));
          await ctx.close();
        }
        results.polygons = {
          polygons: SIZES.polygons,
          verticesPerPolygon: SIZES.polyVertices,
          bytes: fs.statSync(path.join(dir, 'polygons.geojson')).size,
          loadToIdle: summary(loads),
          longestMainTaskMs: summary(longest),
          panHoverP95FrameMs: summary(hoverP95),
          dragP95FrameMs: summary(dragP95),
          importToIdle: summary(imports),
          importLongestMainTaskMs: summary(importLongest),
        };
        log(`polygons: ${SIZES.polygons}, load→idle median ${stats(loads).median.toFixed(0)} ms, longest task median ${stats(longest).median.toFixed(0)} ms, pan/hover p95 ${stats(hoverP95).median.toFixed(0)} ms; import→idle median ${stats(imports).median.toFixed(0)} ms, longest task median ${stats(importLongest).median.toFixed(0)} ms`);
      });
      if (want('memory')) await attempt('memory', async () => {
        const n = SIZES.points.at(-1);
        const pdir = path.join(gen, 'mem');
        fs.mkdirSync(pdir, { recursive: true });
        if (!fs.existsSync(path.join(gen, `pts${n}`, 'points.csv'))) pointsPack(path.join(gen, `pts${n}`), n);
        fs.renameSync(path.join(gen, `pts${n}`, 'points.csv'), path.join(pdir, 'points.csv'));
        fs.renameSync(path.join(dir, 'polygons.geojson'), path.join(pdir, 'polygons.geojson'));
        writeManifest(pdir, [{ ...layer }, { id: 'pts', title: 'Points', group: 'g', file: 'points.csv', format: 'csv', coordinates: { lon: 'lon', lat: 'lat' }, geometry: 'point', style: { type: 'single', color: '#1b7837', radius: 3 }, provenance: { source: 'generated' } }]);
        const { ctx, page } = await newPage();
        const cdp = await ctx.newCDPSession(page);
        await cdp.send('Performance.enable');
        await page.goto(`${base}/`);
        await page.waitForFunction(() => window.mtmap);
        await page.evaluate(() => window.mtmap.whenIdle());
        let peak = 0, running = true;
        const poll = (async () => {
          while (running) {
            const { metrics } = await cdp.send('Performance.getMetrics');
            peak = Math.max(peak, metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0);
            await new Promise((r) => setTimeout(r, 100));
          }
        })();
        const t = performance.now();
        await page.evaluate((url) => window.mtmap.loadPack(url).then(() => window.mtmap.whenIdle()), `${base}/gen/mem/manifest.json`);
        const loadMs = performance.now() - t;
        const layers = await page.evaluate(() => window.mtmap.listLayers().map((l) => ({ id: l.id, featureCount: l.featureCount, renderer: l.renderer })));
        await new Promise((r) => setTimeout(r, 500));
        running = false;
        await poll;
        const after = await page.evaluate(() => performance.memory?.usedJSHeapSize ?? null);
        await ctx.close();
        results.memory = { points: n, polygons: SIZES.polygons, peakJsHeapBytes: peak, jsHeapAfterLoadBytes: after, loadMs, layers };
        log(`memory: peak main-thread JS heap ${(peak / 2 ** 20).toFixed(0)} MiB (load ${loadMs.toFixed(0)} ms)`);
      });
    }
    if (want('startup')) await attempt('startup', async () => {
      const times = [], breakdowns = [];
      let chunks = [];
      for (let k = 0; k < RUNS; k++) {
        const { ctx, page } = await newPage();
        const js = [];
        page.on('request', (req) => { const u = new URL(req.url()); if (u.pathname.endsWith('.js') && u.host.startsWith('127.0.0.1')) js.push(u.pathname); });
        await page.goto(`${base}/`);
        await page.waitForFunction(() => window.mtmap);
        // where the time goes: scripts loaded, DOMContentLoaded, pack files loaded, main-thread long tasks
        const b = await page.evaluate(async () => {
          await window.mtmap.whenIdle();
          const idle = performance.now();
          const nav = performance.getEntriesByType('navigation')[0];
          const res = performance.getEntriesByType('resource');
          const end = (re) => Math.max(0, ...res.filter((r) => re.test(new URL(r.name).pathname)).map((r) => r.responseEnd));
          const tasks = window.__longTasks.filter((e) => e.start < idle);
          return { idle, domContentLoaded: nav?.domContentLoadedEventEnd ?? 0, scriptsLoaded: end(/\.js$/), packFilesLoaded: end(/\.(geojson|csv)$|manifest\.json$/), fontsLoaded: end(/\.(woff2?|pbf)$/), longTaskTotal: tasks.reduce((s, e) => s + e.duration, 0), longTaskMax: tasks.reduce((m, e) => Math.max(m, e.duration), 0), longTaskCount: tasks.length };
        });
        const ms = b.idle;
        times.push(ms);
        breakdowns.push(b);
        if (k === 0) chunks = [...new Set(js)].map((p) => { const buf = fs.readFileSync(path.join(dist, p)); return { path: p, bytes: buf.length, gzipBytes: zlib.gzipSync(buf, { level: 9 }).length }; });
        await ctx.close();
      }
      const distJs = fs.readdirSync(path.join(dist, 'assets')).filter((f) => f.endsWith('.js')).map((f) => { const buf = fs.readFileSync(path.join(dist, 'assets', f)); return { path: `/assets/${f}`, bytes: buf.length, gzipBytes: zlib.gzipSync(buf, { level: 9 }).length }; });
      results.startup = { initialChunks: chunks, initialGzipBytes: chunks.reduce((s, c) => s + c.gzipBytes, 0), allChunks: distJs, navigationToIdle: summary(times), breakdown: Object.fromEntries(Object.keys(breakdowns[0] ?? {}).map((k) => [k, summary(breakdowns.map((b) => b[k]))])) };
      log(`startup: initial JS ${(results.startup.initialGzipBytes / 1024).toFixed(1)} KiB gz in ${chunks.length} chunks; navigation→idle median ${stats(times).median.toFixed(0)} ms`);
    });
  } finally {
    await browser.close();
    server.close();
  }
}

const results = { smoke: SMOKE, machine: machine(), sizes: SIZES, runs: RUNS };
log(`bench${SMOKE ? ' (smoke)' : ''} on ${results.machine.cpu}, ${results.machine.cores} cores, node ${process.version}, ${results.machine.chromium}`);
try {
  await nodeBenches(results);
  if (['csv', 'import', 'points', 'polygons', 'startup', 'memory'].some(want)) await browserBenches(results);
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
results.failures = failures;
results.totalSeconds = (performance.now() - t0All) / 1000;
// Each benchmark compares its subject with its baseline inside its own run, so a subset can be
// rerun and merged into the full results (--only … --merge); `ranAt` records when each one ran.
const BENCHMARKS = ['csv', 'import', 'points', 'polygons', 'join', 'stats', 'startup', 'memory'];
results.ranAt = Object.fromEntries(BENCHMARKS.filter((b) => results[b]).map((b) => [b, results.machine.date]));
let out = results;
const docsJson = path.join(root, 'docs/benchmarks.json');
if (MERGE) {
  const prev = JSON.parse(fs.readFileSync(docsJson, 'utf8'));
  const prevRanAt = prev.ranAt ?? Object.fromEntries(BENCHMARKS.filter((b) => prev[b]).map((b) => [b, prev.machine.date]));
  out = { ...prev, machine: results.machine, ranAt: { ...prevRanAt, ...results.ranAt } };
  for (const b of BENCHMARKS) if (results[b]) out[b] = results[b];
  const rerun = new Set(BENCHMARKS.filter((b) => results[b]));
  out.failures = [...(prev.failures ?? []).filter((f) => !rerun.has(f.benchmark.split('-')[0])), ...failures];
  out.totalSeconds = prev.totalSeconds;
  out.mergedSeconds = { ...(prev.mergedSeconds ?? {}), [results.machine.date]: results.totalSeconds };
}
const jsonPath = SMOKE ? path.join(root, 'test-results/bench-smoke.json') : ONLY && !MERGE ? path.join(root, 'test-results/bench-partial.json') : docsJson;
fs.mkdirSync(path.dirname(jsonPath), { recursive: true });
fs.writeFileSync(jsonPath, JSON.stringify(out, null, 1));
if (jsonPath === docsJson) writeMarkdown(out, path.join(root, 'docs/benchmarks.md'));
else writeMarkdown(out, jsonPath.replace(/\.json$/, '.md'));
log(`wrote ${path.relative(root, jsonPath)} in ${results.totalSeconds.toFixed(0)} s`);

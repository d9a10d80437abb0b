// CPU profile of navigation → map idle (default pack): self time by script and by function.
// Build first (npx vite build --outDir /tmp/dist-x), then:
//   MT_PROFILE_DIST=/tmp/dist-x MT_PROFILE_PORT=4395 node scripts/bench/profile_startup.mjs
// Used to find what dominates start-up (see docs/benchmarks.md, Startup).
const PORT = Number(process.env.MT_PROFILE_PORT ?? 4395);
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
const srv = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort', '--outDir', process.env.MT_PROFILE_DIST ?? 'dist'], { cwd: new URL('../..', import.meta.url).pathname, stdio: 'ignore', detached: true });
await new Promise((r) => setTimeout(r, 4000));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--ignore-gpu-blocklist'] });
const ctx = await browser.newContext({ viewport: { width: 1280, height: 720 } });
const page = await ctx.newPage();
const cdp = await ctx.newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
await cdp.send('Profiler.start');
await page.goto(`http://127.0.0.1:${PORT}/`);
await page.waitForFunction(() => window.mtmap);
const idle = await page.evaluate(async () => { await window.mtmap.whenIdle(); return performance.now(); });
const { profile } = await cdp.send('Profiler.stop');
const dt = new Map(); const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
for (let i = 0; i < profile.samples.length; i++) dt.set(profile.samples[i], (dt.get(profile.samples[i]) ?? 0) + (profile.timeDeltas[i] ?? 0));
const byFn = new Map(), byFile = new Map();
for (const [id, us] of dt) { const n = nodes.get(id); const cf = n.callFrame; const k = `${cf.functionName || '(anon)'} ${cf.url.split('/').pop()}:${cf.lineNumber}`; byFn.set(k, (byFn.get(k) ?? 0) + us); const f = cf.url.split('/').pop() || cf.functionName; byFile.set(f, (byFile.get(f) ?? 0) + us); }
console.log('idle', idle.toFixed(0));
console.log([...byFile].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([k, v]) => `${(v / 1000).toFixed(0)}ms ${k}`).join('\n'));
console.log('--');
console.log([...byFn].sort((a, b) => b[1] - a[1]).slice(0, 20).map(([k, v]) => `${(v / 1000).toFixed(0)}ms ${k}`).join('\n'));
await browser.close(); process.kill(-srv.pid);

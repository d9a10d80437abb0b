#!/usr/bin/env node
// `npm test`: type check, lint (ESLint, with the import boundaries), unit tests (Vitest), production build, then e2e tests (Playwright)
// against that build. Ends with one summary line of the counts both runners reported.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

const run = (cmd, args, env = {}) => {
  console.log(`\n$ ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status ?? 1;
};

fs.mkdirSync('test-results', { recursive: true });
const steps = [];
steps.push(['typecheck', run('npx', ['tsc', '--noEmit'])]);
steps.push(['lint', run('npx', ['eslint', '.'])]);
steps.push(['unit', run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile=test-results/unit-results.json'])]);
// MT_E2E_DIST (with MT_E2E_PORT) keeps this run's build apart from another run on the machine
const build = run('npx', ['vite', 'build', ...(process.env.MT_E2E_DIST ? ['--outDir', process.env.MT_E2E_DIST, '--emptyOutDir'] : [])]);
steps.push(['build', build]);
if (build === 0) steps.push(['e2e', run('npx', ['playwright', 'test'])]);

const counts = { passed: 0, failed: 0, skipped: 0 };
try {
  const unit = JSON.parse(fs.readFileSync('test-results/unit-results.json', 'utf8'));
  counts.passed += unit.numPassedTests ?? 0;
  counts.failed += unit.numFailedTests ?? 0;
  counts.skipped += (unit.numPendingTests ?? 0) + (unit.numTodoTests ?? 0);
} catch {
  counts.failed += 1;
}
try {
  // playwright.config.ts names its output after MT_E2E_PORT when one is set
  const e2eOut = process.env.MT_E2E_PORT ? `test-results/e2e-${process.env.MT_E2E_PORT}` : 'test-results/e2e';
  const e2e = JSON.parse(fs.readFileSync(`${e2eOut}-results.json`, 'utf8'));
  counts.passed += e2e.stats?.expected ?? 0;
  counts.failed += (e2e.stats?.unexpected ?? 0) + (e2e.stats?.flaky ?? 0);
  counts.skipped += e2e.stats?.skipped ?? 0;
} catch {
  if (build === 0) counts.failed += 1;
}
const failedSteps = steps.filter(([, code]) => code !== 0).map(([name]) => name);
console.log(`\nSteps: ${steps.map(([n, c]) => `${n} ${c === 0 ? 'ok' : 'FAILED'}`).join(', ')}`);
console.log(`Tests: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
process.exit(failedSteps.length > 0 || counts.failed > 0 ? 1 : 0);

import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumExecutable } from './tests/e2e/browser';

// MT_E2E_PORT and MT_E2E_DIST let two runs share a machine without sharing a server or a build.
const PORT = Number(process.env.MT_E2E_PORT ?? 4173);
const DIST = process.env.MT_E2E_DIST ?? 'dist';
// Playwright empties its output folder at start, so a second run on another port gets its own.
const OUT = process.env.MT_E2E_PORT ? `test-results/e2e-${PORT}` : 'test-results/e2e';

// e2e tests drive the production build (vite build, then vite preview) in headless Chromium.
export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: OUT,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: `${OUT}-results.json` }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}/`,
    viewport: { width: 1366, height: 768 },
    deviceScaleFactor: 1,
    locale: 'vi-VN',
    launchOptions: { executablePath: chromiumExecutable(), args: CHROMIUM_ARGS },
    screenshot: 'only-on-failure',
    // Specs test fresh loads and route requests, which a service worker would answer instead;
    // offline.spec.ts allows it. MT_E2E_SW=allow runs every spec with the service worker.
    serviceWorkers: process.env.MT_E2E_SW === 'allow' ? 'allow' : 'block',
    trace: 'off',
  },
  webServer: {
    command: `npx vite preview --host 127.0.0.1 --port ${PORT} --strictPort --outDir ${DIST}`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});

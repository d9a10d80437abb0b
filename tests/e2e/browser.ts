import fs from 'node:fs';

// Which Chromium the e2e tests drive, in this order:
//  1. MT_CHROMIUM (or CHROMIUM_PATH): an explicit executable;
//  2. Playwright's own Chromium, when `npx playwright install chromium` has put one in place;
//  3. Debian's /usr/bin/chromium (`apt-get install chromium`), the one these machines use.

const SYSTEM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export function chromiumExecutable(): string | undefined {
  const explicit = process.env.MT_CHROMIUM ?? process.env.CHROMIUM_PATH;
  if (explicit) {
    if (!fs.existsSync(explicit)) throw new Error(`MT_CHROMIUM=${explicit} does not exist`);
    return explicit;
  }
  if (playwrightChromiumInstalled()) return undefined; // let Playwright use its own
  const system = SYSTEM_CANDIDATES.find((p) => fs.existsSync(p));
  if (!system) {
    throw new Error('No Chromium found: set MT_CHROMIUM, run `npx playwright install chromium`, or `apt-get install chromium`.');
  }
  return system;
}

function playwrightChromiumInstalled(): boolean {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { chromium } = require('@playwright/test') as typeof import('@playwright/test');
    return fs.existsSync(chromium.executablePath());
  } catch {
    return false;
  }
}

/** Software WebGL (SwiftShader) so the map renders on machines without a GPU. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--ignore-gpu-blocklist',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

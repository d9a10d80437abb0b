/// <reference types="vite-plugin-pwa/vanillajs" />
import type { AppStore } from '../state/store';
import { mountUpdatePrompt, type UpdatePrompt } from '../ui/update_prompt';

// Offline after first load (issue 16 §8). The service worker is Workbox's, generated at build
// by vite-plugin-pwa (scripts/vite-offline.ts); this module registers it in the production
// build only (not on the vite dev server, not in unit tests), offers a waiting update through
// the update prompt, and tells scripts when the page is offline-ready (mtmap.offline.ready()).

export interface OfflineController {
  /**
   * Resolves true once a service worker is active and controls this page. A Workbox worker
   * becomes active only after its install stored every precache entry, so the app, the
   * default pack, fonts and the offline basemap are then all cached. Resolves false where
   * there is no service worker: dev server, unit tests, no browser support, or a failed
   * registration (e.g. a page not served from localhost or https).
   */
  ready(): Promise<boolean>;
}

export interface OfflineOptions {
  store: AppStore;
  /** Where the update prompt is mounted (the map area). */
  container: HTMLElement;
  /** Seconds between update checks while the page stays open (only when online). */
  updateCheckSeconds?: number;
  /**
   * Registration waits for what this returns (main.ts: the first pack drawn), so the precache
   * download does not compete with the app's own first load on a slow connection.
   */
  after?: () => Promise<unknown>;
}

const NOT_AVAILABLE: OfflineController = { ready: () => Promise.resolve(false) };

export function setupOffline(opts: OfflineOptions): OfflineController {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return NOT_AVAILABLE;
  const sw = navigator.serviceWorker;
  let registrationFailed: (v: false) => void = () => {};
  const failed = new Promise<false>((resolve) => (registrationFailed = resolve));

  // Set when the user pressed Update; only then may the page reload. If another tab applied
  // the update, this page is left as it is and keeps offering the reload.
  let userAsked = false;
  let replacedUnderUs = false;
  let reloading = false;
  const reload = () => {
    if (reloading) return;
    reloading = true;
    window.location.reload();
  };
  // whichever worker takes over after the user asked (also one registered by another tab)
  sw.addEventListener('controllerchange', () => {
    if (userAsked) reload();
  });
  let updateSW: (() => Promise<void>) | null = null;
  let prompt: UpdatePrompt | null = null;
  const showPrompt = () => {
    prompt ??= mountUpdatePrompt(opts.container, {
      store: opts.store,
      onUpdate: () => {
        userAsked = true;
        if (replacedUnderUs || !updateSW) reload();
        else void updateSW();
      },
    });
    prompt.show();
  };

  Promise.resolve()
    .then(() => opts.after?.())
    .catch(() => {})
    .then(() => import('virtual:pwa-register'))
    .then(
      ({ registerSW }) => {
        const update = registerSW({
          immediate: true,
          onNeedRefresh: showPrompt,
          // the new worker took control (clientsClaim): reload only if this page asked for it
          onNeedReload: () => {
            if (userAsked) reload();
            else {
              replacedUnderUs = true;
              showPrompt();
            }
          },
          onRegisteredSW: (_url, registration) => {
            if (!registration) return;
            const every = (opts.updateCheckSeconds ?? 3600) * 1000;
            window.setInterval(() => {
              if (navigator.onLine && !registration.installing) registration.update().catch(() => {});
            }, every);
          },
          onRegisterError: () => registrationFailed(false),
        });
        updateSW = () => update(true);
      },
      () => registrationFailed(false),
    );

  const controlled = (async () => {
    const registration = await sw.ready;
    const active = registration.active;
    if (active && active.state !== 'activated') {
      await new Promise<void>((resolve) => {
        const onChange = () => {
          if (active.state === 'activated' || active.state === 'redundant') {
            active.removeEventListener('statechange', onChange);
            resolve();
          }
        };
        active.addEventListener('statechange', onChange);
      });
    }
    if (!sw.controller) await new Promise<void>((resolve) => sw.addEventListener('controllerchange', () => resolve(), { once: true }));
    return true;
  })();
  const ready = Promise.race([controlled, failed]);
  return { ready: () => ready };
}

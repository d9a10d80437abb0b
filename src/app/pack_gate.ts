import type { AppStore } from '../state/store';
import { checkPackUrl } from '../catalog/pack_origins';
import type { AskOrigin } from '../ui/origin_dialog';

// Every way a pack URL arrives (?pack=, a project file, mtmap.loadPack) goes through here
// before a byte is fetched: the origin rule of catalog/pack_origins.ts, then the loader.

export interface PackGateDeps {
  store: AppStore;
  load(url: string): Promise<boolean>;
  ask: AskOrigin;
  appHref(): string;
  allowList: readonly string[];
  /** Whether the page's Content-Security-Policy lets it fetch the URL (catalog/pack_origins.ts). */
  policyAllows(url: string): boolean;
}

/** `declined`: refused by the rule or cancelled by the user, so nothing was fetched. */
export type GateOutcome = { ok: boolean; declined: boolean };

export function createPackGate(deps: PackGateDeps): (url: string) => Promise<GateOutcome> {
  return async (raw) => {
    const check = checkPackUrl(raw, deps.appHref(), deps.allowList);
    const { pushMessage } = deps.store.getState();
    if (check.kind === 'refused') {
      pushMessage('error', { key: check.reason === 'scheme' ? 'origin.refusedScheme' : 'origin.refusedInvalid', params: { url: check.url } });
      return { ok: false, declined: true };
    }
    if (check.kind === 'ask' && !(await deps.ask({ host: check.host, url: check.url }))) {
      pushMessage('info', { key: 'origin.cancelled', params: { host: check.host } });
      return { ok: false, declined: true };
    }
    if (!deps.policyAllows(check.url)) {
      // the browser would refuse the request: say why rather than report a network failure
      pushMessage('error', { key: 'origin.blockedByPolicy', params: { host: check.kind === 'ask' ? check.host : new URL(check.url).host } });
      return { ok: false, declined: true };
    }
    return { ok: await deps.load(check.url), declined: false };
  };
}

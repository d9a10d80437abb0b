import type { AppStore } from '../state/store';
import { localize, t } from '../i18n/i18n';
import { clear, h } from './dom';
import { shallowTuple } from './layer_panel';
import { formatLonLat, formatTm3 } from '../io/coord_format';

// Cursor coordinates in WGS 84 and VN-2000 / TM-3 103°, plus the pack's notice. proj4 is
// loaded on the first mouse move, so it stays out of the start-up bundle.

type Tm3 = typeof import('../io/crs');

export interface StatusBar {
  setCursor(lngLat: { lng: number; lat: number } | null): void;
  unmount(): void;
}

export function mountStatusBar(el: HTMLElement, store: AppStore): StatusBar {
  const wgs = h('output', { class: 'coords', id: 'cursor-wgs84' });
  const vn = h('output', { class: 'coords', id: 'cursor-vn2000' });
  const wgsLabel = h('span', { class: 'coords-label' });
  const vnLabel = h('span', { class: 'coords-label' });
  const notice = h('p', { class: 'notice', id: 'pack-notice' });
  el.append(h('div', { class: 'coords-box' }, wgsLabel, wgs, vnLabel, vn), notice);
  let crs: Tm3 | null = null;
  let loading = false;
  let last: { lng: number; lat: number } | null = null;

  const show = () => {
    const lang = store.getState().lang;
    if (!last) {
      wgs.textContent = '–';
      vn.textContent = '–';
      return;
    }
    wgs.textContent = formatLonLat(last.lng, last.lat, lang, 'decimal');
    if (crs) {
      const p = crs.toTm3(last.lng, last.lat, 103);
      vn.textContent = formatTm3(p.x_northing, p.y_easting, lang);
    } else if (!loading) {
      loading = true;
      void import('../io/crs').then((m) => {
        crs = m;
        show();
      });
    }
  };

  const applyLang = () => {
    const { lang, pack } = store.getState();
    wgsLabel.textContent = t(lang, 'status.wgs84');
    vnLabel.textContent = t(lang, 'status.vn2000');
    el.setAttribute('aria-label', t(lang, 'status.cursor'));
    notice.textContent = pack.manifest?.notice ? localize(pack.manifest.notice, lang) : t(lang, 'status.notice');
    show();
  };
  const unsub = store.subscribe((s) => [s.lang, s.pack.manifest] as const, applyLang, { equalityFn: shallowTuple });
  applyLang();
  return {
    setCursor(lngLat) {
      last = lngLat;
      show();
    },
    unmount() {
      unsub();
      clear(el);
    },
  };
}

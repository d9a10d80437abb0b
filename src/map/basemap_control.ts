import type { Map as MapLibreMap } from 'maplibre-gl';
import type { AppStore } from '../state/store';
import { t } from '../i18n/i18n';
import { BASEMAP_LABEL_LAYER, ONLINE_LAYER, ONLINE_SOURCE, onlineBasemap, onlineSource } from './basemaps';

// The basemap under the pack: the offline countries, or an online raster. No network is the
// normal case here, so an online basemap whose tiles keep failing, or never arrive, falls back
// to the offline one with a message.

const ONLINE_FAILURE_ERRORS = 3;
const ONLINE_FAILURE_TIMEOUT_MS = 10000;

export class BasemapControl {
  private watch: { errors: number; loaded: boolean; timer: number } | null = null;

  constructor(
    private readonly map: MapLibreMap,
    private readonly store: AppStore,
  ) {
    map.on('error', (e) => {
      const watch = this.watch;
      if (!watch || (e as { sourceId?: string }).sourceId !== ONLINE_SOURCE) return;
      watch.errors++;
      if (!watch.loaded && watch.errors >= ONLINE_FAILURE_ERRORS) this.fail();
    });
    map.on('sourcedata', (e) => {
      if (this.watch && e.sourceId === ONLINE_SOURCE && e.tile) this.watch.loaded = true;
    });
  }

  /** Shows the store's basemap (call once the style is loaded). */
  apply(): void {
    const id = this.store.getState().basemap;
    if (this.watch) window.clearTimeout(this.watch.timer);
    this.watch = null;
    if (this.map.getLayer(ONLINE_LAYER)) this.map.removeLayer(ONLINE_LAYER);
    if (this.map.getSource(ONLINE_SOURCE)) this.map.removeSource(ONLINE_SOURCE);
    const online = onlineBasemap(id);
    this.map.setLayoutProperty('basemap-countries', 'visibility', online ? 'none' : 'visible');
    if (!online) return;
    this.map.addSource(ONLINE_SOURCE, onlineSource(online));
    this.map.addLayer({ id: ONLINE_LAYER, type: 'raster', source: ONLINE_SOURCE }, 'basemap-borders');
    // if tiles keep failing and none arrives, go back
    const watch = {
      errors: 0,
      loaded: false,
      timer: window.setTimeout(() => {
        if (this.watch === watch && !watch.loaded) this.fail();
      }, ONLINE_FAILURE_TIMEOUT_MS),
    };
    this.watch = watch;
  }

  /** Country names in the store's language (call once the style is loaded). */
  applyLang(): void {
    const lang = this.store.getState().lang;
    this.map.setLayoutProperty(BASEMAP_LABEL_LAYER, 'text-field', ['get', lang === 'vi' ? 'name_vi' : 'name_en']);
  }

  private fail(): void {
    const s = this.store.getState();
    const name = t(s.lang, `basemap.${s.basemap}` as 'basemap.osm');
    s.setBasemap('offline');
    s.pushMessage('warning', { key: 'basemap.failed', params: { name } });
  }
}

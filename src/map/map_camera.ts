import type { Map as MapLibreMap } from 'maplibre-gl';
import { bbox } from '@turf/turf';
import type { Feature } from 'geojson';
import type { PackManifest } from '../catalog/manifest_types';
import type { AppStore } from '../state/store';
import { tableBounds } from '../io/point_table';

// Where the map looks: the camera shared links carry, flights for slides, and fitting to a
// commune, a layer or the pack. A camera asked for before its pack is on screen waits, and
// wins over the pack's own framing when the pack arrives.

/** Camera as zoom / lat / lng, the form shared links use. */
export interface CameraState {
  zoom: number;
  lat: number;
  lng: number;
}

export class MapCamera {
  /** A camera from a shared link, used instead of the pack's framing when the pack arrives. */
  private pending: CameraState | null = null;

  /** `packOnScreen`: the style is loaded and the store's pack is the one the map shows. */
  constructor(
    private readonly map: MapLibreMap,
    private readonly store: AppStore,
    private readonly packOnScreen: () => boolean,
  ) {}

  get(): CameraState {
    if (this.pending) return this.pending;
    const c = this.map.getCenter();
    return { zoom: this.map.getZoom(), lat: c.lat, lng: c.lng };
  }

  set(camera: CameraState): void {
    if (this.packOnScreen()) this.map.jumpTo({ zoom: camera.zoom, center: [camera.lng, camera.lat] });
    else this.pending = camera;
  }

  /** Flies to a camera (slides), or jumps when the user prefers reduced motion. */
  flyTo(camera: CameraState): void {
    const reduce = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
    const target = { zoom: camera.zoom, center: [camera.lng, camera.lat] as [number, number] };
    if (reduce) this.map.jumpTo(target);
    else this.map.flyTo({ ...target, duration: 1600, essential: true });
  }

  /** A pack has just come on screen: the waiting camera if there is one, else the pack's bounds. */
  frame(manifest: PackManifest | null): void {
    if (this.pending) {
      const { zoom, lat, lng } = this.pending;
      this.map.jumpTo({ zoom, center: [lng, lat] });
      this.pending = null;
    } else if (manifest) {
      const [w, s, e, n] = manifest.bounds;
      this.map.fitBounds([w, s, e, n], { padding: 20, duration: 0 });
    }
  }

  fitToPack(animate: boolean): void {
    const bounds = this.store.getState().pack.manifest?.bounds;
    if (bounds) this.map.fitBounds([bounds[0], bounds[1], bounds[2], bounds[3]], { padding: 40, duration: animate ? 1600 : 0 });
  }

  fitToFeature(feature: Feature): void {
    const [w, s, e, n] = bbox(feature);
    this.map.fitBounds([w, s, e, n], { padding: 60, duration: 600, maxZoom: 13 });
  }

  fitToLayer(layerId: string): void {
    const entry = this.store.getState().layerData[layerId];
    const box = entry?.points ? tableBounds(entry.points) : entry?.data && entry.data.features.length > 0 ? bbox(entry.data) : null;
    if (!box) return;
    const [w, s, e, n] = box;
    this.map.fitBounds([w, s, e, n], { padding: 40, duration: 600, maxZoom: 14 });
  }
}

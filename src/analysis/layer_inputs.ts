import type { FeatureCollection } from 'geojson';
import type { LayerSpec, PackManifest } from '../catalog/manifest_types';
import type { PointTable } from '../io/point_table';

// What analysis reads about the layers on screen, as plain data. The store's state has this
// shape and is passed as it is, but analysis does not import the store: arrows point down
// (state may import analysis types, never the other way).

/** One layer's loaded data: its features, or a large point layer held as typed columns. */
export interface LayerSource {
  status: 'loading' | 'ready' | 'error';
  data: FeatureCollection | null;
  points?: PointTable;
}

export interface LayerInputs {
  pack: { manifest: PackManifest | null };
  /** Layers the user brought in, drawn after the pack's. */
  userLayers: readonly LayerSpec[];
  layerData: Record<string, LayerSource>;
  /** The active boundary set's id. */
  boundarySet: string | null;
}

/** The pack's layers, then the user's: the same order as the store's `allLayers`. */
export function inputLayers(input: Pick<LayerInputs, 'pack' | 'userLayers'>): LayerSpec[] {
  const pack = input.pack.manifest?.layers ?? [];
  return input.userLayers.length === 0 ? pack : [...pack, ...input.userLayers];
}

import type { Map as MapLibreMap } from 'maplibre-gl';

// Every label (pack labels and country names) scaled for projectors; 1 = as styled. Each
// symbol layer's own size is remembered the first time, so scaling twice does not compound.

export class LabelScale {
  private scale = 1;
  private readonly baseTextSize = new Map<string, number>();

  constructor(private readonly map: MapLibreMap) {}

  /** Keeps the scale; applies it now when the style is loaded, else with the next `reapply`. */
  set(scale: number, styleReady: boolean): void {
    this.scale = scale;
    if (!styleReady) return;
    for (const layer of this.map.getStyle().layers ?? []) {
      if (layer.type !== 'symbol') continue;
      const base = this.baseTextSize.get(layer.id) ?? (this.map.getLayoutProperty(layer.id, 'text-size') as number | undefined) ?? 13;
      this.baseTextSize.set(layer.id, base);
      this.map.setLayoutProperty(layer.id, 'text-size', typeof base === 'number' ? base * scale : base);
    }
  }

  /** Layers were added: their labels take the current scale. */
  reapply(): void {
    if (this.scale !== 1) this.set(this.scale, true);
  }
}

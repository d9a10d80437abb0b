import type { DeckSync } from './deck_sync';

// What the automation API (window.mtmap) and the benchmarks read about deck.gl's point layers,
// and the one switch they flip; kept apart so the drawing code does not grow a test surface.

export class MapDebug {
  constructor(private readonly deck: DeckSync) {}

  /** How many times point attributes were built; benchmarks check pan/zoom never rebuild. */
  get attributeBuilds(): number {
    return this.deck.points?.attributeBuilds ?? 0;
  }

  get warmedUp(): boolean {
    return this.deck.points?.warmedUp ?? false;
  }

  uploadedAhead(): string[] {
    return this.deck.points?.uploadedAhead() ?? [];
  }

  motionSample(): { moves: number; now: boolean; layers: string[] } {
    const deck = this.deck.points;
    return { moves: deck?.sampledMoves ?? 0, now: deck?.drawingSample ?? false, layers: deck?.sampled() ?? [] };
  }

  /** Benchmarks compare panning with and without the sample (DeckPoints.motionSampling). */
  setMotionSampling(on: boolean): boolean {
    return this.deck.setMotionSampling(on);
  }
}

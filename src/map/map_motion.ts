/**
 * Tells when the map starts moving and when it stands still again, for layers that draw a
 * lighter version of themselves while it moves (deck.gl's large point layers draw a sample,
 * large polygon layers leave out their outlines). On software WebGL a frame of such a layer
 * takes up to seconds; the lighter frames keep a pan responsive, and the whole layer comes back
 * once the map stops.
 *
 * Still means: no gesture held, and no move for `settleMs` and for two animation frames. Frames
 * count, not only time: on software WebGL the wait for one frame's rasterising can be longer
 * than the settle time, with the main thread idle, and a timer alone fired between two frames
 * of the same pan, which then drew the whole layer at every other frame.
 */

/** The map's side of it (a MapLibre map). */
export interface MovingMap {
  on(type: 'move', listener: () => void): unknown;
  off(type: 'move', listener: () => void): unknown;
  isMoving(): boolean;
}

export interface MotionClock {
  now(): number;
  nextFrame(callback: () => void): void;
}

const browserClock: MotionClock = {
  now: () => performance.now(),
  nextFrame: (callback) => requestAnimationFrame(() => callback()),
};

export const MOTION_SETTLE_MS = 300;

export class MapMotion {
  private movingNow = false;
  private frames = 0;
  private lastMove = { frame: 0, at: 0 };
  private readonly listeners = new Set<(moving: boolean) => void>();

  constructor(
    private readonly map: MovingMap,
    private readonly settleMs = MOTION_SETTLE_MS,
    private readonly clock: MotionClock = browserClock,
  ) {
    map.on('move', this.onMove);
  }

  /** Whether the map is moving (or stood still for less than the settle time). */
  get moving(): boolean {
    return this.movingNow;
  }

  /** Calls `listener(true)` as a move starts and `listener(false)` once the map is still; returns an unsubscribe. */
  subscribe(listener: (moving: boolean) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  destroy(): void {
    this.map.off('move', this.onMove);
    this.listeners.clear();
    this.movingNow = false;
  }

  private readonly onMove = (): void => {
    this.lastMove = { frame: this.frames, at: this.clock.now() };
    if (this.movingNow) return;
    this.movingNow = true;
    for (const listener of [...this.listeners]) listener(true);
    this.clock.nextFrame(this.watch);
  };

  private readonly watch = (): void => {
    this.frames++;
    if (!this.movingNow) return;
    const still = this.frames - this.lastMove.frame >= 2 && this.clock.now() - this.lastMove.at >= this.settleMs && !this.map.isMoving();
    if (!still) {
      this.clock.nextFrame(this.watch);
      return;
    }
    this.movingNow = false;
    for (const listener of [...this.listeners]) listener(false);
  };
}

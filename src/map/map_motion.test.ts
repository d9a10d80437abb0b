import { describe, expect, it } from 'vitest';
import { MapMotion, type MotionClock } from './map_motion';

/** A map that moves when told, and a clock whose frames and time advance by hand. */
function setUp() {
  const moveListeners = new Set<() => void>();
  let gestureHeld = false;
  const map = {
    on: (_: 'move', l: () => void) => moveListeners.add(l),
    off: (_: 'move', l: () => void) => moveListeners.delete(l),
    isMoving: () => gestureHeld,
  };
  let time = 0;
  let pending: Array<() => void> = [];
  const clock: MotionClock = { now: () => time, nextFrame: (cb) => pending.push(cb) };
  const motion = new MapMotion(map, 300, clock);
  const events: boolean[] = [];
  motion.subscribe((moving) => events.push(moving));
  return {
    motion,
    events,
    move: () => moveListeners.forEach((l) => l()),
    /** One animation frame, `ms` after the previous one. */
    frame: (ms: number) => {
      time += ms;
      const run = pending;
      pending = [];
      run.forEach((cb) => cb());
    },
    hold: (held: boolean) => (gestureHeld = held),
    listeners: () => moveListeners.size,
  };
}

describe('MapMotion', () => {
  it('reports a start at the first move and one stop once the map has been still for the settle time and two frames', () => {
    const m = setUp();
    m.move();
    expect(m.events).toEqual([true]);
    expect(m.motion.moving).toBe(true);
    m.move();
    m.move();
    expect(m.events).toEqual([true]);
    m.frame(16);
    m.frame(16);
    expect(m.motion.moving).toBe(true); // two frames, but only 32 ms
    for (let i = 0; i < 17; i++) m.frame(16);
    expect(m.events).toEqual([true, false]);
    expect(m.motion.moving).toBe(false);
  });

  it('stays moving through slow frames of one pan: a move in every frame, each frame over the settle time', () => {
    const m = setUp();
    m.move();
    for (let i = 0; i < 10; i++) {
      m.frame(1200);
      m.move();
    }
    expect(m.events).toEqual([true]);
    // the pan ends: one more slow frame is not enough, the second is
    m.frame(1200);
    expect(m.motion.moving).toBe(true);
    m.frame(1200);
    expect(m.events).toEqual([true, false]);
  });

  it('waits for a held gesture (a drag paused with the button down)', () => {
    const m = setUp();
    m.move();
    m.hold(true);
    for (let i = 0; i < 10; i++) m.frame(100);
    expect(m.motion.moving).toBe(true);
    m.hold(false);
    m.frame(100);
    expect(m.events).toEqual([true, false]);
  });

  it('starts again at the next move, and stops listening when destroyed', () => {
    const m = setUp();
    m.move();
    for (let i = 0; i < 5; i++) m.frame(100);
    m.move();
    for (let i = 0; i < 5; i++) m.frame(100);
    expect(m.events).toEqual([true, false, true, false]);
    m.motion.destroy();
    expect(m.listeners()).toBe(0);
  });
});

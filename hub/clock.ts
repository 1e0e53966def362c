// The hub's only source of "now": time-based rules (sessions, challenges, rate limits) read it so tests can move time.
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock tests set and advance by hand. */
export interface SettableClock extends Clock {
  set(at: Date): void;
  advance(ms: number): void;
}

export function settableClock(start: Date = new Date('2025-01-15T09:00:00Z')): SettableClock {
  let current = start.getTime();
  return {
    now: () => new Date(current),
    set: (at) => { current = at.getTime(); },
    advance: (ms) => { current += ms; },
  };
}

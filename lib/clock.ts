/** The one source of "now" for services: real time in the platform, a fixed or stepped time in tests. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that always says `at` (tests). */
export const fixedClock = (at: Date | string): Clock => {
  const time = new Date(at);
  return { now: () => new Date(time) };
};

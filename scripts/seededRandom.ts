/** A small seeded generator of numbers in [0, 1) (mulberry32): a run with the same seed sees the same numbers. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * The seed of a randomized run: `value` (e.g. an environment variable such as `TAIYAKU_CRASH_SEED`) when given, else a
 * fresh random one. Print it, so that a failing run can be replayed with the same numbers. A `value` that is not a
 * non-negative integer is an error rather than silently a different run.
 */
export function chooseSeed(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return Math.floor(Math.random() * 1_000_000);
  const seed = Number(value);
  if (!Number.isSafeInteger(seed) || seed < 0) {
    throw new Error(`A seed is a non-negative integer, not ${JSON.stringify(value)}.`);
  }
  return seed;
}

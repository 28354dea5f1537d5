import { describe, expect, it } from 'vitest';
import { chooseSeed, mulberry32 } from './seededRandom';

describe('mulberry32', () => {
  it('gives the same numbers in [0, 1) for the same seed, and others for another seed', () => {
    const take = (seed: number) => Array.from({ length: 5 }, mulberry32(seed));
    expect(take(42)).toEqual(take(42));
    expect(take(42)).not.toEqual(take(43));
    for (const value of take(7)) {
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThan(1);
    }
  });
});

describe('chooseSeed', () => {
  it('takes a given seed, and picks a fresh one when none is given', () => {
    expect(chooseSeed('20240501')).toBe(20_240_501);
    expect(chooseSeed(' 7 ')).toBe(7);
    for (const none of [undefined, '', '  ']) {
      expect(Number.isSafeInteger(chooseSeed(none))).toBe(true);
    }
  });

  it('refuses a seed that is not a non-negative integer', () => {
    for (const bad of ['abc', '1.5', '-3', '1e400']) {
      expect(() => chooseSeed(bad)).toThrow(/non-negative integer/);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { createRequestLedger } from './requestLedger';

describe('the request ledger', () => {
  it('runs a request id once and answers a retry with the original answer', async () => {
    const ledger = createRequestLedger();
    let runs = 0;
    const work = async () => ++runs;
    expect(await ledger.once('/p', 'request-1', work)).toBe(1);
    expect(await ledger.once('/p', 'request-1', work)).toBe(1);
    expect(await ledger.once('/p', 'request-2', work)).toBe(2);
    expect(runs).toBe(2);
  });

  it('makes a retry racing the original wait for it instead of running again', async () => {
    const ledger = createRequestLedger();
    let runs = 0;
    let finish!: (value: string) => void;
    const work = () => {
      runs += 1;
      return new Promise<string>((resolve) => (finish = resolve));
    };
    const original = ledger.once('/p', 'request-1', work);
    const retry = ledger.once('/p', 'request-1', work);
    finish('done');
    expect(await Promise.all([original, retry])).toEqual(['done', 'done']);
    expect(runs).toBe(1);
  });

  it('answers a retry of a failed request with the same error, synchronous throws included', async () => {
    const ledger = createRequestLedger();
    let runs = 0;
    const work = (): Promise<never> => {
      runs += 1;
      throw new Error('not open');
    };
    await expect(ledger.once('/p', 'request-1', work)).rejects.toThrow('not open');
    await expect(ledger.once('/p', 'request-1', work)).rejects.toThrow('not open');
    expect(runs).toBe(1);
  });

  it('keeps ids per project, runs requests without an id every time, and forgets the oldest beyond its bounds', async () => {
    const ledger = createRequestLedger(2, 2);
    let runs = 0;
    const work = async () => ++runs;
    await ledger.once('/a', 'same-id-1', work);
    await ledger.once('/b', 'same-id-1', work);
    expect(runs).toBe(2);
    await ledger.once('/a', undefined, work);
    await ledger.once('/a', undefined, work);
    expect(runs).toBe(4);
    await ledger.once('/a', 'request-2', work);
    await ledger.once('/a', 'request-3', work);
    expect(ledger.has('/a', 'same-id-1')).toBe(false);
    expect(ledger.has('/a', 'request-3')).toBe(true);
    await ledger.once('/c', 'request-1', work);
    // Three projects with a bound of two: the least recently used (/b) is forgotten.
    expect(ledger.has('/b', 'same-id-1')).toBe(false);
    expect(ledger.has('/a', 'request-2')).toBe(true);
  });
});

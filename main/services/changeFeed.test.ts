import { describe, expect, it, vi } from 'vitest';
import type { ProjectChangeEvent } from '../../core/ipc/contract';
import { createChangeFeed } from './changeFeed';

/** The revision an event carries (progress reports carry none). */
const revisionOf = (event: ProjectChangeEvent): number =>
  event.kind === 'progress' ? -1 : event.revision;

const settingsChange = (revision: number): ProjectChangeEvent => ({
  kind: 'settings',
  path: '/p.taiyaku',
  revision,
  settings: { mqmThreshold: 10 },
});

describe('the change feed', () => {
  it('hands every event to every subscriber in order, until it unsubscribes', () => {
    const feed = createChangeFeed();
    const first: number[] = [];
    const second: number[] = [];
    const stopFirst = feed.subscribe((event) => first.push(revisionOf(event)));
    feed.subscribe((event) => second.push(revisionOf(event)));
    expect(feed.size).toBe(2);
    feed.publish(settingsChange(1));
    stopFirst();
    feed.publish(settingsChange(2));
    expect(first).toEqual([1]);
    expect(second).toEqual([1, 2]);
    expect(feed.size).toBe(1);
  });

  it('keeps going when a subscriber throws', () => {
    const feed = createChangeFeed();
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const seen: number[] = [];
    feed.subscribe(() => {
      throw new Error('window gone');
    });
    feed.subscribe((event) => seen.push(revisionOf(event)));
    feed.publish(settingsChange(1));
    expect(seen).toEqual([1]);
    expect(error).toHaveBeenCalledOnce();
    error.mockRestore();
  });
});

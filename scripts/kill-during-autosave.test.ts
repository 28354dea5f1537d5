import { describe, expect, it } from 'vitest';
import { runCrashHarness } from './kill-during-autosave';

describe('crash safety (kill during autosave)', () => {
  it('a project killed 12 times mid-work always opens with all acknowledged work', async () => {
    const lines: string[] = [];
    const summary = await runCrashHarness({
      kills: 12,
      padding: 200_000,
      seed: 20_240_501,
      log: (line) => lines.push(line),
    });
    expect(summary.failures, lines.join('\n')).toEqual([]);
    expect(summary.finalAnnotationCount).toBeGreaterThan(12);
  }, 180_000);
});

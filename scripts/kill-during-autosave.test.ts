import { describe, expect, it } from 'vitest';
import { runCrashHarness } from './kill-during-autosave';

describe('crash safety (kill during autosave)', () => {
  it('a project killed 12 times mid-work always opens with all acknowledged work, and 4 times with journal faults loses no acknowledged change', async () => {
    const lines: string[] = [];
    const summary = await runCrashHarness({
      kills: 12,
      journalKills: 4,
      padding: 200_000,
      seed: 20_240_501,
      log: (line) => lines.push(line),
    });
    expect(summary.failures, lines.join('\n')).toEqual([]);
    expect(summary.finalAnnotationCount).toBeGreaterThan(12);
    expect(summary.journal).toMatchObject({ acknowledgedLost: 0, refusedPresent: 0 });
    expect(summary.journal?.acknowledged).toBeGreaterThan(0);
    expect(summary.journal?.refused).toBeGreaterThan(0);
  }, 180_000);
});

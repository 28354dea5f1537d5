// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { IpcCallError } from '../../ipc';
import { needsColumnsOf, suggestedColumns } from './columnChoice';

const question = {
  kind: 'needs-columns',
  fileName: 'terms.csv',
  reason: 'Two columns could be Japanese.',
  header: true,
  columns: [
    { index: 0, samples: ['id-1'] },
    { index: 1, samples: ['会議'], japaneseShare: 1 },
    { index: 2, samples: ['meeting'], japaneseShare: 0 },
  ],
};

describe('the column question of a table import', () => {
  it('is read from the error or from one of its fields', () => {
    const direct = new IpcCallError({ code: 'refused', message: 'choose', ...question } as never);
    expect(needsColumnsOf(direct)?.columns).toHaveLength(3);
    const nested = new IpcCallError({
      code: 'refused',
      message: 'choose',
      details: question,
    } as never);
    expect(needsColumnsOf(nested)?.fileName).toBe('terms.csv');
  });

  it('is null for any other error', () => {
    expect(needsColumnsOf(new IpcCallError({ code: 'failed', message: 'broken' }))).toBeNull();
    expect(needsColumnsOf(new Error('x'))).toBeNull();
  });

  it('suggests the most Japanese column for Japanese and the least for English', () => {
    expect(suggestedColumns(question)).toEqual({ english: 2, japanese: 1 });
    const flat = {
      columns: [
        { index: 0, samples: [] },
        { index: 1, samples: [] },
      ],
    };
    expect(suggestedColumns(flat)).toEqual({ english: 0, japanese: 1 });
  });
});

// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { suggestedColumns } from './columnChoice';

describe('the column picker', () => {
  it('suggests the most Japanese column for Japanese and the least for English, skipping columns without letters', () => {
    const columns = [
      { index: 0, samples: ['id-1'] },
      { index: 1, samples: ['会議'], japaneseShare: 1 },
      { index: 2, samples: ['meeting'], japaneseShare: 0 },
    ];
    expect(suggestedColumns({ columns })).toEqual({ english: 2, japanese: 1 });
  });

  it('falls back to the first two columns', () => {
    const columns = [
      { index: 0, samples: [] },
      { index: 1, samples: [] },
    ];
    expect(suggestedColumns({ columns })).toEqual({ english: 0, japanese: 1 });
  });
});

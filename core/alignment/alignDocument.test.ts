import { describe, expect, it } from 'vitest';
import { alignDocument, type AlignmentProgress } from './alignDocument';

const english =
  '1. The meeting opened. It was long.\n\n2. The report was read.\n\n3. The meeting closed.';
const japanese = '1. 会議が開かれた。長かった。\n\n2. 報告書が読まれた。\n\n3. 会議が閉じた。';

describe('alignDocument progress', () => {
  it('reports its steps in order, and each clause pair as it aligns it, without changing the result', () => {
    const seen: AlignmentProgress[] = [];
    const aligned = alignDocument(english, japanese, {}, {}, (progress) => seen.push(progress));
    expect(aligned).toEqual(alignDocument(english, japanese, {}));
    const total = aligned.clauseBeads.length;
    expect(total).toBeGreaterThan(1);
    expect(seen.map((progress) => progress.phase)).toEqual([
      'segmenting',
      'analysing',
      'clauses',
      ...Array.from({ length: total + 1 }, () => 'sentences'),
    ]);
    expect(seen.filter((progress) => progress.phase === 'sentences')).toEqual(
      Array.from({ length: total + 1 }, (_, done) => ({ phase: 'sentences', done, total })),
    );
  });
});

import { describe, expect, it } from 'vitest';
import { mergeSelection, sameSelection, type SelectedSpan } from './textSelection';

const english = (start: number, end: number, beads: number[]): SelectedSpan => ({
  side: 'source',
  start,
  end,
  beads,
});
const japanese = (start: number, end: number, beads: number[]): SelectedSpan => ({
  side: 'target',
  start,
  end,
  beads,
});

describe('mergeSelection', () => {
  it('keeps the counterpart on the other side when both spans share a row', () => {
    const merged = mergeSelection({ source: english(10, 18, [3]) }, japanese(40, 44, [3]));
    expect(merged).toEqual({ source: english(10, 18, [3]), target: japanese(40, 44, [3]) });
  });

  it('starts afresh when the new span is in another row', () => {
    const merged = mergeSelection({ source: english(10, 18, [1]) }, japanese(40, 44, [3]));
    expect(merged).toEqual({ target: japanese(40, 44, [3]) });
  });

  it('replaces the span on its own side', () => {
    const merged = mergeSelection(
      { source: english(10, 18, [3]), target: japanese(40, 44, [3]) },
      japanese(41, 43, [3]),
    );
    expect(merged).toEqual({ source: english(10, 18, [3]), target: japanese(41, 43, [3]) });
  });

  it('keeps the counterpart when a span over several rows shares one of them', () => {
    const merged = mergeSelection({ target: japanese(40, 44, [4]) }, english(0, 90, [3, 4]));
    expect(Object.keys(merged).sort()).toEqual(['source', 'target']);
  });
});

describe('sameSelection', () => {
  it('compares spans by offsets', () => {
    expect(sameSelection({ source: english(1, 2, [0]) }, { source: english(1, 2, [0]) })).toBe(
      true,
    );
    expect(sameSelection({ source: english(1, 2, [0]) }, { source: english(1, 3, [0]) })).toBe(
      false,
    );
    expect(sameSelection({}, { target: japanese(1, 2, [0]) })).toBe(false);
    expect(sameSelection({}, {})).toBe(true);
  });
});

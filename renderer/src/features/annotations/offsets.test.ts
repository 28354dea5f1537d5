import { describe, expect, it } from 'vitest';
import type { Segment } from '../../../../core/alignment/types';
import { segmentDisplayText } from '../../../../core/review/splitSentence';
import { displayMap, displayRange, originalEnd, originalStart, sliceHighlights } from './offsets';

function segmentOf(text: string, pieces: { start: number; end: number }[]): Segment {
  return {
    start: pieces[0]!.start,
    end: pieces[pieces.length - 1]!.end,
    text: segmentDisplayText(text, pieces),
    level: 'sentence',
    ...(pieces.length > 1 ? { pieces } : {}),
  };
}

describe('display ↔ original offsets', () => {
  it('is the identity shifted by the start for a plain sentence', () => {
    const text = 'Intro. A session was held.';
    const segment = segmentOf(text, [{ start: 7, end: 26 }]);
    const map = displayMap(text, segment);
    expect(segment.text).toBe('A session was held.');
    expect(originalStart(map, 2)).toBe(9);
    expect(originalEnd(map, 9)).toBe(16);
    expect(text.slice(originalStart(map, 14), originalEnd(map, 18))).toBe('held');
    expect(displayRange(map, 21, 25)).toEqual({ start: 14, end: 18 });
  });

  it('maps across a folded line break and across pieces joined over a page break', () => {
    const text = 'was\r\n  held at\n\f\nJ-Village.';
    const segment = segmentOf(text, [
      { start: 0, end: 14 },
      { start: 17, end: 27 },
    ]);
    expect(segment.text).toBe('was held at J-Village.');
    const map = displayMap(text, segment);
    // "held" is display 4..8, original 7..11.
    expect(text.slice(originalStart(map, 4), originalEnd(map, 8))).toBe('held');
    // Selecting "at J" crosses the page break: the original span keeps the break inside.
    const start = originalStart(map, 9);
    const end = originalEnd(map, 13);
    expect(text.slice(start, end)).toBe('at\n\f\nJ');
    expect(displayRange(map, start, end)).toEqual({ start: 9, end: 13 });
    // Whitespace at the edges of a selection is not quoted.
    expect(text.slice(originalStart(map, 3), originalEnd(map, 4))).toBe('');
    expect(text.slice(originalStart(map, 3), originalEnd(map, 9))).toBe('held');
  });

  it('keeps surrogate pairs and Japanese text unit for unit', () => {
    const text = '𠮷野家で会議が行われる。';
    const segment = segmentOf(text, [{ start: 0, end: text.length }]);
    const map = displayMap(text, segment);
    const at = text.indexOf('行われる');
    expect(text.slice(originalStart(map, at), originalEnd(map, at + 4))).toBe('行われる');
    expect(displayRange(map, 0, 2)).toEqual({ start: 0, end: 2 });
  });

  it('finds no range for a span outside the sentence, and a point inside it', () => {
    const text = 'One. Two.';
    const segment = segmentOf(text, [{ start: 5, end: 9 }]);
    const map = displayMap(text, segment);
    expect(displayRange(map, 0, 4)).toBeNull();
    expect(displayRange(map, 7, 7)).toEqual({ start: 2, end: 2 });
    expect(displayRange(map, 2, 2)).toBeNull();
    // A span that starts before the sentence is clipped to it.
    expect(displayRange(map, 0, 7)).toEqual({ start: 0, end: 2 });
  });
});

describe('sliceHighlights', () => {
  it('returns the whole text as one plain slice without highlights', () => {
    expect(sliceHighlights(5, [])).toEqual([{ start: 0, end: 5, ids: [] }]);
  });

  it('cuts overlapping highlights, the higher rank first', () => {
    const slices = sliceHighlights(10, [
      { id: 'minor', start: 1, end: 6, rank: 1 },
      { id: 'major', start: 4, end: 8, rank: 5 },
    ]);
    expect(slices).toEqual([
      { start: 0, end: 1, ids: [] },
      { start: 1, end: 4, ids: ['minor'] },
      { start: 4, end: 6, ids: ['major', 'minor'] },
      { start: 6, end: 8, ids: ['major'] },
      { start: 8, end: 10, ids: [] },
    ]);
  });

  it('puts the narrower of two equal-rank highlights first, and keeps points', () => {
    const slices = sliceHighlights(6, [
      { id: 'wide', start: 0, end: 6, rank: 1 },
      { id: 'narrow', start: 2, end: 3, rank: 1 },
      { id: 'point', start: 5, end: 5, rank: 0 },
    ]);
    expect(slices).toEqual([
      { start: 0, end: 2, ids: ['wide'] },
      { start: 2, end: 3, ids: ['narrow', 'wide'] },
      { start: 3, end: 5, ids: ['wide'] },
      { start: 5, end: 5, ids: ['point'] },
      { start: 5, end: 6, ids: ['wide'] },
    ]);
  });
});

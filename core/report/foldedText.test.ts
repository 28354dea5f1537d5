import { describe, expect, it } from 'vitest';
import { foldPiece, joinFolded } from './foldedText';

describe('joinFolded', () => {
  it('joins parts of any length (no spread of an unbounded array into a call)', () => {
    const long = 'a'.repeat(300_000);
    const joined = joinFolded(
      [foldPiece('x y', { start: 0, end: 3 }), foldPiece(long, { start: 0, end: long.length })],
      ' ',
    );
    expect(joined.text.length).toBe(300_004);
    expect(joined.offsets.length).toBe(joined.text.length + 1);
    expect(joined.offsets[4]).toBe(0);
  });
});

import { describe, expect, it } from 'vitest';
import { sample } from '../review/arbitraries.testkit';
import { assertAlignmentInvariants, checkAlignment } from './invariants';

describe('checkAlignment', () => {
  it('reports gaps, empty beads, bad clause beads and beads crossing clause beads', () => {
    const valid = sample().alignment;
    const gap = { ...valid, sentenceBeads: valid.sentenceBeads.filter((_, index) => index !== 1) };
    expect(checkAlignment(gap).join('\n')).toMatch(/index 2 where 1 was expected/);
    const empty = {
      ...valid,
      sentenceBeads: [
        ...valid.sentenceBeads,
        { sourceIndices: [], targetIndices: [], confidence: 1, clauseBead: 1 },
      ],
    };
    expect(checkAlignment(empty)).toContain('sentence bead 4 is empty');
    const crossing = {
      ...valid,
      sentenceBeads: valid.sentenceBeads.map((bead, index) =>
        index === 1 ? { ...bead, clauseBead: 1 } : bead,
      ),
    };
    expect(checkAlignment(crossing).join('\n')).toMatch(/outside clause bead 1/);
    const badConfidence = {
      ...valid,
      clauseBeads: valid.clauseBeads.map((bead) => ({ ...bead, confidence: 2 })),
    };
    expect(checkAlignment(badConfidence).join('\n')).toMatch(/confidence 2/);
    expect(() => assertAlignmentInvariants(gap)).toThrow(/invariants violated/);
  });
});

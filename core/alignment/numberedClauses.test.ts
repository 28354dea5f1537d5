import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pairNumberedClauses, splitNumberedClauses } from './numberedClauses';

const seed = (name: string) =>
  readFileSync(new URL(`../../fixtures/seed/${name}`, import.meta.url), 'utf8');

describe('splitNumberedClauses', () => {
  it("finds the seed summary record's 7 clauses and joins clause 4 across its page break", () => {
    const text = seed('summary-record.en.txt');
    const clauses = splitNumberedClauses(text);
    expect(clauses.map((clause) => clause.label)).toEqual([
      '1.',
      '2.',
      '3.',
      '4.',
      '5.',
      '6.',
      '7.',
    ]);
    const clause4 = clauses[3]!;
    expect(clause4.pieces).toHaveLength(2);
    expect(clause4.text).toContain('measures to enhance receptiveness');
    for (const clause of clauses) {
      expect(text.slice(clause.start, clause.end).startsWith(clause.label!)).toBe(true);
    }
  });
});

describe('pairNumberedClauses', () => {
  it('pairs the seed clause n with clause n and leaves the Japanese title unpaired', () => {
    const alignment = pairNumberedClauses(
      seed('summary-record.en.txt'),
      seed('summary-record.ja.txt'),
    );
    const paired = alignment.clauseBeads.filter(
      (bead) => bead.sourceIndices.length && bead.targetIndices.length,
    );
    expect(paired).toHaveLength(7);
    paired.forEach((bead, index) => {
      expect(alignment.source.clauses[bead.sourceIndices[0]!]!.label).toBe(`${index + 1}.`);
      expect(alignment.target.clauses[bead.targetIndices[0]!]!.label).toBe(`${index + 1}.`);
    });
    expect(alignment.clauseBeads[0]).toMatchObject({ sourceIndices: [], targetIndices: [0] });
  });
});

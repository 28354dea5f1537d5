import { beadSideIndices } from './beadFormat';
import type { Bead, DocumentAlignment, Segment } from './types';

/**
 * The invariants of a two-level alignment (see `checkAlignment`): every boundary that builds or receives an alignment
 * (the aligner, the review commands, realignment) checks them. Indices are 0-based; offsets UTF-16 code units.
 */

/** At most this many violations are listed; one broken bead tends to cascade. */
const MAX_VIOLATIONS = 20;

function checkSpans(
  name: string,
  segments: readonly Segment[],
  textLength: number,
  report: (message: string) => void,
): void {
  let previousEnd = 0;
  segments.forEach((segment, index) => {
    if (
      !Number.isInteger(segment.start) ||
      !Number.isInteger(segment.end) ||
      segment.start < 0 ||
      segment.end < segment.start ||
      segment.end > textLength
    ) {
      report(`${name} ${index} has span [${segment.start}, ${segment.end}) outside the text`);
    } else if (segment.start < previousEnd) {
      report(
        `${name} ${index} starts at ${segment.start}, before the previous one ends (${previousEnd})`,
      );
    }
    previousEnd = Math.max(previousEnd, segment.end);
  });
}

function checkCoverage(
  name: string,
  lists: readonly (readonly number[])[],
  count: number,
  report: (message: string) => void,
): void {
  let expected = 0;
  lists.forEach((indices, beadIndex) => {
    for (const index of indices) {
      if (index !== expected) {
        report(`${name} ${beadIndex} has index ${index} where ${expected} was expected`);
        expected = Number.isInteger(index) ? index + 1 : expected + 1;
      } else expected += 1;
    }
  });
  if (expected !== count) report(`${name}s cover ${expected} of ${count} segments`);
}

/**
 * Every violation of the alignment invariants, as readable messages (empty when the alignment is valid; at most 20).
 *
 * Invariants: segments lie inside their text, in order, without overlap; each sentence names a clause (0-based
 * `clauseIndex`), in non-decreasing order; clause beads and sentence beads are non-empty (not 0-0), each side's indices
 * ascending and contiguous, together covering every clause / sentence exactly once in order; confidence in [0, 1];
 * sentence beads name clause beads (0-based `clauseBead`) in non-decreasing order, and every sentence of a sentence bead
 * belongs to a clause of that clause bead (so a sentence bead never crosses a clause-bead boundary).
 */
export function checkAlignment(alignment: DocumentAlignment): string[] {
  const violations: string[] = [];
  const report = (message: string): void => {
    if (violations.length < MAX_VIOLATIONS) violations.push(message);
  };
  const sides = ['source', 'target'] as const;
  for (const side of sides) {
    const documentSide = alignment[side];
    checkSpans(`${side} clause`, documentSide.clauses, documentSide.text.length, report);
    checkSpans(`${side} sentence`, documentSide.sentences, documentSide.text.length, report);
    let previousClause = 0;
    documentSide.sentences.forEach((sentence, index) => {
      const clause = sentence.clauseIndex;
      if (
        clause === undefined ||
        !Number.isInteger(clause) ||
        clause < 0 ||
        clause >= documentSide.clauses.length
      ) {
        report(`${side} sentence ${index} names no valid clause (clauseIndex ${String(clause)})`);
        return;
      }
      if (clause < previousClause)
        report(`${side} sentence ${index} goes back to clause ${clause}`);
      previousClause = clause;
    });
  }
  const checkBead = (name: string, bead: Bead, index: number): void => {
    if (bead.sourceIndices.length + bead.targetIndices.length === 0)
      report(`${name} ${index} is empty`);
    if (!(bead.confidence >= 0 && bead.confidence <= 1)) {
      report(`${name} ${index} has confidence ${bead.confidence} outside [0, 1]`);
    }
  };
  alignment.clauseBeads.forEach((bead, index) => checkBead('clause bead', bead, index));
  alignment.sentenceBeads.forEach((bead, index) => checkBead('sentence bead', bead, index));
  for (const side of sides) {
    checkCoverage(
      `${side} clause bead`,
      alignment.clauseBeads.map((bead) => beadSideIndices(bead, side)),
      alignment[side].clauses.length,
      report,
    );
    checkCoverage(
      `${side} sentence bead`,
      alignment.sentenceBeads.map((bead) => beadSideIndices(bead, side)),
      alignment[side].sentences.length,
      report,
    );
  }
  let previousClauseBead = 0;
  alignment.sentenceBeads.forEach((bead, index) => {
    const clauseBead = alignment.clauseBeads[bead.clauseBead];
    if (!Number.isInteger(bead.clauseBead) || clauseBead === undefined) {
      report(`sentence bead ${index} names no valid clause bead (${bead.clauseBead})`);
      return;
    }
    if (bead.clauseBead < previousClauseBead) {
      report(`sentence bead ${index} goes back to clause bead ${bead.clauseBead}`);
    }
    previousClauseBead = bead.clauseBead;
    for (const side of sides) {
      const clauses = new Set(beadSideIndices(clauseBead, side));
      for (const sentenceIndex of beadSideIndices(bead, side)) {
        const clause = alignment[side].sentences[sentenceIndex]?.clauseIndex;
        if (clause !== undefined && !clauses.has(clause)) {
          report(
            `sentence bead ${index}: ${side} sentence ${sentenceIndex} is in clause ${clause}, ` +
              `outside clause bead ${bead.clauseBead}`,
          );
        }
      }
    }
  });
  return violations;
}

/** Throws an Error listing the violations when `alignment` breaks an invariant of `checkAlignment`. */
export function assertAlignmentInvariants(alignment: DocumentAlignment): void {
  const violations = checkAlignment(alignment);
  if (violations.length > 0) {
    throw new Error(`Alignment invariants violated:\n- ${violations.join('\n- ')}`);
  }
}

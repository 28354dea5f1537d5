import type {
  Bead,
  DocumentAlignment,
  DocumentSide,
  Segment,
  SentenceBead,
  Side,
} from '../alignment/types';

/** One side of an `AlignmentSpec`: its language and the sentences of each clause, in order. */
export interface SideSpec {
  /** BCP 47 tag; defaults to `en` for the source and `ja` for the target. */
  readonly lang?: string;
  /** `clauses[c]` lists the sentences of clause c; sentences must not start or end with whitespace. */
  readonly clauses: readonly (readonly string[])[];
  /** Put between sentences of a clause; defaults to a space for the source and nothing for the target. */
  readonly sentenceSeparator?: string;
}

/** A compact description of a two-level alignment, for tests, fixtures and demos. */
export interface AlignmentSpec {
  readonly source: SideSpec;
  readonly target: SideSpec;
  /** `[sourceClauseCount, targetClauseCount]` of each clause bead, in order. */
  readonly clauseBeads: readonly (readonly [number, number])[];
  /** `[sourceSentenceCount, targetSentenceCount]` of each sentence bead, in order. */
  readonly sentenceBeads: readonly (readonly [number, number])[];
  /** Confidence of every generated bead, in [0, 1]; defaults to 0.9. */
  readonly confidence?: number;
}

function buildSide(side: Side, spec: SideSpec): DocumentSide {
  const separator = spec.sentenceSeparator ?? (side === 'source' ? ' ' : '');
  const clauses: Segment[] = [];
  const sentences: Segment[] = [];
  let text = '';
  spec.clauses.forEach((clauseSentences, clauseIndex) => {
    if (clauseIndex > 0) text += '\n';
    const clauseStart = text.length;
    clauseSentences.forEach((sentence, index) => {
      if (index > 0) text += separator;
      const start = text.length;
      text += sentence;
      sentences.push({ start, end: text.length, text: sentence, level: 'sentence', clauseIndex });
    });
    clauses.push({
      start: clauseStart,
      end: text.length,
      text: text.slice(clauseStart),
      level: 'clause',
      label: `${clauseIndex + 1}.`,
    });
  });
  return { lang: spec.lang ?? (side === 'source' ? 'en' : 'ja'), text, clauses, sentences };
}

function runs(counts: readonly number[]): number[][] {
  let next = 0;
  return counts.map((count) => Array.from({ length: count }, () => next++));
}

/**
 * Builds a `DocumentAlignment` from sentences per clause and bead sizes: clauses one per line, sentences joined inside a
 * clause. Each sentence bead is placed in the clause bead of its first sentence. No validation here: run
 * `checkAlignment` on the result when the spec may be wrong.
 */
export function alignmentFromSentences(spec: AlignmentSpec): DocumentAlignment {
  const confidence = spec.confidence ?? 0.9;
  const source = buildSide('source', spec.source);
  const target = buildSide('target', spec.target);
  const sourceClauseRuns = runs(spec.clauseBeads.map(([count]) => count));
  const targetClauseRuns = runs(spec.clauseBeads.map(([, count]) => count));
  const clauseBeads: Bead[] = spec.clauseBeads.map((_, index) => ({
    sourceIndices: sourceClauseRuns[index]!,
    targetIndices: targetClauseRuns[index]!,
    confidence,
  }));
  const clauseBeadOf = (documentSide: DocumentSide, side: Side, sentence: number): number => {
    const clause = documentSide.sentences[sentence]?.clauseIndex ?? -1;
    return clauseBeads.findIndex((bead) =>
      (side === 'source' ? bead.sourceIndices : bead.targetIndices).includes(clause),
    );
  };
  const sourceRuns = runs(spec.sentenceBeads.map(([count]) => count));
  const targetRuns = runs(spec.sentenceBeads.map(([, count]) => count));
  const sentenceBeads: SentenceBead[] = spec.sentenceBeads.map((_, index) => {
    const sourceIndices = sourceRuns[index]!;
    const targetIndices = targetRuns[index]!;
    const clauseBead =
      sourceIndices.length > 0
        ? clauseBeadOf(source, 'source', sourceIndices[0]!)
        : clauseBeadOf(target, 'target', targetIndices[0] ?? -1);
    return { sourceIndices, targetIndices, confidence, clauseBead };
  });
  return { source, target, clauseBeads, sentenceBeads };
}

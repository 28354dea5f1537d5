import { createDictionaryTokenizer } from '../anchors/dictionaryTokenizer';
import { clauseLabelKey } from '../text/segmentClauses';
import { capSentenceLength } from './capSentences';
import { segmentDocument } from '../text/segmentDocument';
import {
  alignSentenceWindows,
  alignSentences,
  defaultAlignmentParameters,
  type AlignmentParameters,
  type ScoredBead,
} from './alignSentences';
import {
  KeyTable,
  englishFeatures,
  japaneseFeatures,
  type SentenceFeatures,
} from './lexicalFeatures';
import type { AlignmentResources, JapaneseTokenizer } from './resources';
import type { Bead, DocumentAlignment, DocumentSide, SentenceBead, TokenizerPath } from './types';

/** Options for {@link alignDocument}. */
export interface AlignDocumentOptions {
  /** Source language tag, default `en`. */
  readonly sourceLang?: string;
  /** Target language tag, default `ja`. */
  readonly targetLang?: string;
  /** Scoring parameters; default {@link defaultAlignmentParameters}. */
  readonly parameters?: AlignmentParameters;
}

/**
 * The steps of aligning a document, in order, for a progress display: `dictionaries` (loading the tokenizer's and
 * lexicon's data: reported by the Node side, which loads them), `segmenting` (clauses and sentences), `analysing`
 * (the Japanese morphology), `clauses` (pairing clauses), `sentences` (aligning the sentences inside each clause pair).
 */
export const ALIGNMENT_PHASES = [
  'dictionaries',
  'segmenting',
  'analysing',
  'clauses',
  'sentences',
] as const;

/** How far an alignment has got: its step, and for `sentences` how many of `total` clause pairs are done (else 0). */
export interface AlignmentProgress {
  readonly phase: (typeof ALIGNMENT_PHASES)[number];
  readonly done: number;
  readonly total: number;
}

/** Called as an alignment moves on (synchronously, from inside the aligner: keep it cheap). */
export type AlignmentProgressListener = (progress: AlignmentProgress) => void;

/**
 * Picks the Japanese word split: the morphological tokenizer given (kuromoji on the Node side) for any length of text,
 * else the lexicon longest-match split.
 * @returns the tokenizer and which path it is, for the alignment to report
 */
export function chooseTokenizer(resources: AlignmentResources): {
  readonly tokenizer: JapaneseTokenizer;
  readonly path: TokenizerPath;
} {
  if (resources.japaneseTokenizer)
    return { tokenizer: resources.japaneseTokenizer, path: 'morphological' };
  return { tokenizer: createDictionaryTokenizer(resources.lexicon), path: 'dictionary' };
}

/**
 * Aligns sentence lists that are already segmented (one string per sentence) at one level.
 * @param sourceSentences English sentences in order
 * @param targetSentences Japanese sentences in order
 * @returns beads over 0-based sentence indices, covering both lists exactly once in order, each with a confidence
 */
export function alignSentenceTexts(
  sourceSentences: readonly string[],
  targetSentences: readonly string[],
  resources: AlignmentResources,
  parameters: AlignmentParameters = defaultAlignmentParameters,
): ScoredBead[] {
  const keys = new KeyTable();
  const source = englishFeatures(sourceSentences, keys);
  const target = japaneseFeatures(
    targetSentences,
    chooseTokenizer(resources).tokenizer,
    keys,
    resources.lexicon,
  );
  return alignSentences(source, target, parameters);
}

/**
 * Segments and aligns an English document and its Japanese translation: clauses first (numbered labels that agree are
 * strong anchors), then sentences inside every clause bead.
 *
 * Stable entry point for the workspace. Pure: no I/O; pass the tokenizer and lexicon in `resources`
 * (`loadAlignmentResources()` on the Node side).
 * @param sourceText the English text as imported; offsets in the result are UTF-16 code units into it
 * @param targetText the Japanese text as imported
 * @returns the segmented sides, clause beads (over clause indices) and sentence beads (over sentence indices, each
 *   naming its clause bead); every bead has a confidence in [0, 1], low meaning "look here"
 */
export function alignDocument(
  sourceText: string,
  targetText: string,
  resources: AlignmentResources,
  options: AlignDocumentOptions = {},
  onProgress?: AlignmentProgressListener,
): DocumentAlignment {
  onProgress?.({ phase: 'segmenting', done: 0, total: 0 });
  // Text without sentence punctuation would make one enormous "sentence": split such sentences (capSentences.ts).
  const source = capSentenceLength(segmentDocument(sourceText, options.sourceLang ?? 'en'));
  const target = capSentenceLength(segmentDocument(targetText, options.targetLang ?? 'ja'));
  return alignSegmentedDocument(source, target, resources, options.parameters, onProgress);
}

/**
 * Aligns two already segmented sides (see {@link alignDocument}); used for presegmented input and by realignment.
 */
export function alignSegmentedDocument(
  source: DocumentSide,
  target: DocumentSide,
  resources: AlignmentResources,
  parameters: AlignmentParameters = defaultAlignmentParameters,
  onProgress?: AlignmentProgressListener,
): DocumentAlignment {
  onProgress?.({ phase: 'analysing', done: 0, total: 0 });
  const keys = new KeyTable();
  const sourceSentenceFeatures = englishFeatures(
    source.sentences.map((sentence) => sentence.text),
    keys,
  );
  const { tokenizer, path } = chooseTokenizer(resources);
  const targetSentenceFeatures = japaneseFeatures(
    target.sentences.map((sentence) => sentence.text),
    tokenizer,
    keys,
    resources.lexicon,
  );
  const sourceClauseFeatures = clauseFeatures(source, sourceSentenceFeatures, keys);
  const targetClauseFeatures = clauseFeatures(target, targetSentenceFeatures, keys);
  onProgress?.({ phase: 'clauses', done: 0, total: 0 });
  const clauseBeads = alignSentences(sourceClauseFeatures, targetClauseFeatures, parameters).map(
    publicBead,
  );
  const sentenceBeads = alignSentencesInClauses(
    source,
    target,
    clauseBeads,
    sourceSentenceFeatures,
    targetSentenceFeatures,
    parameters,
    onProgress,
  );
  return { source, target, clauseBeads, sentenceBeads, tokenizerPath: path };
}

/** Clause features: the union of its sentences' units, plus the normalised label as a unit of its own. */
function clauseFeatures(
  side: DocumentSide,
  sentenceFeatures: readonly SentenceFeatures[],
  keys: KeyTable,
): SentenceFeatures[] {
  const features = side.clauses.map((clause) => {
    const label = clauseLabelKey(clause.label);
    // A matching clause number is worth several content words.
    const labelUnits = label ? Array.from({ length: 4 }, () => [keys.intern(`c:${label}`)]) : [];
    return { length: 0, units: [...labelUnits] as number[][] };
  });
  side.sentences.forEach((sentence, index) => {
    const clause = features[sentence.clauseIndex ?? 0];
    if (!clause) return;
    clause.length += sentenceFeatures[index]!.length;
    // One by one: spreading a long list into push's arguments overflows the stack.
    for (const unit of sentenceFeatures[index]!.units as number[][]) clause.units.push(unit);
  });
  return features;
}

function publicBead(bead: ScoredBead): Bead {
  return {
    sourceIndices: bead.sourceIndices,
    targetIndices: bead.targetIndices,
    confidence: bead.confidence,
  };
}

/** Sentence indices of a side grouped by clause: [first, end) per clause. */
function sentenceRanges(side: DocumentSide): { first: number; end: number }[] {
  const ranges = side.clauses.map(() => ({ first: Number.POSITIVE_INFINITY, end: 0 }));
  side.sentences.forEach((sentence, index) => {
    const range = ranges[sentence.clauseIndex ?? 0];
    if (!range) return;
    range.first = Math.min(range.first, index);
    range.end = Math.max(range.end, index + 1);
  });
  return ranges.map((range) => (range.end === 0 ? { first: 0, end: 0 } : range));
}

/**
 * Runs the sentence-level alignment inside each clause bead.
 * @returns sentence beads over global sentence indices, in order
 */
export function alignSentencesInClauses(
  source: DocumentSide,
  target: DocumentSide,
  clauseBeads: readonly Bead[],
  sourceFeatures: readonly SentenceFeatures[],
  targetFeatures: readonly SentenceFeatures[],
  parameters: AlignmentParameters = defaultAlignmentParameters,
  onProgress?: AlignmentProgressListener,
): SentenceBead[] {
  const sourceRanges = sentenceRanges(source);
  const targetRanges = sentenceRanges(target);
  const spans = clauseBeads.map((clauseBead) => ({
    source: spanOf(clauseBead.sourceIndices, sourceRanges),
    target: spanOf(clauseBead.targetIndices, targetRanges),
  }));
  // One adaptation for the whole document: a clause pair holds too few sentences to move it (alignSentenceWindows).
  const windowBeads = alignSentenceWindows(
    sourceFeatures,
    targetFeatures,
    spans.map((span) => ({
      sourceStart: span.source.first,
      sourceEnd: span.source.end,
      targetStart: span.target.first,
      targetEnd: span.target.end,
    })),
    parameters,
    (done, total) => onProgress?.({ phase: 'sentences', done, total }),
  );
  const sentenceBeads: SentenceBead[] = [];
  const total = clauseBeads.length;
  clauseBeads.forEach((clauseBead, clauseBeadIndex) => {
    const { source: sourceSpan, target: targetSpan } = spans[clauseBeadIndex]!;
    for (const bead of windowBeads[clauseBeadIndex]!) {
      sentenceBeads.push({
        sourceIndices: bead.sourceIndices.map((index) => index + sourceSpan.first),
        targetIndices: bead.targetIndices.map((index) => index + targetSpan.first),
        // A sentence bead is no surer than the clause pair it sits in.
        confidence: Math.min(bead.confidence, Math.max(clauseBead.confidence, 0.5)),
        clauseBead: clauseBeadIndex,
      });
    }
  });
  onProgress?.({ phase: 'sentences', done: total, total });
  return sentenceBeads;
}

function spanOf(
  clauseIndices: readonly number[],
  ranges: readonly { first: number; end: number }[],
): { first: number; end: number } {
  let first = Number.POSITIVE_INFINITY;
  let end = 0;
  for (const clause of clauseIndices) {
    const range = ranges[clause]!;
    if (range.end > range.first) {
      first = Math.min(first, range.first);
      end = Math.max(end, range.end);
    }
  }
  return end === 0 ? { first: 0, end: 0 } : { first, end };
}

import type { DocumentAlignment } from '../alignment/types';
import { checkPair } from './checkPair';
import { medianLengthRatio } from './lengthCheck';
import type { CheckResources } from './pairAnalysis';
import { DEFAULT_CHECK_SETTINGS, type CheckSettings } from './settings';
import type { Finding } from './types';
import type { TextSpan } from '../alignment/types';
import type { Segment } from '../text/types';
import { checkConsistency } from './consistency';

/** A finding placed in a document: which sentence bead and clause it belongs to, with document offsets. */
export interface DocumentFinding extends Finding {
  /** 0-based index into `sentenceBeads`. */
  readonly bead: number;
  /** 1-based clause number (the clause bead's position), for people. */
  readonly clause: number;
  /** The clause label as written on the English side (`1.`), when there is one. */
  readonly clauseLabel?: string;
}

/** Sentences of one side joined into one string, with where each sentence starts in it. */
interface JoinedSide {
  readonly text: string;
  readonly starts: readonly number[];
  readonly segments: readonly Segment[];
}

function joinSide(segments: readonly Segment[], separator: string): JoinedSide {
  let text = '';
  const starts: number[] = [];
  for (const segment of segments) {
    if (text) text += separator;
    starts.push(text.length);
    text += segment.text;
  }
  return { text, starts, segments };
}

/** Moves a span in a joined side to document offsets (segment text folds line breaks one for one). */
function toDocument(span: TextSpan | undefined, joined: JoinedSide): TextSpan | undefined {
  if (!span) return undefined;
  let piece = 0;
  while (piece + 1 < joined.starts.length && joined.starts[piece + 1]! <= span.start) piece++;
  const segment = joined.segments[piece]!;
  const offset = segment.start - joined.starts[piece]!;
  return {
    start: Math.min(segment.end, span.start + offset),
    end: Math.min(segment.end, span.end + offset),
  };
}

/**
 * Checks every sentence bead of an aligned document. Beads with both sides are checked as pairs, with the document's
 * own median length ratio as the expected one when it has enough pairs; then the whole document for terms written two
 * ways. Spans are moved to document offsets (UTF-16 code units of the source and target texts).
 * @returns findings in bead order
 */
export function checkDocument(
  alignment: DocumentAlignment,
  resources: CheckResources,
  settings: CheckSettings = DEFAULT_CHECK_SETTINGS,
): DocumentFinding[] {
  const pairs = alignment.sentenceBeads.flatMap((bead, beadIndex) => {
    const source = bead.sourceIndices.map((index) => alignment.source.sentences[index]!);
    const target = bead.targetIndices.map((index) => alignment.target.sentences[index]!);
    if (source.length === 0 || target.length === 0) return [];
    const clauseIndex = source[0]!.clauseIndex ?? 0;
    const label = alignment.source.clauses[clauseIndex]?.label;
    return [
      {
        beadIndex,
        clause: bead.clauseBead + 1,
        label,
        english: joinSide(source, ' '),
        japanese: joinSide(target, ''),
      },
    ];
  });
  const documentRatio = medianLengthRatio(
    pairs.map(({ english, japanese }) => ({ en: english.text, ja: japanese.text })),
    settings.omission.documentMinimumPairs,
  );
  const placed: DocumentFinding[] = [];
  const place = (pair: (typeof pairs)[number], finding: Finding): void => {
    const en = toDocument(finding.en, pair.english);
    const ja = toDocument(finding.ja, pair.japanese);
    const { en: _en, ja: _ja, ...rest } = finding;
    placed.push({
      ...rest,
      ...(en ? { en } : {}),
      ...(ja ? { ja } : {}),
      bead: pair.beadIndex,
      clause: pair.clause,
      ...(pair.label ? { clauseLabel: pair.label } : {}),
    });
  };
  for (const pair of pairs)
    for (const finding of checkPair(
      pair.english.text,
      pair.japanese.text,
      resources,
      settings,
      documentRatio,
    ))
      place(pair, finding);
  for (const { pair, finding } of checkConsistency(
    pairs.map(({ english, japanese }) => ({ en: english.text, ja: japanese.text })),
    resources.glossary,
    settings.consistency,
  ))
    place(pairs[pair]!, finding);
  // Within a bead, pair findings keep their check order and consistency findings follow.
  return inBeadOrder(placed);
}

/**
 * Findings sorted by bead; within a bead they keep the order given (Array.prototype.sort is stable).
 * @returns a new array
 */
export function inBeadOrder(findings: readonly DocumentFinding[]): DocumentFinding[] {
  return [...findings].sort((a, b) => a.bead - b.bead);
}

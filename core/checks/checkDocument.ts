import type { DocumentAlignment } from '../alignment/types';
import { checkPair } from './checkPair';
import { medianLengthRatio } from './lengthCheck';
import type { CheckResources } from './pairAnalysis';
import { DEFAULT_CHECK_SETTINGS, type CheckSettings } from './settings';
import type { Finding } from './types';
import type { TextSpan } from '../alignment/types';

/** A finding placed in a document: which sentence bead and clause it belongs to, with document offsets. */
export interface DocumentFinding extends Finding {
  /** 0-based index into `sentenceBeads`. */
  readonly bead: number;
  /** 1-based clause number (the clause bead's position), for people. */
  readonly clause: number;
  /** The clause label as written on the English side (`1.`), when there is one. */
  readonly clauseLabel?: string;
}

/**
 * Checks every sentence bead of an aligned document. Beads with both sides are checked as pairs, with the document's
 * own median length ratio as the expected one when it has enough pairs; spans are moved to document offsets.
 * @returns findings in bead order
 */
export function checkDocument(
  alignment: DocumentAlignment,
  resources: CheckResources,
  settings: CheckSettings = DEFAULT_CHECK_SETTINGS,
): DocumentFinding[] {
  const beads = alignment.sentenceBeads.map((bead) => {
    const source = bead.sourceIndices.map((index) => alignment.source.sentences[index]!);
    const target = bead.targetIndices.map((index) => alignment.target.sentences[index]!);
    return { bead, source, target };
  });
  const documentRatio = medianLengthRatio(
    beads
      .filter(({ source, target }) => source.length > 0 && target.length > 0)
      .map(({ source, target }) => ({
        en: source.map((segment) => segment.text).join(' '),
        ja: target.map((segment) => segment.text).join(''),
      })),
    settings.omission.documentMinimumPairs,
  );
  const findings: DocumentFinding[] = [];
  beads.forEach(({ bead, source, target }, beadIndex) => {
    if (source.length === 0 || target.length === 0) return;
    // Join the sentences with one separator and remember where each starts, to map spans back.
    const join = (segments: typeof source, separator: string) => {
      let text = '';
      const starts: number[] = [];
      for (const segment of segments) {
        if (text) text += separator;
        starts.push(text.length);
        text += segment.text;
      }
      return { text, starts };
    };
    const english = join(source, ' ');
    const japanese = join(target, '');
    const toDocument = (
      span: TextSpan | undefined,
      joined: { starts: number[] },
      segments: typeof source,
    ): TextSpan | undefined => {
      if (!span) return undefined;
      let piece = 0;
      while (piece + 1 < joined.starts.length && joined.starts[piece + 1]! <= span.start) piece++;
      const segment = segments[piece]!;
      const offset = segment.start - joined.starts[piece]!;
      // Segment text folds line breaks to spaces one for one, so offsets inside a segment carry over.
      return {
        start: Math.min(segment.end, span.start + offset),
        end: Math.min(segment.end, span.end + offset),
      };
    };
    const clauseIndex = source[0]!.clauseIndex ?? 0;
    const label = alignment.source.clauses[clauseIndex]?.label;
    for (const finding of checkPair(
      english.text,
      japanese.text,
      resources,
      settings,
      documentRatio,
    )) {
      const en = toDocument(finding.en, english, source);
      const ja = toDocument(finding.ja, japanese, target);
      const { en: _en, ja: _ja, ...rest } = finding;
      findings.push({
        ...rest,
        ...(en ? { en } : {}),
        ...(ja ? { ja } : {}),
        bead: beadIndex,
        clause: bead.clauseBead + 1,
        ...(label ? { clauseLabel: label } : {}),
      });
    }
  });
  return findings;
}

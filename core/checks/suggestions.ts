import type { DocumentAlignment, Side, TextSpan } from '../alignment/types';
import { findingMessageIn } from './messagesJa';
import { beadsOfSpan, sentencesOfSpan } from '../review/anchoring';
import { createSelector, type Annotation, type AnnotationSelector } from '../review/annotation';
import { dismissalKey, type Dismissal, type DismissedQuote } from '../review/dismissals';
import { isMqmCategoryId, isSubtypeOf } from '../review/mqm';
import type { ReviewSession } from '../review/session';
import type { DocumentFinding } from './checkDocument';

/**
 * The checks' findings as suggestions in a review: which ones the reviewer has already dismissed or accepted, what a
 * dismissal records, and the annotation an accepted suggestion becomes. Spans are UTF-16 code units into the side's
 * original text (`DocumentFinding` offsets).
 */

/** The `origin.checkId` of the annotation made from a finding: its code, stable across versions. */
export function checkIdOfFinding(finding: Pick<DocumentFinding, 'code'>): string {
  return finding.code;
}

/** A finding's span on `side` (`source` is the English `en`, `target` the Japanese `ja`), if it has one. */
export function findingSpan(finding: DocumentFinding, side: Side): TextSpan | undefined {
  return side === 'source' ? finding.en : finding.ja;
}

/**
 * What a finding is about on one side, by text: the quoted span and the sentences it lies in (whitespace folded, as
 * segments display it). A side without a span records nothing when the other side has one (the span says which words,
 * and the row around it may change with the alignment); a finding with no span at all (a length finding) is about
 * its whole row, so both sides record the row's sentences, with an empty quote.
 */
function quoteOf(
  finding: DocumentFinding,
  alignment: DocumentAlignment,
  side: Side,
): DismissedQuote {
  const documentSide = alignment[side];
  const span = findingSpan(finding, side);
  if (!span) {
    if (finding.en || finding.ja) return { exact: '', context: '' };
    const bead = alignment.sentenceBeads[finding.bead];
    const indices = bead ? (side === 'source' ? bead.sourceIndices : bead.targetIndices) : [];
    return {
      exact: '',
      context: indices.map((index) => documentSide.sentences[index]!.text).join(' '),
    };
  }
  const holding = sentencesOfSpan(alignment, side, span.start, span.end).map(
    (index) => documentSide.sentences[index]!,
  );
  return {
    exact: documentSide.text.slice(span.start, span.end),
    context: holding.map((sentence) => sentence.text).join(' '),
  };
}

/**
 * The dismissal that hides `finding`, given the id and time (ISO 8601) the caller mints. It records the finding's texts,
 * never bead or sentence indices, so it still matches after a realignment or once the checks run again.
 */
export function dismissalOfFinding(
  finding: DocumentFinding,
  alignment: DocumentAlignment,
  id: string,
  dismissedAt: string,
): Dismissal {
  return {
    id,
    check: finding.check,
    code: finding.code,
    source: quoteOf(finding, alignment, 'source'),
    target: quoteOf(finding, alignment, 'target'),
    message: finding.message,
    dismissedAt,
  };
}

/** The `dismissalKey` a finding would have if it were dismissed: equal to that of a dismissal of the same words. */
export function findingKey(finding: DocumentFinding, alignment: DocumentAlignment): string {
  return dismissalKey({
    check: finding.check,
    code: finding.code,
    source: quoteOf(finding, alignment, 'source'),
    target: quoteOf(finding, alignment, 'target'),
  });
}

/** The dismissal of `dismissals` that hides `finding`, if any. */
export function dismissalMatching(
  finding: DocumentFinding,
  alignment: DocumentAlignment,
  dismissals: readonly Dismissal[],
): Dismissal | undefined {
  if (dismissals.length === 0) return undefined;
  const key = findingKey(finding, alignment);
  return dismissals.find((dismissal) => dismissalKey(dismissal) === key);
}

/**
 * The selectors of the annotation a finding becomes: one per side with a span; with no span on either side (a
 * length finding), the whole of the bead's English sentences, or its Japanese ones when it has no English.
 */
function selectorsOfFinding(
  finding: DocumentFinding,
  alignment: DocumentAlignment,
): AnnotationSelector[] {
  const selectors: AnnotationSelector[] = [];
  for (const side of ['source', 'target'] as const) {
    const span = findingSpan(finding, side);
    if (span) selectors.push(createSelector(side, alignment[side].text, span.start, span.end));
  }
  if (selectors.length > 0) return selectors;
  const bead = alignment.sentenceBeads[finding.bead];
  if (!bead) return selectors;
  const side: Side = bead.sourceIndices.length > 0 ? 'source' : 'target';
  const indices = side === 'source' ? bead.sourceIndices : bead.targetIndices;
  const sentences = indices.map((index) => alignment[side].sentences[index]!);
  if (sentences.length === 0) return selectors;
  return [
    createSelector(
      side,
      alignment[side].text,
      sentences[0]!.start,
      sentences[sentences.length - 1]!.end,
    ),
  ];
}

/** True when `annotation` was made from `finding` (same check code and the same spans), by accepting it. */
export function isAnnotationOfFinding(
  annotation: Annotation,
  finding: DocumentFinding,
  alignment: DocumentAlignment,
): boolean {
  if (annotation.origin.kind !== 'check' || annotation.origin.checkId !== checkIdOfFinding(finding))
    return false;
  const expected = selectorsOfFinding(finding, alignment);
  return (
    expected.length === annotation.selectors.length &&
    expected.every((selector) =>
      annotation.selectors.some(
        (other) =>
          other.side === selector.side &&
          other.start === selector.start &&
          other.end === selector.end,
      ),
    )
  );
}

/**
 * The sentence bead (0-based) a finding belongs to in `alignment`: the row holding its English span, else its Japanese
 * span, else the bead it was found in (when `alignment` still has it). Findings computed before an alignment edit are
 * placed by their text this way, so they never land on a wrong row while the checks run again.
 */
export function beadOfFinding(
  finding: DocumentFinding,
  alignment: DocumentAlignment,
): number | null {
  for (const side of ['source', 'target'] as const) {
    const span = findingSpan(finding, side);
    if (span) {
      const beads = beadsOfSpan(alignment, side, span.start, span.end);
      if (beads.length > 0) return beads[0]!;
    }
  }
  return finding.bead < alignment.sentenceBeads.length ? finding.bead : null;
}

/** Who an accepted suggestion's annotation names as its author. */
export const AUTOMATIC_CHECK_AUTHOR = 'Automatic check';

/**
 * The annotation an accepted finding becomes: its MQM category (with the `verb-tense` subtype for a tense finding),
 * severity, the message in `language` (the reviewer's interface language) as comment, open, raised by the check (`origin.kind` `check`). Undefined when the finding's
 * category is not an MQM category or it has nothing to anchor to.
 */
export function annotationOfFinding(
  finding: DocumentFinding,
  alignment: DocumentAlignment,
  id: string,
  now: string,
  language: 'en' | 'ja' = 'en',
): Annotation | undefined {
  if (!isMqmCategoryId(finding.category)) return undefined;
  const selectors = selectorsOfFinding(finding, alignment);
  if (selectors.length === 0) return undefined;
  return {
    id,
    selectors,
    category: finding.category,
    ...(finding.check === 'tense' && isSubtypeOf(finding.category, 'verb-tense')
      ? { subtype: 'verb-tense' as const }
      : {}),
    severity: finding.severity,
    comment: findingMessageIn(finding, language),
    status: 'open',
    author: AUTOMATIC_CHECK_AUTHOR,
    createdAt: now,
    updatedAt: now,
    origin: { kind: 'check', checkId: checkIdOfFinding(finding) },
  };
}

/**
 * The findings still to show as suggestions: neither dismissed (see `dismissalMatching`) nor already accepted as an
 * annotation (see `isAnnotationOfFinding`). Keeps the findings' order. Linear in findings plus annotations.
 */
export function openSuggestions(
  findings: readonly DocumentFinding[],
  session: ReviewSession,
): DocumentFinding[] {
  const dismissed = new Set(session.dismissals.map(dismissalKey));
  const byCheckId = new Map<string, Annotation[]>();
  for (const annotation of session.annotations) {
    if (annotation.origin.kind !== 'check') continue;
    const list = byCheckId.get(annotation.origin.checkId) ?? [];
    list.push(annotation);
    byCheckId.set(annotation.origin.checkId, list);
  }
  return findings.filter(
    (finding) =>
      !dismissed.has(findingKey(finding, session.alignment)) &&
      !(byCheckId.get(checkIdOfFinding(finding)) ?? []).some((annotation) =>
        isAnnotationOfFinding(annotation, finding, session.alignment),
      ),
  );
}

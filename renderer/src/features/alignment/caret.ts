import type { DocumentAlignment, Side } from '../../../../core/alignment/types';
import { originalOffsetOfCaret } from '../../../../core/review/splitSentence';

/** A caret inside one sentence of the aligned view. */
export interface SentenceCaret {
  readonly side: Side;
  /** 0-based index into the side's sentence list. */
  readonly sentenceIndex: number;
  /** UTF-16 index into the sentence's display text, 0..text.length. */
  readonly caret: number;
}

/**
 * Where the document selection starts, if it is inside a sentence span (`[data-sentence]`, rendered by SegmentText).
 * The index counts the text between the span's start and the caret, so markup inside the span (highlights) does not
 * matter.
 */
export function caretFromSelection(selection: Selection | null): SentenceCaret | null {
  if (!selection || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  const container = range.startContainer;
  const element = container instanceof Element ? container : container.parentElement;
  const span = element?.closest<HTMLElement>('[data-sentence][data-side]');
  if (!span) return null;
  const side = span.dataset['side'];
  const sentenceIndex = Number(span.dataset['sentence']);
  if ((side !== 'source' && side !== 'target') || !Number.isInteger(sentenceIndex)) return null;
  const before = document.createRange();
  before.selectNodeContents(span);
  before.setEnd(container, range.startOffset);
  return { side, sentenceIndex, caret: before.toString().length };
}

/**
 * The `splitSentence` command for a caret, or a reason it cannot split there (at either end of the sentence, or the
 * sentence no longer exists).
 */
export function splitAtCaret(
  alignment: DocumentAlignment,
  caret: SentenceCaret,
):
  | { readonly ok: true; readonly offset: number }
  | { readonly ok: false; readonly reason: 'edge' | 'gone' } {
  const segment = alignment[caret.side].sentences[caret.sentenceIndex];
  if (!segment) return { ok: false, reason: 'gone' };
  if (caret.caret <= 0 || caret.caret >= segment.text.length) return { ok: false, reason: 'edge' };
  return {
    ok: true,
    offset: originalOffsetOfCaret(alignment[caret.side].text, segment, caret.caret),
  };
}

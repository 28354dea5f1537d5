import type { DocumentAlignment, Side } from '../../../../core/alignment/types';
import type { FlagDialogMode } from './flagFields';

/** One side's quoted text in the flag dialog, with a little context. */
export interface Quote {
  readonly side: Side;
  readonly exact: string;
  /** A little of the text around the quote, so the reviewer sees where it sits. */
  readonly before: string;
  readonly after: string;
  readonly lang: string;
}

const CONTEXT_LENGTH = 24;
const SIDES: readonly Side[] = ['source', 'target'];

/** The tail of `text` (up to `length` units), cut at a line break so the context stays on the quote's line. */
function contextBefore(text: string, length = CONTEXT_LENGTH): string {
  const tail = text.slice(-length);
  return tail.slice(tail.search(/[^\n]*$/)).trimStart();
}

/** The head of `text` (up to `length` units), cut at a line break. */
function contextAfter(text: string, length = CONTEXT_LENGTH): string {
  const head = text.slice(0, length);
  const breakAt = head.indexOf('\n');
  return (breakAt === -1 ? head : head.slice(0, breakAt)).trimEnd();
}

/** The quotes of the dialog's annotation (editing) or of the pending selection (creating), source first. */
export function quotesOf(mode: FlagDialogMode, alignment: DocumentAlignment): Quote[] {
  if (mode.kind === 'edit') {
    return SIDES.flatMap((side) => {
      const selector = mode.annotation.selectors.find((candidate) => candidate.side === side);
      return selector
        ? [
            {
              side,
              exact: selector.exact,
              before: contextBefore(selector.prefix),
              after: contextAfter(selector.suffix),
              lang: alignment[side].lang,
            },
          ]
        : [];
    });
  }
  return SIDES.flatMap((side) => {
    const span = mode.selection[side];
    const text = alignment[side].text;
    return span
      ? [
          {
            side,
            exact: text.slice(span.start, span.end),
            before: contextBefore(text.slice(Math.max(0, span.start - CONTEXT_LENGTH), span.start)),
            after: contextAfter(text.slice(span.end, span.end + CONTEXT_LENGTH)),
            lang: alignment[side].lang,
          },
        ]
      : [];
  });
}

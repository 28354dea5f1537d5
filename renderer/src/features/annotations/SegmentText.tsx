import type { Segment, Side } from '../../../../core/alignment/types';
import { SentenceText } from './SentenceText';

export interface SegmentTextProps {
  readonly side: Side;
  /** The side's sentence list. */
  readonly segments: readonly Segment[];
  /** The sentences of this row, ascending 0-based indices into `segments`. */
  readonly indices: readonly number[];
  readonly lang: string;
}

/**
 * The text of one side of a row: each sentence in a span that carries its side, index and UTF-16 start offset in the
 * original text (`data-side`, `data-sentence`, `data-start`), so selections and the caret map back to the original text.
 * Flagged spans are `<mark data-annotation-id>` highlights coloured by severity; the focused annotation stands out.
 */
export function SegmentText({ side, segments, indices, lang }: SegmentTextProps) {
  return (
    <>
      {indices.map((index, position) => {
        const segment = segments[index];
        if (!segment) return null;
        return (
          <span key={index}>
            {position > 0 && (lang === 'ja' ? '' : ' ')}
            <SentenceText side={side} index={index} segment={segment} lang={lang} />
          </span>
        );
      })}
    </>
  );
}

import type { Segment, Side } from '../../../../core/alignment/types';

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
 * The annotations feature renders highlights of flagged spans here.
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
            <span data-side={side} data-sentence={index} data-start={segment.start} lang={lang}>
              {segment.text}
            </span>
          </span>
        );
      })}
    </>
  );
}

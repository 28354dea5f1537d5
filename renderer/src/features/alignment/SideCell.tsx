import type { DocumentSide } from '../../../../core/alignment/types';
import { useMessages } from '../../useMessages';
import { SegmentText } from '../annotations/SegmentText';
import classes from './AlignedView.module.css';

/** One side's sentences in a row, or a note that nothing on this side belongs to it. */
export function SideCell({
  documentSide,
  side,
  indices,
}: {
  documentSide: DocumentSide;
  side: 'source' | 'target';
  indices: readonly number[];
}) {
  const t = useMessages();
  return (
    <div role="cell" lang={side === 'source' ? 'en' : 'ja'} className={classes.text}>
      {indices.length ? (
        <SegmentText
          side={side}
          segments={documentSide.sentences}
          indices={indices}
          lang={documentSide.lang}
        />
      ) : (
        <span className={classes.empty}>{t('omitted')}</span>
      )}
    </div>
  );
}

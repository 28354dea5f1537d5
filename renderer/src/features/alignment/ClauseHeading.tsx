import type { ReactNode } from 'react';
import type { DocumentAlignment } from '../../../../core/alignment/types';
import type { Translate } from '../../useMessages';
import { clauseLabel, clauseName, type ViewItem } from './viewItems';
import classes from './AlignedView.module.css';

/** A clause's heading: its name and the rows it holds (`Clause 4  Rows 12–15`). */
export function ClauseHeading({
  alignment,
  item,
  t,
}: {
  alignment: DocumentAlignment;
  item: Extract<ViewItem, { kind: 'clause' }>;
  t: Translate;
}): ReactNode {
  const rows =
    item.firstBead === item.lastBead
      ? `${item.firstBead + 1}`
      : `${item.firstBead + 1}–${item.lastBead + 1}`;
  return (
    <>
      <span>{clauseName(clauseLabel(alignment, item.clauseBead), t)}</span>
      <span className={classes.clauseMeta}>
        {item.firstBead === item.lastBead ? t('rowNumber', { row: rows }) : t('rowRange', { rows })}
      </span>
    </>
  );
}

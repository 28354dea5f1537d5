import { Badge, Group, Text, Tooltip } from '@mantine/core';
import type { DocumentAlignment } from '../../../../core/alignment/types';
import { SegmentText } from '../annotations/SegmentText';
import { useMessages } from '../../useMessages';
import { BAND_COLOR, confidenceBand } from './confidence';
import classes from './AlignedView.module.css';

function clauseLabel(alignment: DocumentAlignment, clauseBeadIndex: number): string | undefined {
  const bead = alignment.clauseBeads[clauseBeadIndex];
  if (!bead) return undefined;
  const sourceClause = bead.sourceIndices[0];
  const targetClause = bead.targetIndices[0];
  return (
    (sourceClause !== undefined ? alignment.source.clauses[sourceClause]?.label : undefined) ??
    (targetClause !== undefined ? alignment.target.clauses[targetClause]?.label : undefined)
  );
}

/** English and Japanese side by side: one row per sentence bead, grouped under its clause bead. */
export function AlignedView({ alignment }: { alignment: DocumentAlignment }) {
  const t = useMessages();
  const groups = alignment.clauseBeads.map((_, clauseBeadIndex) => ({
    clauseBeadIndex,
    label: clauseLabel(alignment, clauseBeadIndex),
    rows: alignment.sentenceBeads
      .map((bead, beadIndex) => ({ bead, beadIndex }))
      .filter(({ bead }) => bead.clauseBead === clauseBeadIndex),
  }));
  return (
    <div role="table" aria-label={t('alignedText')} className={classes.table}>
      <div role="rowgroup">
        <div role="row" className={classes.header}>
          <span role="columnheader">#</span>
          <span role="columnheader" lang="en">
            {t('source')}
          </span>
          <span role="columnheader" lang="ja">
            {t('target')}
          </span>
        </div>
      </div>
      {groups.map((group) => (
        <div
          role="rowgroup"
          key={group.clauseBeadIndex}
          className={classes.group}
          aria-label={
            group.label ? `${t('clause')} ${group.label.replace(/\.$/, '')}` : t('unnumbered')
          }
        >
          {group.rows.map(({ bead, beadIndex }, rowInGroup) => {
            const band = confidenceBand(bead.confidence);
            const percent = Math.round(bead.confidence * 100);
            return (
              <div
                role="row"
                key={beadIndex}
                className={classes.row}
                data-bead={beadIndex}
                data-confidence-band={band}
                style={
                  {
                    '--band-color': `var(--mantine-color-${BAND_COLOR[band]}-6)`,
                  } as React.CSSProperties
                }
              >
                <div role="cell" className={classes.label}>
                  <Group gap={4} wrap="nowrap">
                    <span>{rowInGroup === 0 ? (group.label ?? '—') : ''}</span>
                    <Tooltip label={`${t('confidence')}: ${percent}%`}>
                      <Badge
                        size="xs"
                        variant="light"
                        color={BAND_COLOR[band]}
                        aria-label={`${t('confidence')} ${percent}%`}
                      >
                        {percent}
                      </Badge>
                    </Tooltip>
                  </Group>
                </div>
                <div role="cell" lang="en" className={classes.text}>
                  {bead.sourceIndices.length ? (
                    <SegmentText
                      side="source"
                      segments={alignment.source.sentences}
                      indices={bead.sourceIndices}
                      lang={alignment.source.lang}
                    />
                  ) : (
                    <Text span className={classes.empty}>
                      {t('omitted')}
                    </Text>
                  )}
                </div>
                <div role="cell" lang="ja" className={classes.text}>
                  {bead.targetIndices.length ? (
                    <SegmentText
                      side="target"
                      segments={alignment.target.sentences}
                      indices={bead.targetIndices}
                      lang={alignment.target.lang}
                    />
                  ) : (
                    <Text span className={classes.empty}>
                      {t('omitted')}
                    </Text>
                  )}
                </div>
              </div>
            );
          })}
        </div>
      ))}
    </div>
  );
}

import { Text } from '@mantine/core';
import { useReview } from '../../state/ReviewStoreContext';
import { isFiltering, visibleRows } from '../../state/selectors';
import { useMessages } from '../../useMessages';
import classes from './Workspace.module.css';

/** `12 of 240 rows` while filtering, else `240 rows`. */
export function RowCount() {
  const t = useMessages();
  const total = useReview((state) => state.history?.present.alignment.sentenceBeads.length ?? 0);
  const shown = useReview((state) => visibleRows(state).length);
  const filtering = useReview((state) => isFiltering(state.ui.filter));
  return (
    <Text size="xs" c="dimmed" className={classes.count} aria-live="polite">
      {filtering ? t('rowCount', { shown, total }) : t('rowCountAll', { total })}
    </Text>
  );
}

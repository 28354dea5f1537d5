import { Group, Loader, Text, Tooltip } from '@mantine/core';
import { useReview } from '../../state/ReviewStoreContext';
import { useMessages } from '../../useMessages';
import classes from './Workspace.module.css';

/** "Saved 12:03" / "Saving…" / the save error in red. */
export function SaveIndicator() {
  const t = useMessages();
  const status = useReview((state) => state.saveStatus);
  const busy = useReview(
    (state) =>
      state.inFlight > 0 ||
      state.saveStatus === null ||
      state.saveStatus.pending ||
      state.saveStatusRevision < state.revision,
  );
  if (status?.error) {
    return (
      <Tooltip label={status.error} multiline maw={420}>
        <Text size="xs" c="red.7" fw={600} className={classes.saveStatus} role="status" truncate>
          {t('saveError', { error: status.error })}
        </Text>
      </Tooltip>
    );
  }
  if (busy && status !== null) {
    return (
      <Group gap={6} wrap="nowrap" className={classes.saveStatus} role="status">
        <Loader size={10} color="gray" />
        <Text size="xs" c="dimmed">
          {t('saving')}
        </Text>
      </Group>
    );
  }
  const time = status?.lastSavedAt
    ? new Date(status.lastSavedAt).toLocaleTimeString(t('locale'), {
        hour: '2-digit',
        minute: '2-digit',
      })
    : null;
  return (
    <Text size="xs" c="dimmed" className={classes.saveStatus} role="status">
      {time ? t('savedAt', { time }) : status ? t('saved') : ''}
    </Text>
  );
}

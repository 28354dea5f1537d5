import { useEffect, useRef } from 'react';
import { Alert, Notification, Stack } from '@mantine/core';
import { AlertIcon } from '../../components/icons';
import { useReview } from '../../state/ReviewStoreContext';
import { useMessages } from '../../useMessages';
import classes from './Workspace.module.css';

/** How long a passing message (a refused command, a note) stays on screen. */
const INFO_MS = 6_000;

/**
 * The store's messages. Warnings and errors (a project recovered from its backup, a failed save, an import warning)
 * stay in a banner until dismissed; passing messages show as a toast and are read out by screen readers.
 */
export function NoticeBanners() {
  const t = useMessages();
  const notices = useReview((state) => state.notices);
  const dismiss = useReview((state) => state.dismissNotice);
  const lasting = notices.filter((notice) => notice.kind !== 'info');
  if (lasting.length === 0) return null;
  return (
    <Stack gap={6} px="md" py={6} className={classes.banners}>
      {lasting.map((notice) => (
        <Alert
          key={notice.id}
          color={notice.kind === 'error' ? 'red' : 'yellow'}
          variant="light"
          icon={<AlertIcon size={18} />}
          withCloseButton
          closeButtonLabel={t('dismiss')}
          onClose={() => dismiss(notice.id)}
          role="alert"
          py={8}
        >
          {notice.message}
        </Alert>
      ))}
    </Stack>
  );
}

export function NoticeToasts() {
  const t = useMessages();
  const notices = useReview((state) => state.notices);
  const dismiss = useReview((state) => state.dismissNotice);
  const passing = notices.filter((notice) => notice.kind === 'info');
  const timers = useRef(new Map<number, ReturnType<typeof setTimeout>>());
  useEffect(() => {
    for (const notice of passing) {
      if (!timers.current.has(notice.id)) {
        timers.current.set(
          notice.id,
          setTimeout(() => {
            timers.current.delete(notice.id);
            dismiss(notice.id);
          }, INFO_MS),
        );
      }
    }
  }, [passing, dismiss]);
  useEffect(() => {
    const pending = timers.current;
    return () => pending.forEach((timer) => clearTimeout(timer));
  }, []);
  const latest = passing[passing.length - 1];
  return (
    <>
      <div className={classes.toasts}>
        {passing.slice(-3).map((notice) => (
          <Notification
            key={notice.id}
            withBorder
            color="indigo"
            closeButtonProps={{ 'aria-label': t('dismiss') }}
            onClose={() => dismiss(notice.id)}
            data-notice
          >
            {notice.message}
          </Notification>
        ))}
      </div>
      <div role="status" aria-live="polite" className={classes.visuallyHidden}>
        {latest?.message ?? ''}
      </div>
    </>
  );
}

import { useEffect, useRef } from 'react';
import { Notification } from '@mantine/core';
import { useReview } from '../../state/ReviewStoreContext';
import { useMessages } from '../../useMessages';
import classes from './Workspace.module.css';

/** How long a passing message (a refused command, a note) stays on screen. */
const INFO_MS = 6_000;

/** The store's passing messages (a refused command, a note): a toast for a while, read out by screen readers. */
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

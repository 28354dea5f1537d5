import { Alert, Stack } from '@mantine/core';
import { AlertIcon } from '../../components/icons';
import { useReview } from '../../state/ReviewStoreContext';
import { useMessages } from '../../useMessages';
import classes from './Workspace.module.css';

/**
 * The store's lasting messages: warnings and errors (a project recovered from its backup, a failed save, an import
 * warning) stay in a banner until dismissed. Passing messages are `NoticeToasts`.
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

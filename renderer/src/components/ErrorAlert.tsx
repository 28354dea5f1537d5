import { Alert } from '@mantine/core';
import { AlertIcon } from './icons';

/** A red alert with a title, shown only while there is a message. */
export function ErrorAlert({
  title,
  message,
}: {
  title: string;
  message: string | null | undefined;
}) {
  if (!message) return null;
  return (
    <Alert color="red" variant="light" title={title} icon={<AlertIcon size={18} />} role="alert">
      {message}
    </Alert>
  );
}

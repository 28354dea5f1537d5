import type { ReactNode } from 'react';
import { Input, Text } from '@mantine/core';
import { useMessages } from '../../useMessages';
import classes from './ProjectDialogs.module.css';

/** A labelled file input, with the chosen file's name and size under it. */
export function FileField({
  label,
  description,
  file,
  accept,
  onFile,
}: {
  label: string;
  description?: ReactNode;
  file: File | null;
  /** The file kinds the picker offers (`accept` of the input). */
  accept: string;
  onFile: (file: File | null) => void;
}) {
  const t = useMessages();
  return (
    <Input.Wrapper label={label} description={description}>
      <input
        type="file"
        aria-label={label}
        accept={accept}
        className={classes.file}
        onChange={(event) => onFile(event.currentTarget.files?.[0] ?? null)}
      />
      {file && (
        <Text size="xs" c="dimmed" mt={2}>
          {t('fileSize', { name: file.name, size: file.size.toLocaleString() })}
        </Text>
      )}
    </Input.Wrapper>
  );
}

import type { ReactNode } from 'react';
import { Input, Text } from '@mantine/core';
import { useMessages } from '../../useMessages';
import classes from './ProjectDialogs.module.css';

/** A labelled plain-text file input, with the chosen file's name and size under it. */
export function FileField({
  label,
  description,
  file,
  onFile,
}: {
  label: string;
  description?: ReactNode;
  file: File | null;
  onFile: (file: File | null) => void;
}) {
  const t = useMessages();
  return (
    <Input.Wrapper label={label} description={description}>
      <input
        type="file"
        aria-label={label}
        accept=".txt,.md,.text,text/plain"
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

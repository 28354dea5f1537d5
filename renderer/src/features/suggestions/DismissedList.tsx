import { useState } from 'react';
import { Button, Group, Stack, Text, UnstyledButton } from '@mantine/core';
import { CHECK_NAMES, type CheckName } from '../../../../core/checks/types';
import type { Dismissal } from '../../../../core/review/dismissals';
import { useMessages } from '../../useMessages';
import classes from './suggestions.module.css';

function isCheckName(name: string): name is CheckName {
  return (CHECK_NAMES as readonly string[]).includes(name);
}

/** The suggestions dismissed in this project, behind a disclosure, each with Restore (one undoable command). */
export function DismissedList({
  dismissals,
  onRestore,
}: {
  dismissals: readonly Dismissal[];
  onRestore: (id: string) => void;
}) {
  const t = useMessages();
  const [open, setOpen] = useState(false);
  return (
    <Stack gap={6}>
      <UnstyledButton
        aria-expanded={open}
        aria-controls="dismissed-suggestions"
        onClick={() => setOpen((value) => !value)}
      >
        <Text size="sm" fw={600}>
          {open ? '▾ ' : '▸ '}
          {t('dismissedTitle', { count: dismissals.length })}
        </Text>
      </UnstyledButton>
      {open && (
        <div id="dismissed-suggestions">
          {dismissals.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('dismissedNone')}
            </Text>
          ) : (
            <ul
              className={classes.list}
              aria-label={t('dismissedTitle', { count: dismissals.length })}
            >
              {dismissals.map((dismissal) => (
                <li key={dismissal.id} className={classes.item} data-dismissal-id={dismissal.id}>
                  <Text size="xs" c="dimmed">
                    {isCheckName(dismissal.check) ? t(`check.${dismissal.check}`) : dismissal.check}
                  </Text>
                  {(dismissal.source.exact || dismissal.target.exact) && (
                    <div className={classes.quote}>
                      {dismissal.source.exact && <mark lang="en">{dismissal.source.exact}</mark>}
                      {dismissal.source.exact && dismissal.target.exact && ' → '}
                      {dismissal.target.exact && <mark lang="ja">{dismissal.target.exact}</mark>}
                    </div>
                  )}
                  <Text size="sm">{dismissal.message}</Text>
                  <Group justify="flex-end" mt={4}>
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      title={t('suggestionRestoreHint')}
                      onClick={() => onRestore(dismissal.id)}
                    >
                      {t('suggestionRestore')}
                    </Button>
                  </Group>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </Stack>
  );
}

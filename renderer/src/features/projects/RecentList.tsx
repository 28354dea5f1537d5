import { useEffect, useState } from 'react';
import { Group, ScrollArea, Stack, Text, UnstyledButton } from '@mantine/core';
import type { RecentProject } from '../../../../core/ipc/contract';
import { useReview } from '../../state/ReviewStoreContext';
import { useMessages } from '../../useMessages';
import classes from './ProjectDialogs.module.css';

/** The recent projects, newest first, each opened with a click (a missing file is shown, not offered). */
export function RecentList({ onOpen }: { onOpen: (path: string) => void }) {
  const t = useMessages();
  const recentProjects = useReview((state) => state.recentProjects);
  const current = useReview((state) => state.path);
  const [recent, setRecent] = useState<RecentProject[] | null>(null);
  useEffect(() => {
    let live = true;
    recentProjects()
      .then((list) => live && setRecent(list))
      .catch(() => live && setRecent([]));
    return () => {
      live = false;
    };
  }, [recentProjects]);
  if (recent === null) return null;
  if (recent.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('noRecent')}
      </Text>
    );
  return (
    <ScrollArea.Autosize mah={280}>
      <Stack gap={2} role="list" aria-label={t('recentProjects')}>
        {recent.map((project) => (
          <UnstyledButton
            key={project.path}
            role="listitem"
            className={classes.recent}
            data-current={project.path === current ? '' : undefined}
            disabled={!project.exists}
            onClick={() => onOpen(project.path)}
          >
            <Group justify="space-between" wrap="nowrap" gap="sm">
              <Text size="sm" fw={500} truncate>
                {project.name}
              </Text>
              <Text size="xs" c={project.exists ? 'dimmed' : 'red'} style={{ flexShrink: 0 }}>
                {project.exists
                  ? new Date(project.openedAt).toLocaleString(undefined, {
                      dateStyle: 'medium',
                      timeStyle: 'short',
                    })
                  : t('fileMissing')}
              </Text>
            </Group>
            <Text size="xs" c="dimmed" truncate ff="monospace">
              {project.path}
            </Text>
          </UnstyledButton>
        ))}
      </Stack>
    </ScrollArea.Autosize>
  );
}

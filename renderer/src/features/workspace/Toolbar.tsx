import type { Ref } from 'react';
import { ActionIcon, Badge, Button, Divider, Group, Text, Tooltip } from '@mantine/core';
import { FlagIcon, KeyboardIcon, PanelIcon } from '../../components/icons';
import { useReview } from '../../state/ReviewStoreContext';
import { hasRows } from '../../state/selectors';
import { useMessages } from '../../useMessages';
import { ProjectMenu, type ProjectDialog } from '../projects/ProjectMenu';
import { ColorSchemeSwitch } from './ColorSchemeSwitch';
import { FilterPopover } from './FilterPopover';
import { HistoryButtons } from './HistoryButtons';
import { LanguageSwitch } from './LanguageSwitch';
import { RealignButton } from './RealignButton';
import { RowCount } from './RowCount';
import { SaveIndicator } from './SaveIndicator';
import { SearchBox } from './SearchBox';
import { shortcutHint } from './shortcuts';
import classes from './Workspace.module.css';

export interface ToolbarProps {
  readonly isMac: boolean;
  readonly panelOpen: boolean;
  readonly onTogglePanel: () => void;
  readonly onHelp: () => void;
  readonly onProjectDialog: (dialog: ProjectDialog) => void;
  readonly searchRef: Ref<HTMLInputElement>;
}

/** The header (project, save state, preferences) and the tool row (undo, alignment, search, filters). */
export function Toolbar({
  isMac,
  panelOpen,
  onTogglePanel,
  onHelp,
  onProjectDialog,
  searchRef,
}: ToolbarProps) {
  const t = useMessages();
  const meta = useReview((state) => state.meta);
  const isSample = useReview((state) => state.isSample);
  const setFlagDialogOpen = useReview((state) => state.setFlagDialogOpen);
  // Until a project with rows is shown (opening, aligning), these commands have nothing to act on.
  const ready = useReview(hasRows);

  return (
    <header className={classes.header}>
      <div className={classes.titleBar}>
        <Group gap="sm" wrap="nowrap" miw={0} style={{ flex: '1 1 auto' }}>
          <Text fw={700} size="sm" className={classes.brand}>
            {t('appName')}
          </Text>
          <div className={classes.noShrink}>
            <ProjectMenu onDialog={onProjectDialog} isMac={isMac} />
          </div>
          <Divider orientation="vertical" />
          {meta && (
            <Group gap={8} wrap="nowrap" miw={0}>
              <Text component="h1" size="sm" fw={600} truncate="end" maw={560} title={meta.name}>
                {meta.name}
              </Text>
              {isSample && (
                <Badge
                  variant="outline"
                  size="sm"
                  radius="sm"
                  color="gray"
                  tt="none"
                  style={{ flex: 'none' }}
                >
                  {t('sample')}
                </Badge>
              )}
              <SaveIndicator />
            </Group>
          )}
        </Group>
        <Group gap="xs" wrap="nowrap" className={classes.noShrink}>
          <LanguageSwitch />
          <ColorSchemeSwitch />
          <Tooltip label={t('help')}>
            <ActionIcon variant="default" size="md" aria-label={t('help')} onClick={onHelp}>
              <KeyboardIcon />
            </ActionIcon>
          </Tooltip>
          <Tooltip label={panelOpen ? t('hidePanel') : t('showPanel')}>
            <ActionIcon
              variant={panelOpen ? 'light' : 'default'}
              size="md"
              aria-label={panelOpen ? t('hidePanel') : t('showPanel')}
              aria-pressed={panelOpen}
              onClick={onTogglePanel}
            >
              <PanelIcon />
            </ActionIcon>
          </Tooltip>
        </Group>
      </div>
      <div className={classes.toolRow} role="toolbar" aria-label={t('toolbar')}>
        <Group gap={6} wrap="nowrap" className={classes.noShrink}>
          <HistoryButtons isMac={isMac} />
          <Divider orientation="vertical" mx={4} />
          <RealignButton disabled={!ready} />
          <Tooltip label={shortcutHint(t('flagSelection'), 'flag', isMac)}>
            <Button
              variant="default"
              size="xs"
              leftSection={<FlagIcon size={14} />}
              disabled={!ready}
              onClick={() => setFlagDialogOpen(true)}
            >
              {t('flagSelection')}
            </Button>
          </Tooltip>
        </Group>
        <Group gap="xs" wrap="nowrap" miw={0} justify="flex-end" style={{ flex: '1 1 auto' }}>
          <SearchBox ref={searchRef} isMac={isMac} className={classes.search} />
          <div className={classes.noShrink}>
            <FilterPopover disabled={!ready} />
          </div>
          <RowCount />
        </Group>
      </div>
    </header>
  );
}

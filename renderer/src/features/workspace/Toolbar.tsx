import { forwardRef, useState } from 'react';
import {
  ActionIcon,
  Badge,
  Button,
  Checkbox,
  CloseButton,
  Divider,
  Group,
  Indicator,
  Loader,
  Popover,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
  Tooltip,
  useMantineColorScheme,
  VisuallyHidden,
  type MantineColorScheme,
} from '@mantine/core';
import { nextRow, previousRow } from '../../../../core/review/filters';
import { canRedo, canUndo } from '../../../../core/review/history';
import { redoLabel, undoLabel } from '../../state/commandLabels';
import {
  MQM_CATEGORIES,
  SEVERITIES,
  SEVERITY_LABELS,
  type Severity,
} from '../../../../core/review/mqm';
import {
  ANNOTATION_STATUSES,
  ANNOTATION_STATUS_LABELS,
  type AnnotationStatus,
} from '../../../../core/project/annotation';
import {
  ContrastIcon,
  FilterIcon,
  FlagIcon,
  KeyboardIcon,
  MoonIcon,
  PanelIcon,
  RealignIcon,
  RedoIcon,
  SearchIcon,
  SunIcon,
  UndoIcon,
} from '../../components/icons';
import { formatMessage, type UiLanguage } from '../../i18n';
import { useReview, useReviewStore } from '../../state/ReviewStoreContext';
import { isFiltering, visibleRows } from '../../state/selectors';
import { useMessages } from '../../useMessages';
import { ProjectMenu, type ProjectDialog } from '../projects/ProjectMenu';
import { formatChord, shortcutOf } from './shortcuts';
import classes from './Workspace.module.css';

function hint(label: string, action: Parameters<typeof shortcutOf>[0], isMac: boolean): string {
  return `${label} (${formatChord(shortcutOf(action).chords[0]!, isMac)})`;
}

/** "Saved 12:03" / "Saving…" / the save error in red. */
export function SaveIndicator() {
  const t = useMessages();
  const language = useReview((state) => state.ui.uiLanguage);
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
          {formatMessage(t('saveError'), { error: status.error })}
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
    ? new Date(status.lastSavedAt).toLocaleTimeString(language === 'ja' ? 'ja-JP' : 'en-GB', {
        hour: '2-digit',
        minute: '2-digit',
      })
    : null;
  return (
    <Text size="xs" c="dimmed" className={classes.saveStatus} role="status">
      {time ? formatMessage(t('savedAt'), { time }) : status ? t('saved') : ''}
    </Text>
  );
}

const SCHEME_ICONS: Record<MantineColorScheme, typeof SunIcon> = {
  light: SunIcon,
  dark: MoonIcon,
  auto: ContrastIcon,
};

function ColorSchemeSwitch() {
  const t = useMessages();
  const { colorScheme, setColorScheme } = useMantineColorScheme();
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('colorScheme')}
      value={colorScheme}
      onChange={(value) => setColorScheme(value as MantineColorScheme)}
      data={(['light', 'dark', 'auto'] as const).map((scheme) => {
        const SchemeIcon = SCHEME_ICONS[scheme];
        return {
          value: scheme,
          label: (
            <Tooltip label={t(scheme)} openDelay={300}>
              <span className={classes.segmentIcon}>
                <SchemeIcon size={14} />
                <VisuallyHidden>{t(scheme)}</VisuallyHidden>
              </span>
            </Tooltip>
          ),
        };
      })}
    />
  );
}

function LanguageSwitch() {
  const t = useMessages();
  const language = useReview((state) => state.ui.uiLanguage);
  const setUiLanguage = useReview((state) => state.setUiLanguage);
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('uiLanguage')}
      value={language}
      onChange={(value) => setUiLanguage(value as UiLanguage)}
      data={[
        { value: 'en', label: 'English' },
        { value: 'ja', label: '日本語' },
      ]}
    />
  );
}

function FilterPopover() {
  const t = useMessages();
  const language = useReview((state) => state.ui.uiLanguage);
  const filter = useReview((state) => state.ui.filter);
  const setFilter = useReview((state) => state.setFilter);
  const clearFilter = useReview((state) => state.clearFilter);
  const { text: _text, ...criteria } = filter;
  const active = Object.values(criteria).filter((value) =>
    Array.isArray(value) ? value.length > 0 : value !== undefined && value !== false,
  ).length;
  const dimensions = MQM_CATEGORIES.filter((category) => category.parent === undefined);
  return (
    <Popover position="bottom-start" shadow="md" width={420} trapFocus>
      {/* The indicator wraps the target, not the other way round: the target's aria-haspopup/aria-expanded belong on the
          button (axe aria-allowed-attr flags them on the indicator's div). */}
      <Indicator label={active} size={16} disabled={active === 0} offset={4}>
        <Popover.Target>
          <Button
            variant={active ? 'light' : 'default'}
            size="xs"
            leftSection={<FilterIcon size={14} />}
          >
            {t('filters')}
          </Button>
        </Popover.Target>
      </Indicator>
      <Popover.Dropdown>
        <Stack gap="sm">
          <Stack gap={6}>
            <Text size="xs" fw={500}>
              {t('filterRows')}
            </Text>
            <Checkbox
              size="xs"
              label={t('filterFlagged')}
              checked={filter.flagged === true}
              onChange={(event) => setFilter({ flagged: event.currentTarget.checked || undefined })}
            />
            <Checkbox
              size="xs"
              label={t('filterUnconfirmed')}
              checked={filter.unconfirmed === true}
              onChange={(event) =>
                setFilter({ unconfirmed: event.currentTarget.checked || undefined })
              }
            />
            <Checkbox
              size="xs"
              label={t('filterLowConfidence')}
              checked={filter.lowConfidenceBelow !== undefined}
              onChange={(event) =>
                setFilter({ lowConfidenceBelow: event.currentTarget.checked ? 0.5 : undefined })
              }
            />
          </Stack>
          <Divider />
          <Checkbox.Group
            label={t('filterSeverity')}
            size="xs"
            value={[...(filter.severities ?? [])]}
            onChange={(values) => setFilter({ severities: values as Severity[] })}
          >
            <Group gap="md" mt={4}>
              {SEVERITIES.map((severity) => (
                <Checkbox
                  key={severity}
                  size="xs"
                  value={severity}
                  label={SEVERITY_LABELS[severity][language]}
                />
              ))}
            </Group>
          </Checkbox.Group>
          <Checkbox.Group
            label={t('filterStatus')}
            size="xs"
            value={[...(filter.statuses ?? [])]}
            onChange={(values) => setFilter({ statuses: values as AnnotationStatus[] })}
          >
            <Group gap="md" mt={4}>
              {ANNOTATION_STATUSES.map((status) => (
                <Checkbox
                  key={status}
                  size="xs"
                  value={status}
                  label={ANNOTATION_STATUS_LABELS[status][language]}
                />
              ))}
            </Group>
          </Checkbox.Group>
          <Checkbox.Group
            label={t('filterCategory')}
            size="xs"
            value={[...(filter.categories ?? [])]}
            onChange={(values) => setFilter({ categories: values })}
          >
            <Group gap="md" mt={4}>
              {dimensions.map((category) => (
                <Checkbox
                  key={category.id}
                  size="xs"
                  value={category.id}
                  label={category.label[language]}
                />
              ))}
            </Group>
          </Checkbox.Group>
          <Group justify="flex-end">
            <Button size="xs" variant="subtle" onClick={clearFilter} disabled={active === 0}>
              {t('clearFilters')}
            </Button>
          </Group>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}

const SearchBox = forwardRef<HTMLInputElement, { isMac: boolean }>(function SearchBox(
  { isMac },
  ref,
) {
  const t = useMessages();
  const store = useReviewStore();
  const text = useReview((state) => state.ui.filter.text ?? '');
  const setFilter = useReview((state) => state.setFilter);
  const jump = (backwards: boolean) => {
    const state = store.getState();
    const rows = visibleRows(state);
    const found = backwards
      ? previousRow(rows, state.ui.selectedBead, { wrap: true })
      : nextRow(rows, state.ui.selectedBead, { wrap: true });
    if (found !== null) state.selectBead(found);
  };
  return (
    <TextInput
      ref={ref}
      size="xs"
      w={300}
      type="search"
      aria-label={t('search')}
      placeholder={`${t('searchPlaceholder')}  /`}
      leftSection={<SearchIcon size={14} />}
      value={text}
      onChange={(event) => setFilter({ text: event.currentTarget.value || undefined })}
      onKeyDown={(event) => {
        if (event.key === 'Enter') {
          event.preventDefault();
          jump(event.shiftKey);
        } else if (event.key === 'Escape') {
          event.preventDefault();
          if (text) setFilter({ text: undefined });
          else document.querySelector<HTMLElement>('[data-aligned-scroller]')?.focus();
        }
      }}
      rightSection={
        text ? (
          <CloseButton
            size="xs"
            aria-label={t('clearSearch')}
            onClick={() => setFilter({ text: undefined })}
          />
        ) : null
      }
      title={hint(t('shortcutSearch'), 'focusSearch', isMac)}
    />
  );
});

function RowCount() {
  const t = useMessages();
  const total = useReview((state) => state.history?.present.alignment.sentenceBeads.length ?? 0);
  const shown = useReview((state) => visibleRows(state).length);
  const filtering = useReview((state) => isFiltering(state.ui.filter));
  return (
    <Text size="xs" c="dimmed" className={classes.count} aria-live="polite">
      {filtering
        ? formatMessage(t('rowCount'), { shown, total })
        : formatMessage(t('rowCountAll'), { total })}
    </Text>
  );
}

export interface ToolbarProps {
  readonly isMac: boolean;
  readonly panelOpen: boolean;
  readonly onTogglePanel: () => void;
  readonly onHelp: () => void;
  readonly onProjectDialog: (dialog: ProjectDialog) => void;
  readonly searchRef: React.Ref<HTMLInputElement>;
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
  const language = useReview((state) => state.ui.uiLanguage);
  const history = useReview((state) => state.history);
  const undo = useReview((state) => state.undo);
  const redo = useReview((state) => state.redo);
  const realign = useReview((state) => state.realign);
  const setFlagDialogOpen = useReview((state) => state.setFlagDialogOpen);
  const [realigning, setRealigning] = useState(false);
  const undoText = history ? undoLabel(history, language) : t('undo');
  const redoText = history ? redoLabel(history, language) : t('redo');

  return (
    <header className={classes.header}>
      <div className={classes.titleBar}>
        <Group gap="sm" wrap="nowrap" miw={0}>
          <Text fw={700} size="sm" className={classes.brand}>
            {t('appName')}
          </Text>
          <ProjectMenu onDialog={onProjectDialog} isMac={isMac} />
          <Divider orientation="vertical" />
          {meta && (
            <Group gap={8} wrap="nowrap" miw={0}>
              <Text component="h1" size="sm" fw={600} truncate="end" maw={560} title={meta.name}>
                {meta.name}
              </Text>
              {isSample && (
                <Badge variant="outline" size="sm" radius="sm" color="gray" tt="none">
                  {t('sample')}
                </Badge>
              )}
              <SaveIndicator />
            </Group>
          )}
        </Group>
        <Group gap="xs" wrap="nowrap">
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
        <Group gap={6} wrap="nowrap">
          <Tooltip label={hint(undoText, 'undo', isMac)}>
            <Button
              variant="default"
              size="xs"
              leftSection={<UndoIcon size={14} />}
              disabled={!history || !canUndo(history)}
              onClick={() => void undo()}
            >
              {undoText}
            </Button>
          </Tooltip>
          <Tooltip label={hint(redoText, 'redo', isMac)}>
            <Button
              variant="default"
              size="xs"
              leftSection={<RedoIcon size={14} />}
              disabled={!history || !canRedo(history)}
              onClick={() => void redo()}
            >
              {redoText}
            </Button>
          </Tooltip>
          <Divider orientation="vertical" mx={4} />
          <Tooltip label={t('realignHint')} multiline w={320}>
            <Button
              variant="default"
              size="xs"
              leftSection={<RealignIcon size={14} />}
              loading={realigning}
              onClick={async () => {
                setRealigning(true);
                try {
                  await realign();
                } finally {
                  setRealigning(false);
                }
              }}
            >
              {t('realign')}
            </Button>
          </Tooltip>
          <Tooltip label={hint(t('flagSelection'), 'flag', isMac)}>
            <Button
              variant="default"
              size="xs"
              leftSection={<FlagIcon size={14} />}
              onClick={() => setFlagDialogOpen(true)}
            >
              {t('flagSelection')}
            </Button>
          </Tooltip>
        </Group>
        <Group gap="xs" wrap="nowrap">
          <SearchBox ref={searchRef} isMac={isMac} />
          <FilterPopover />
          <RowCount />
        </Group>
      </div>
    </header>
  );
}

import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import { ActionIcon, Alert, Tooltip } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { PanelIcon } from '../../components/icons';
import { onEvent, transportName } from '../../ipc';
import { useReview, useReviewStore } from '../../state/ReviewStoreContext';
import { visibleRows } from '../../state/selectors';
import { useMessages, useUiLanguage } from '../../useMessages';
import { AlignedView } from '../alignment/AlignedView';
import { caretFromSelection, type SentenceCaret } from '../alignment/caret';
import { AnnotationPanel } from '../annotations/AnnotationPanel';
import { FlagDialogHost } from '../annotations/FlagDialogHost';
import { ProjectDialogs } from '../projects/ProjectDialogs';
import { SuggestionsPanel } from '../suggestions/SuggestionsPanel';
import { useAutomaticChecks } from '../suggestions/useSuggestions';
import { prefillFromFiles, type NewProjectValues } from '../projects/projectForms';
import type { ProjectDialog } from '../projects/ProjectMenu';
import { performAction, splitRow, type ActionContext } from './actions';
import { HelpOverlay } from './HelpOverlay';
import { NoticeBanners } from './NoticeBanners';
import { NoticeToasts } from './NoticeToasts';
import { OpeningProgress } from './OpeningProgress';
import {
  isControlKey,
  isMacPlatform,
  isTypingTarget,
  shortcutFor,
  type ShortcutAction,
} from './shortcuts';
import { Toolbar } from './Toolbar';
import classes from './Workspace.module.css';

/** How often the save state is asked for while nothing happens (a save error must not go unnoticed). */
const STATUS_POLL_MS = 2_000;
/** After a change: the autosave runs within a second, so ask a little after that. */
const STATUS_AFTER_CHANGE_MS = 1_100;

const PANEL_KEY = 'taiyaku.annotationPanel';
/** Below this width the two text columns need the room: the annotation panel becomes a drawer, closed until asked for. */
const NARROW_QUERY = '(max-width: 1199px)';

function useSaveStatusPolling() {
  const path = useReview((state) => state.path);
  const revision = useReview((state) => state.revision);
  const refresh = useReview((state) => state.refreshSaveStatus);
  useEffect(() => {
    if (!path) return;
    void refresh();
    const timer = setInterval(() => void refresh(), STATUS_POLL_MS);
    return () => clearInterval(timer);
  }, [path, refresh]);
  useEffect(() => {
    if (!path || revision === 0) return;
    const timer = setTimeout(() => void refresh(), STATUS_AFTER_CHANGE_MS);
    return () => clearTimeout(timer);
  }, [path, revision, refresh]);
}

/** The review workspace: header and tools, the aligned view, the annotation panel, dialogs and messages. */
export function Workspace() {
  const t = useMessages();
  const language = useUiLanguage();
  const store = useReviewStore();
  const status = useReview((state) => state.status);
  const loadError = useReview((state) => state.loadError);
  const hasSession = useReview((state) => state.history !== null);
  const [isMac] = useState(isMacPlatform);
  const [splitRowFor, setSplitRowFor] = useState<number | null>(null);
  const [splitCaret, setSplitCaret] = useState<SentenceCaret | null>(null);
  const [helpOpen, setHelpOpen] = useState(false);
  const [dialog, setDialog] = useState<ProjectDialog | null>(null);
  const [dropped, setDropped] = useState<NewProjectValues | null>(null);
  const [dragging, setDragging] = useState(false);
  const [panelPinned, setPanelPinned] = useState(
    () => localStorage.getItem(PANEL_KEY) !== 'closed',
  );
  const [drawerOpen, setDrawerOpen] = useState(false);
  const narrow = useMediaQuery(NARROW_QUERY, window.matchMedia(NARROW_QUERY).matches, {
    getInitialValueInEffect: false,
  });
  // Wide: the panel is a column, shown or hidden by preference. Narrow: a drawer over the text, closed by default.
  const panelOpen = narrow ? drawerOpen : panelPinned;
  const setPanelOpen = narrow ? setDrawerOpen : setPanelPinned;
  const searchRef = useRef<HTMLInputElement>(null);
  const caretRef = useRef<SentenceCaret | null>(null);
  useSaveStatusPolling();
  useAutomaticChecks();

  useEffect(() => {
    localStorage.setItem(PANEL_KEY, panelPinned ? 'open' : 'closed');
  }, [panelPinned]);

  // A filter that hides the selected row moves the selection to the first row still shown.
  useEffect(
    () =>
      store.subscribe((state, previous) => {
        if (state.ui.filter === previous.ui.filter && state.history === previous.history) return;
        const rows = visibleRows(state);
        const selected = state.ui.selectedBead;
        if (rows.length > 0 && (selected === null || !rows.includes(selected)))
          state.selectBead(rows[0]!);
      }),
    [store],
  );

  // The live selection first: 'selectionchange' arrives as a task, so a key pressed right after a click can come
  // before it. Then the last caret placed in the text (the selection may since have moved to a button).
  const currentCaret = useCallback(
    () => caretFromSelection(document.getSelection()) ?? caretRef.current,
    [],
  );

  const context: ActionContext = useMemo(
    () => ({
      store,
      t,
      language,
      openSplitRow: (beadIndex: number) => {
        setSplitCaret(currentCaret());
        setSplitRowFor(beadIndex);
      },
      focusSearch: () => {
        searchRef.current?.focus();
        searchRef.current?.select();
      },
      openHelp: () => setHelpOpen(true),
      openExport: () => setDialog('export'),
      caret: currentCaret,
    }),
    [store, t, language, currentCaret],
  );

  // The key handler: one table (shortcuts.ts) says which key runs which action.
  useEffect(() => {
    const skipMenuOwned = transportName() === 'electron';
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      const shortcut = shortcutFor(event, { isMac, skipMenuOwned });
      if (!shortcut) return;
      if (isTypingTarget(event.target) && shortcut.action !== 'save') return;
      if (isControlKey(event.target, event.key)) return;
      if (store.getState().status !== 'ready') return;
      event.preventDefault();
      performAction(shortcut.action, context);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [context, isMac, store]);

  // The desktop app's menu bar.
  useEffect(() => {
    const undoOrNative = (action: 'undo' | 'redo') => () => {
      // The menu's accelerator also fires while a text field has focus: there it means the field's own undo.
      if (isTypingTarget(document.activeElement)) document.execCommand(action);
      else performAction(action, context);
    };
    const off = [
      onEvent('menu:open', () => setDialog('open')),
      onEvent('menu:save', () => performAction('save', context)),
      onEvent('menu:undo', undoOrNative('undo')),
      onEvent('menu:redo', undoOrNative('redo')),
      onEvent('menu:export', () => performAction('export', context)),
    ];
    return () => off.forEach((unsubscribe) => unsubscribe());
  }, [context]);

  // Files dropped anywhere on the workspace open the new-project dialog with them.
  const hasFiles = (event: DragEvent) => event.dataTransfer.types.includes('Files');
  const onDragOver = (event: DragEvent) => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    setDragging(true);
  };
  const onDrop = (event: DragEvent) => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    setDragging(false);
    const values = prefillFromFiles([...event.dataTransfer.files]);
    if (!values) {
      store.getState().notify('info', t('dropOneOrTwo'));
      return;
    }
    setDropped(values);
    setDialog('new');
  };

  const onAction = useCallback(
    (action: ShortcutAction, beadIndex: number) => {
      store.getState().selectBead(beadIndex);
      performAction(action, context, beadIndex);
    },
    [context, store],
  );
  const onSplit = useCallback(
    (beadIndex: number, sourceCount: number, targetCount: number) => {
      setSplitRowFor(null);
      void splitRow(store, beadIndex, sourceCount, targetCount);
    },
    [store],
  );
  const onCloseSplit = useCallback(() => setSplitRowFor(null), []);
  const onCaret = useCallback((caret: SentenceCaret | null) => {
    caretRef.current = caret;
  }, []);

  return (
    <div
      className={classes.shell}
      onDragOver={onDragOver}
      onDragLeave={(event) => {
        // Leaving the window (no element to go to), not moving between its elements.
        if (!event.relatedTarget) setDragging(false);
      }}
      onDrop={onDrop}
      data-dragging={dragging ? '' : undefined}
    >
      <Toolbar
        isMac={isMac}
        panelOpen={panelOpen}
        onTogglePanel={() => setPanelOpen((open) => !open)}
        onHelp={() => setHelpOpen(true)}
        onProjectDialog={setDialog}
        searchRef={searchRef}
      />
      <NoticeBanners />
      {(status === 'loading' || status === 'idle' || (status === 'ready' && !hasSession)) && (
        <div className={classes.centered}>
          <OpeningProgress />
        </div>
      )}
      {status === 'failed' && (
        <div className={classes.centered}>
          <Alert color="red" title={t('loadFailed')} role="alert" maw={640}>
            {loadError}
          </Alert>
        </div>
      )}
      {status === 'ready' && hasSession && (
        <>
          <main className={classes.main}>
            <AlignedView
              isMac={isMac}
              splitRowFor={splitRowFor}
              splitCaret={splitCaret}
              onAction={onAction}
              onSplit={onSplit}
              onCloseSplit={onCloseSplit}
              onCaret={onCaret}
            />
          </main>
          {panelOpen && (
            <aside
              className={narrow ? `${classes.aside} ${classes.drawer}` : classes.aside}
              aria-label={t('annotations')}
              onKeyDown={
                narrow
                  ? (event) => {
                      if (event.key === 'Escape' && !event.defaultPrevented) setDrawerOpen(false);
                    }
                  : undefined
              }
            >
              <div className={classes.asideHeader}>
                <span>{t('annotations')}</span>
                <Tooltip label={t('hidePanel')}>
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    size="sm"
                    aria-label={t('hidePanel')}
                    onClick={() => setPanelOpen(false)}
                  >
                    <PanelIcon size={14} />
                  </ActionIcon>
                </Tooltip>
              </div>
              <div className={classes.asideBody}>
                <SuggestionsPanel />
                <AnnotationPanel hostsFlagDialog={false} />
              </div>
            </aside>
          )}
        </>
      )}
      {/* Mounted here, not in the panel, so F flags a selection while the panel is hidden too. */}
      {status === 'ready' && hasSession && <FlagDialogHost />}
      <HelpOverlay opened={helpOpen} onClose={() => setHelpOpen(false)} isMac={isMac} />
      <ProjectDialogs dialog={dialog} newProject={dropped} onClose={() => setDialog(null)} />
      {dragging && (
        <div className={classes.dropHint} aria-hidden="true">
          {t('dropFiles')}
        </div>
      )}
      <NoticeToasts />
    </div>
  );
}

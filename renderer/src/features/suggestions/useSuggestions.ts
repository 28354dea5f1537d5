import { useCallback, useEffect, useMemo } from 'react';
import type { DocumentFinding } from '../../../../core/checks/checkDocument';
import { withCheckEnabled } from '../../../../core/checks/settingsSchema';
import type { CheckName } from '../../../../core/checks/types';
import { messageOf } from '../../errors';
import { useReview, useReviewStore } from '../../state/ReviewStoreContext';
import { useMessages, useUiLanguage } from '../../useMessages';
import { useUpdateSettings } from '../annotations/useUpdateSettings';
import { acceptSuggestion, dismissSuggestion, mintId } from './suggestionCommands';
import { acceptAllCommand, suggestionsByRow, type Suggestion } from './suggestionModel';
import { sharedSuggestions } from './suggestionSpans';

/** How long the checks wait after a change before they run again (a burst of edits runs them once). */
const CHECKS_DEBOUNCE_MS = 400;

/**
 * Asks for the automatic checks whenever the open project's alignment, check settings or glossary change (after opening, after
 * every alignment edit, realignment, undo or redo, and changes from other windows), debounced. The checks run on the
 * Node side in the aligner's worker: the UI thread only awaits the answer.
 */
export function useAutomaticChecks(): void {
  const path = useReview((state) => state.path);
  const alignment = useReview((state) => state.history?.present.alignment);
  const settings = useReview((state) => state.meta?.settings.checks);
  const glossary = useReview((state) => state.meta?.settings.glossary);
  const refresh = useReview((state) => state.refreshChecks);
  useEffect(() => {
    if (!path || !alignment) return;
    const timer = setTimeout(() => void refresh(), CHECKS_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [path, alignment, settings, glossary, refresh]);
}

/** The open suggestions (neither dismissed nor accepted) of the current session, with their rows. */
export function useOpenSuggestions(): readonly Suggestion[] {
  const findings = useReview((state) => state.checks.findings);
  const session = useReview((state) => state.history?.present);
  return useMemo(() => (session ? sharedSuggestions(findings, session) : []), [findings, session]);
}

/** The open suggestions by row (sentence bead index). */
export function useSuggestionsByRow(): ReadonlyMap<number, readonly Suggestion[]> {
  const suggestions = useOpenSuggestions();
  return useMemo(() => suggestionsByRow(suggestions), [suggestions]);
}

/** What the suggestion controls do, bound to the workspace store. */
export interface SuggestionActions {
  /** `from`: the element acted from; the neighbouring suggestion gets the focus afterwards. */
  accept(finding: DocumentFinding, from?: Element | null): void;
  dismiss(finding: DocumentFinding, from?: Element | null): void;
  acceptAll(findings: readonly DocumentFinding[]): void;
  restore(dismissalId: string): void;
  setCheckEnabled(check: CheckName, enabled: boolean): void;
}

/** The suggestion controls' actions. */
export function useSuggestionActions(): SuggestionActions {
  const store = useReviewStore();
  const t = useMessages();
  const language = useUiLanguage();
  const updateSettings = useUpdateSettings();
  const accept = useCallback(
    (finding: DocumentFinding, from?: Element | null) =>
      void acceptSuggestion(store, finding, language, from),
    [store, language],
  );
  const dismiss = useCallback(
    (finding: DocumentFinding, from?: Element | null) =>
      void dismissSuggestion(store, finding, from),
    [store],
  );
  const acceptAll = useCallback(
    (findings: readonly DocumentFinding[]) => {
      const session = store.getState().history?.present;
      if (!session) return;
      const command = acceptAllCommand(
        findings,
        session.alignment,
        mintId,
        new Date().toISOString(),
        language,
      );
      if (command) void store.getState().run(command);
    },
    [store, language],
  );
  const restore = useCallback(
    (dismissalId: string) =>
      void store.getState().run({ type: 'restoreSuggestion', id: dismissalId }),
    [store],
  );
  const setCheckEnabled = useCallback(
    (check: CheckName, enabled: boolean) => {
      const current = store.getState().meta?.settings.checks;
      updateSettings({ checks: withCheckEnabled(current, check, enabled) }).catch(
        (error: unknown) =>
          store.getState().notify('error', t('checkSettingsFailed', { reason: messageOf(error) })),
      );
    },
    [store, t, updateSettings],
  );
  return useMemo(
    () => ({ accept, dismiss, acceptAll, restore, setCheckEnabled }),
    [accept, dismiss, acceptAll, restore, setCheckEnabled],
  );
}

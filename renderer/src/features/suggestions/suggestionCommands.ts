import type { DocumentFinding } from '../../../../core/checks/checkDocument';
import type { ReviewStore } from '../../state/reviewStore';
import { acceptCommand, dismissCommand, suggestionsOf, type Suggestion } from './suggestionModel';

/** A new id for an annotation or a dismissal. */
export function mintId(): string {
  return crypto.randomUUID();
}

/** Accepts a suggestion: it becomes an open annotation raised by the check (one undoable command). */
export function acceptSuggestion(store: ReviewStore, finding: DocumentFinding): Promise<boolean> {
  const session = store.getState().history?.present;
  if (!session) return Promise.resolve(false);
  const command = acceptCommand(finding, session.alignment, mintId(), new Date().toISOString());
  return command ? store.getState().run(command) : Promise.resolve(false);
}

/** Dismisses a suggestion for good (one undoable command, kept in the project). */
export function dismissSuggestion(store: ReviewStore, finding: DocumentFinding): Promise<boolean> {
  const session = store.getState().history?.present;
  if (!session) return Promise.resolve(false);
  return store
    .getState()
    .run(dismissCommand(finding, session.alignment, mintId(), new Date().toISOString()));
}

/**
 * The suggestion the accept and dismiss keys act on: the one that has the keyboard focus (in the panel or in a row),
 * else the first open suggestion of row `beadIndex`; null when there is none.
 */
export function targetSuggestion(store: ReviewStore, beadIndex: number | null): Suggestion | null {
  const state = store.getState();
  const session = state.history?.present;
  if (!session) return null;
  const suggestions = suggestionsOf(state.checks.findings, session);
  const focused =
    document.activeElement instanceof HTMLElement
      ? document.activeElement.closest<HTMLElement>('[data-suggestion-key]')?.dataset.suggestionKey
      : undefined;
  if (focused !== undefined) {
    const match = suggestions.find((suggestion) => suggestion.key === focused);
    if (match) return match;
  }
  return suggestions.find((suggestion) => suggestion.beadIndex === beadIndex) ?? null;
}

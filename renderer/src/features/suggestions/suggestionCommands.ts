import type { DocumentFinding } from '../../../../core/checks/checkDocument';
import type { UiLanguage } from '../../i18n';
import type { ReviewStore } from '../../state/reviewStore';
import { acceptCommand, dismissCommand, suggestionsOf, type Suggestion } from './suggestionModel';

/** A new id for an annotation or a dismissal. */
export function mintId(): string {
  return crypto.randomUUID();
}

/**
 * Keeps the keyboard where it was when a suggestion goes away: remembers the suggestion next to `from` (the element of
 * the suggestion acted on, or inside it) in its list, the following one or else the one before, and returns a function
 * that focuses it once the list has changed. Does nothing when `from` is not in a suggestion.
 */
function keepFocusNear(from: Element | null | undefined): () => void {
  const item = from?.closest<HTMLElement>('[data-suggestion-key]');
  const list = item?.parentElement;
  if (!item || !list) return () => {};
  const siblings = [...list.querySelectorAll<HTMLElement>(':scope > [data-suggestion-key]')];
  const index = siblings.indexOf(item);
  const neighbour = siblings[index + 1] ?? siblings[index - 1];
  const key = neighbour?.dataset.suggestionKey;
  return () => {
    if (key === undefined) return;
    requestAnimationFrame(() =>
      document.querySelector<HTMLElement>(`[data-suggestion-key="${CSS.escape(key)}"]`)?.focus(),
    );
  };
}

/**
 * Accepts a suggestion: it becomes an open annotation raised by the check (one undoable command), its comment the
 * message in the reviewer's `language`. `from`: the element the reviewer acted from, whose neighbouring suggestion gets
 * the focus afterwards.
 */
export async function acceptSuggestion(
  store: ReviewStore,
  finding: DocumentFinding,
  language: UiLanguage,
  from?: Element | null,
): Promise<boolean> {
  const session = store.getState().history?.present;
  if (!session) return false;
  const command = acceptCommand(
    finding,
    session.alignment,
    mintId(),
    new Date().toISOString(),
    language,
  );
  if (!command) return false;
  const refocus = keepFocusNear(from);
  const applied = await store.getState().run(command);
  if (applied) refocus();
  return applied;
}

/** Dismisses a suggestion for good (one undoable command, kept in the project); `from` as for `acceptSuggestion`. */
export async function dismissSuggestion(
  store: ReviewStore,
  finding: DocumentFinding,
  from?: Element | null,
): Promise<boolean> {
  const session = store.getState().history?.present;
  if (!session) return false;
  const refocus = keepFocusNear(from);
  const applied = await store
    .getState()
    .run(dismissCommand(finding, session.alignment, mintId(), new Date().toISOString()));
  if (applied) refocus();
  return applied;
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

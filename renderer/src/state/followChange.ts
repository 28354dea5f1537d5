import type { ProjectChangeEvent } from '../../../core/ipc/contract';
import type { ReviewState } from './reviewTypes';
import {
  canRedo,
  canUndo,
  executeCommand,
  redo,
  undo,
  type ReviewHistory,
} from '../../../core/review/history';

/** Where `ReviewHistory` would go after another window's change, or null when this copy cannot follow it. */
export function followChange(
  history: ReviewHistory,
  event: ProjectChangeEvent,
): ReviewHistory | null {
  if (event.kind === 'settings' || event.kind === 'save-status' || event.kind === 'progress')
    return history;
  let next: ReviewHistory;
  if (event.kind === 'command') {
    const { history: after, result } = executeCommand(history, event.command);
    if (!result.ok || after === history) return null;
    next = after;
  } else if (event.kind === 'undo') {
    if (!canUndo(history)) return null;
    next = undo(history);
  } else {
    if (!canRedo(history)) return null;
    next = redo(history);
  }
  const agrees =
    event.sentenceBeadCount === next.present.alignment.sentenceBeads.length &&
    event.annotationCount === next.present.annotations.length;
  return agrees ? next : null;
}

/**
 * What this window does with a change from the feed: ignore it (its own, another project's, already here), catch up
 * by reloading (it cannot be followed step by step: requests of its own in flight, a missed revision, a command that
 * does not apply), or take the returned state (the change followed here as the Node side applied it).
 */
export function reactToChange(
  state: ReviewState,
  event: ProjectChangeEvent,
  clientId: string,
): 'ignore' | 'catch-up' | Partial<ReviewState> {
  // An opening's progress changes no project (the store shows it while it waits).
  if (event.kind === 'progress') return 'ignore';
  if (!state.path || !state.history || !state.meta || event.path !== state.path) return 'ignore';
  if (event.kind === 'save-status') {
    return event.revision >= state.saveStatusRevision
      ? { saveStatus: event.status, saveStatusRevision: event.revision }
      : 'ignore';
  }
  // This window's own change: its answer is handled where it was sent (settings have no store action: follow).
  if (event.clientId === clientId && event.kind !== 'settings') return 'ignore';
  if (event.revision <= state.revision) return 'ignore'; // already here (a reload brought it)
  if (state.inFlight > 0 || event.revision !== state.revision + 1) return 'catch-up';
  const next = followChange(state.history, event);
  if (!next) return 'catch-up';
  return {
    history: next,
    revision: event.revision,
    ...(event.kind === 'settings' ? { meta: { ...state.meta, settings: event.settings } } : {}),
  };
}

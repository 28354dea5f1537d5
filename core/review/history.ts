import type { BilingualLabel } from './mqm';
import { commandLabel, runCommand } from './session';
import type { CommandResult, ReviewCommand, ReviewSession } from './session';

/**
 * Undo and redo as stacks of earlier sessions. Sessions are immutable and share unchanged parts, so keeping whole
 * sessions is cheap and undo restores the exact earlier object (no inverse commands to get wrong).
 */

/** How many steps back undo reaches by default. */
export const DEFAULT_HISTORY_LIMIT = 200;

/** One step that can be undone or redone: the session on the other side of it, and what the step did. */
export interface HistoryEntry {
  readonly session: ReviewSession;
  /** What the step did, e.g. `{ en: 'merge', ja: '結合' }`. */
  readonly label: BilingualLabel;
}

/** The current session with what undo and redo would bring back. */
export interface ReviewHistory {
  readonly present: ReviewSession;
  /** Earlier sessions, oldest first; the last one is what undo restores. At most `limit` entries. */
  readonly past: readonly HistoryEntry[];
  /** Undone sessions, furthest first; the last one is what redo restores. Cleared by any new change. */
  readonly future: readonly HistoryEntry[];
  /** The most entries `past` keeps (≥ 0); the oldest fall off. */
  readonly limit: number;
}

/** A history with nothing to undo, e.g. right after opening a project. */
export function createHistory(
  session: ReviewSession,
  limit: number = DEFAULT_HISTORY_LIMIT,
): ReviewHistory {
  return { present: session, past: [], future: [], limit: Math.max(0, Math.floor(limit)) };
}

/** The outcome of `executeCommand`: the next history, and the command's result (reason when refused, note). */
export interface HistoryResult {
  readonly history: ReviewHistory;
  readonly result: CommandResult;
}

/**
 * Runs a command on the present session and records it for undo. A refused command, or one that changes nothing,
 * leaves the history as it is (same object): an undo step that does nothing would confuse.
 */
export function executeCommand(history: ReviewHistory, command: ReviewCommand): HistoryResult {
  const result = runCommand(history.present, command);
  if (result.session === history.present) return { history, result };
  return { history: recordSession(history, result.session, commandLabel(command)), result };
}

/** `executeCommand` without the result: the next history. */
export function applyCommandToHistory(
  history: ReviewHistory,
  command: ReviewCommand,
): ReviewHistory {
  return executeCommand(history, command).history;
}

/**
 * Makes `session` the present, with `label` naming the step for undo; clears redo. For changes made outside
 * `applyCommand` (none today, but e.g. a batch import of check results). Same object when `session` is the present.
 */
export function recordSession(
  history: ReviewHistory,
  session: ReviewSession,
  label: BilingualLabel,
): ReviewHistory {
  if (session === history.present) return history;
  const past = [...history.past, { session: history.present, label }];
  return {
    present: session,
    past: past.length > history.limit ? past.slice(past.length - history.limit) : past,
    future: [],
    limit: history.limit,
  };
}

/** True when there is a step to undo. */
export function canUndo(history: ReviewHistory): boolean {
  return history.past.length > 0;
}

/** True when there is an undone step to redo. */
export function canRedo(history: ReviewHistory): boolean {
  return history.future.length > 0;
}

/** Steps back once: the present becomes the session before the last step. Same object when nothing to undo. */
export function undo(history: ReviewHistory): ReviewHistory {
  const entry = history.past[history.past.length - 1];
  if (entry === undefined) return history;
  return {
    present: entry.session,
    past: history.past.slice(0, -1),
    future: [...history.future, { session: history.present, label: entry.label }],
    limit: history.limit,
  };
}

/** Steps forward once, redoing the last undone step. Same object when nothing to redo. */
export function redo(history: ReviewHistory): ReviewHistory {
  const entry = history.future[history.future.length - 1];
  if (entry === undefined) return history;
  return {
    present: entry.session,
    past: [...history.past, { session: history.present, label: entry.label }],
    future: history.future.slice(0, -1),
    limit: history.limit,
  };
}

const MENU_WORDS = {
  undo: { en: 'Undo', ja: '元に戻す' },
  redo: { en: 'Redo', ja: 'やり直す' },
} as const;

function menuLabel(
  action: 'undo' | 'redo',
  entry: HistoryEntry | undefined,
  language: keyof BilingualLabel,
): string {
  const word = MENU_WORDS[action][language];
  if (entry === undefined) return word;
  return language === 'ja' ? `${word}: ${entry.label.ja}` : `${word} ${entry.label.en}`;
}

/** The Undo menu item: "Undo merge" / "元に戻す: 結合"; just "Undo" when there is nothing to undo. */
export function undoLabel(history: ReviewHistory, language: keyof BilingualLabel = 'en'): string {
  return menuLabel('undo', history.past[history.past.length - 1], language);
}

/** The Redo menu item: "Redo split" / "やり直す: 分割"; just "Redo" when there is nothing to redo. */
export function redoLabel(history: ReviewHistory, language: keyof BilingualLabel = 'en'): string {
  return menuLabel('redo', history.future[history.future.length - 1], language);
}

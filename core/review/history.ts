import type { AnnotationStatus } from './annotation';
import { runCommand } from './commands';
import type { CommandResult, ReviewCommand, ReviewCommandType } from './commands';
import type { ReviewSession } from './session';

/**
 * Undo and redo as stacks of earlier sessions. Sessions are immutable and share unchanged parts, so keeping whole
 * sessions is cheap and undo restores the exact earlier object (no inverse commands to get wrong).
 */

/** How many steps back undo reaches by default. */
export const DEFAULT_HISTORY_LIMIT = 200;

/**
 * What a step did, for the UI to name it ("Undo merge"): the command's type, and for a status change the status set.
 * Core holds no UI words; the renderer maps a step to its label.
 */
export type HistoryStep =
  | { readonly type: Exclude<ReviewCommandType, 'setAnnotationStatus'> }
  | { readonly type: 'setAnnotationStatus'; readonly status: AnnotationStatus };

/** The step a command makes. */
export function stepOf(command: ReviewCommand): HistoryStep {
  return command.type === 'setAnnotationStatus'
    ? { type: command.type, status: command.status }
    : { type: command.type };
}

/** One step that can be undone or redone: the session on the other side of it, and what the step did. */
export interface HistoryEntry {
  readonly session: ReviewSession;
  /** What the step did, e.g. `{ type: 'mergeWithNext' }`. */
  readonly step: HistoryStep;
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
  return { history: recordSession(history, result.session, stepOf(command)), result };
}

/** `executeCommand` without the result: the next history. */
export function applyCommandToHistory(
  history: ReviewHistory,
  command: ReviewCommand,
): ReviewHistory {
  return executeCommand(history, command).history;
}

/**
 * Makes `session` the present, with `step` saying what changed it; clears redo. `executeCommand` records through here.
 * Same object when `session` is the present.
 */
export function recordSession(
  history: ReviewHistory,
  session: ReviewSession,
  step: HistoryStep,
): ReviewHistory {
  if (session === history.present) return history;
  const past = [...history.past, { session: history.present, step }];
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

/** What undo and redo would take back or bring again: the last step of each stack, null when it is empty. */
export function nextSteps(history: ReviewHistory): {
  readonly undo: HistoryStep | null;
  readonly redo: HistoryStep | null;
} {
  return {
    undo: history.past[history.past.length - 1]?.step ?? null,
    redo: history.future[history.future.length - 1]?.step ?? null,
  };
}

/** Steps back once: the present becomes the session before the last step. Same object when nothing to undo. */
export function undo(history: ReviewHistory): ReviewHistory {
  const entry = history.past[history.past.length - 1];
  if (entry === undefined) return history;
  return {
    present: entry.session,
    past: history.past.slice(0, -1),
    future: [...history.future, { session: history.present, step: entry.step }],
    limit: history.limit,
  };
}

/** Steps forward once, redoing the last undone step. Same object when nothing to redo. */
export function redo(history: ReviewHistory): ReviewHistory {
  const entry = history.future[history.future.length - 1];
  if (entry === undefined) return history;
  return {
    present: entry.session,
    past: [...history.past, { session: history.present, step: entry.step }],
    future: history.future.slice(0, -1),
    limit: history.limit,
  };
}

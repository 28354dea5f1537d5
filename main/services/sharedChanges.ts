import { messageOf } from './serviceError';
import type { ApplyResult, ProjectChangeEvent } from '../../core/ipc/contract';
import type { ReviewCommand } from '../../core/review/commands';
import type { ReviewHistory } from '../../core/review/history';
import type { ChangeFeed } from './changeFeed';
import {
  applyResult,
  recordChange,
  saveStatusOf,
  type JournalChange,
  type OpenProject,
} from './openProjects';
import { createRequestLedger, type RequestLedger } from './requestLedger';

/** What a mutating request says about itself (see `ChangeRequestFields` in the contract). */
export interface ChangeRequest {
  readonly requestId?: string | undefined;
  readonly clientId?: string | undefined;
  readonly baseRevision?: number | undefined;
}

/** How many recent row changes each project keeps to decide conflicts. */
export const ROW_CHANGES_REMEMBERED = 256;

/** What a change event says besides who made it and when (filled in by `commit`). */
export type ChangeDescription =
  | { kind: 'command'; command: ReviewCommand }
  | { kind: 'undo' }
  | { kind: 'redo' }
  | { kind: 'settings' };

/**
 * Commands that address annotations and dismissed suggestions by id or by their text's offsets, never rows: another
 * window's row edits cannot make them land on the wrong rows. Every other command addresses rows by index.
 */
const ROW_FREE_COMMANDS: ReadonlySet<ReviewCommand['type']> = new Set([
  'addAnnotation',
  'addAnnotations',
  'updateAnnotation',
  'deleteAnnotation',
  'setAnnotationStatus',
  'dismissSuggestion',
  'restoreSuggestion',
]);

/** Whether a command addresses rows (sentence beads, sentences) by index. */
export function addressesRows(command: ReviewCommand): boolean {
  return !ROW_FREE_COMMANDS.has(command.type);
}

/**
 * What lets several windows share one open project: each change is applied once per request id (`ledger`), gets its
 * own revision at the moment it is applied, is journaled, and is published on the change feed once on disk, in revision
 * order. Row commands computed on rows another window has changed since are refused (`rowConflict`).
 */
export interface SharedChanges {
  readonly feed: ChangeFeed;
  readonly ledger: RequestLedger;
  /**
   * Records a change: moves `open` to the `next` history (null: the caller changed the settings), journals it, answers with the revision and
   * fingerprints as of this change (captured before anything is awaited, so overlapping requests never share one), and
   * publishes it, then the save status, once the journal append is done.
   */
  commit(
    open: OpenProject,
    next: ReviewHistory | null,
    journal: JournalChange,
    description: ChangeDescription,
    request: ChangeRequest,
    extra?: Partial<ApplyResult>,
  ): Promise<ApplyResult>;
  /** Why `command` must be refused (the rows it addresses changed in another window since it was computed), if so. */
  rowConflict(
    open: OpenProject,
    command: ReviewCommand,
    request: ChangeRequest,
  ): string | undefined;
}

/** The message a refused row command carries. */
export const ROW_CONFLICT_REASON =
  'The rows changed in another window before this change arrived, so it was not applied; the view now shows the current rows.';

interface RowChange {
  readonly revision: number;
  readonly clientId: string | undefined;
}

/** Shared-change bookkeeping publishing on `feed`. */
export function createSharedChanges(feed: ChangeFeed): SharedChanges {
  const ledger = createRequestLedger();
  // Per open project: the changes that altered its rows, oldest first, and the end of its publication chain.
  const rowChanges = new WeakMap<OpenProject, RowChange[]>();
  const published = new WeakMap<OpenProject, Promise<void>>();

  function noteRowChange(open: OpenProject, revision: number, clientId: string | undefined): void {
    const list = rowChanges.get(open) ?? [];
    list.push({ revision, clientId });
    if (list.length > ROW_CHANGES_REMEMBERED) list.shift();
    rowChanges.set(open, list);
  }

  return {
    feed,
    ledger,

    commit(open, next, journal, description, request, extra = {}) {
      if (next) {
        if (next.present.alignment !== open.history.present.alignment)
          noteRowChange(open, open.revision + 1, request.clientId);
        open.history = next;
      }
      // recordChange takes the next revision and queues the journal entry synchronously, before its first await.
      const recording = recordChange(open, journal);
      const result = applyResult(open, true, extra);
      const origin = {
        path: open.path,
        revision: result.revision,
        ...(request.requestId !== undefined ? { requestId: request.requestId } : {}),
        ...(request.clientId !== undefined ? { clientId: request.clientId } : {}),
      };
      const fingerprints = {
        sentenceBeadCount: result.sentenceBeadCount,
        annotationCount: result.annotationCount,
      };
      const event: ProjectChangeEvent =
        description.kind === 'settings'
          ? { kind: 'settings', ...origin, settings: open.meta.settings }
          : description.kind === 'command'
            ? { kind: 'command', ...origin, ...fingerprints, command: description.command }
            : { kind: description.kind, ...origin, ...fingerprints };
      // Published in revision order once on disk (or once the attempt failed: the change is in memory either way, and
      // the autosaver carries it), so other windows apply them in the order they were made.
      // A change the journal refused (disk full, lock lost) was rolled back by recordChange: it is not published, and
      // its answer says it was not applied, with the reason.
      const refusal = recording.then(
        (refused) => refused,
        (error: unknown) => messageOf(error),
      );
      const chain = (published.get(open) ?? Promise.resolve()).then(() => refusal);
      const done = chain.then((refused) => {
        if (refused === null) feed.publish(event);
        feed.publish({ kind: 'save-status', ...origin, status: saveStatusOf(open) });
      });
      published.set(open, done);
      return recording.then((refused) =>
        refused === null ? result : applyResult(open, false, { reason: refused }),
      );
    },

    rowConflict(open, command, request) {
      if (request.baseRevision === undefined || !addressesRows(command)) return undefined;
      const base = request.baseRevision;
      if (base >= open.revision) return undefined;
      const list = rowChanges.get(open) ?? [];
      // Changes older than what is remembered cannot be judged: refuse rather than apply to rows that may have moved.
      const oldest = list[0]?.revision ?? Number.POSITIVE_INFINITY;
      if (list.length >= ROW_CHANGES_REMEMBERED && base < oldest) return ROW_CONFLICT_REASON;
      const changedElsewhere = list.some(
        (change) =>
          change.revision > base &&
          (change.clientId === undefined || change.clientId !== request.clientId),
      );
      return changedElsewhere ? ROW_CONFLICT_REASON : undefined;
    },
  };
}

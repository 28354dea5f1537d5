import type { StoreApi } from 'zustand/vanilla';
import type {
  ApplyResult,
  ImportResult,
  IpcRequest,
  ProjectChangeEvent,
  RecentProject,
  SaveStatus,
  WorkspaceSnapshot,
} from '../../../core/ipc/contract';
import type { AlignmentProgress } from '../../../core/alignment/alignDocument';
import type { ProjectFile } from '../../../core/project/projectFile';
import type { ReviewCommand } from '../../../core/review/commands';
import type { RowFilter } from '../../../core/review/filters';
import type { HistoryStep, ReviewHistory } from '../../../core/review/history';
import type { UiLanguage } from '../i18n';

// The review store's state, actions and backend (the store itself is reviewStore.ts).

/** What `project:create` takes: two texts, or one bilingual document. */
export type CreateProjectRequest = IpcRequest<'project:create'>;

/**
 * What each change request carries (see `ChangeRequestFields` in the contract): its id (reused by retries), this
 * window's id, and the last revision this window had seen when it made the change.
 */
export interface ChangeFields {
  readonly requestId: string;
  readonly clientId: string;
  readonly baseRevision: number;
}

/** What the store hears from the change feed. */
export interface ChangeSubscriber {
  /** A change applied by any window (this one's included). */
  readonly change: (event: ProjectChangeEvent) => void;
  /** The feed was interrupted: changes may have been missed. */
  readonly missed: () => void;
}

/** What `project:import` takes: one file of any importable kind, or two (English, then Japanese). */
export type ImportProjectRequest = IpcRequest<'project:import'>;

/** The service's question about a bilingual table's columns (an answer of `project:import`). */
export type ColumnQuestion = Extract<ImportResult, { kind: 'needs-columns' }>;

/** What the store needs from the transport; `ipc.ts` in the app, a fake in tests. */
export interface ReviewBackend {
  /** Opens a project; without a path, the project to start with (command line, else the sample). */
  open(path?: string): Promise<WorkspaceSnapshot>;
  /** Opens the project to start with: the command line's, else `remembered` (the last one), else the sample. */
  openInitial(remembered?: string): Promise<WorkspaceSnapshot>;
  /** Opens the built-in sample. */
  openSample(): Promise<WorkspaceSnapshot>;
  create(request: CreateProjectRequest): Promise<WorkspaceSnapshot>;
  /** Makes a project from files (documents, XLIFF, TMX, tables), or asks which columns of a table are which. */
  importFiles(request: ImportProjectRequest): Promise<ImportResult>;
  /** `overwrite`: the reviewer agreed to replace the project already at `newPath`. */
  saveAs(path: string, newPath: string, overwrite?: boolean): Promise<WorkspaceSnapshot>;
  close(path: string): Promise<void>;
  recent(): Promise<RecentProject[]>;
  apply(path: string, command: ReviewCommand, change?: ChangeFields): Promise<ApplyResult>;
  /** Realigns on the Node side; the answer carries the `replaceAlignment` command it applied. */
  realign(path: string, change?: ChangeFields): Promise<ApplyResult>;
  undo(path: string, change?: ChangeFields): Promise<ApplyResult>;
  redo(path: string, change?: ChangeFields): Promise<ApplyResult>;
  /** Subscribes to the changes every window makes (absent: this window sees only its own). */
  subscribe?(subscriber: ChangeSubscriber): () => void;
  save(path: string): Promise<SaveStatus>;
  status(path: string): Promise<SaveStatus>;
}

/** The open project's fields besides the session. */
export type ProjectMeta = Omit<ProjectFile, 'alignment' | 'annotations'>;

/** A message for the reviewer, shown once. */
export interface Notice {
  readonly id: number;
  readonly kind: 'info' | 'warning' | 'error';
  readonly message: string;
}

/** UI state that is not undoable and not saved with the project. */
export interface UiState {
  /** 0-based index of the selected sentence bead, or null. */
  readonly selectedBead: number | null;
  readonly uiLanguage: UiLanguage;
  /** True while the flag dialog (new annotation on the current text selection) is open. */
  readonly flagDialogOpen: boolean;
  /** The annotation open in the edit dialog (panel Edit button, shortcut E), or null. */
  readonly editingAnnotationId: string | null;
  /** The annotation focused in the panel and highlighted in the text, or null. */
  readonly selectedAnnotationId: string | null;
  /** Which rows the view shows (search text included); `{}` shows every row. */
  readonly filter: RowFilter;
}

export interface ReviewState {
  readonly status: 'idle' | 'loading' | 'ready' | 'failed';
  readonly loadError: string | null;
  readonly path: string | null;
  readonly meta: ProjectMeta | null;
  readonly isSample: boolean;
  /** The undoable session, mirrored from the Node side (which owns the saved copy). */
  readonly history: ReviewHistory | null;
  /** The Node side's revision after the last acknowledged change. */
  readonly revision: number;
  /**
   * What the Node side's history can still undo or redo beyond this copy's `history`: after a reload of the page, the
   * changes made before it (their sessions stay on the Node side; undo and redo then run there and this copy reloads).
   */
  readonly sharedSteps: { readonly undo: HistoryStep | null; readonly redo: HistoryStep | null };
  /** Changes sent and not yet acknowledged. */
  readonly inFlight: number;
  /** While a project is being opened: how far the aligner has got (the sample's first start), or null. */
  readonly opening: AlignmentProgress | null;
  readonly saveStatus: SaveStatus | null;
  /** The revision `saveStatus` was asked for: a newer revision means a change not yet known to be on disk. */
  readonly saveStatusRevision: number;
  readonly ui: UiState;
  readonly notices: readonly Notice[];
}

export interface ReviewActions {
  /**
   * Opens the first project of a session (see `ReviewBackend.openInitial`; `remembered` is the last project the UI
   * had open). Failure shows on the whole screen.
   */
  load(remembered?: string): Promise<void>;
  /** Opens another project in place of this one (which is saved and released); throws with the reason on failure. */
  openProject(path: string): Promise<void>;
  /** Creates a project and opens it in place of this one; throws with the Node side's reason on failure. */
  createProject(request: CreateProjectRequest): Promise<void>;
  /**
   * Imports files as a new project and opens it in place of this one; resolves to null, or to the service's question
   * about a table's columns (nothing changes then). Throws with the service's reason (naming the file) on failure.
   */
  importProject(request: ImportProjectRequest): Promise<ColumnQuestion | null>;
  /** Saves this project under a new path and continues there (undo history kept); throws on failure. */
  /**
   * Saves the project under `newPath` and continues there. Rejects with an `IpcCallError` of code `exists` when a
   * project is there already, until called again with `overwrite` (after asking the reviewer).
   */
  saveAs(newPath: string, options?: { readonly overwrite?: boolean }): Promise<void>;
  /** Saves and closes this project, then opens the sample. */
  closeProject(): Promise<void>;
  recentProjects(): Promise<RecentProject[]>;
  /**
   * Carries out a review command: applied here at once (the same pure core function the Node side runs, so both copies
   * agree), then sent; a refusal or disagreement from the Node side rolls this copy back to the saved state.
   */
  run(command: ReviewCommand): Promise<boolean>;
  /**
   * Realigns the unconfirmed rows: the Node side runs the aligner and applies the result as a `replaceAlignment`
   * command, which this copy then runs too (one undo step). Resolves to whether it applied.
   */
  realign(): Promise<boolean>;
  undo(): Promise<void>;
  redo(): Promise<void>;
  save(): Promise<void>;
  refreshSaveStatus(): Promise<void>;
  selectBead(index: number | null): void;
  /** Changes the row filter: given fields replace the current ones (`undefined` removes a criterion). */
  setFilter(changes: Partial<RowFilter>): void;
  clearFilter(): void;
  setUiLanguage(language: UiLanguage): void;
  /** Opens or closes the flag dialog (the "flag selection" shortcut and button open it). */
  setFlagDialogOpen(open: boolean): void;
  /** Focuses an annotation (panel click, next/previous flag); also selects the row that holds it when given. */
  selectAnnotation(id: string | null, beadIndex?: number | null): void;
  /** Opens the edit dialog on annotation `id`, or closes it (null). */
  setEditingAnnotation(id: string | null): void;
  notify(kind: Notice['kind'], message: string): void;
  dismissNotice(id: number): void;
}

export type ReviewStore = StoreApi<ReviewState & ReviewActions>;

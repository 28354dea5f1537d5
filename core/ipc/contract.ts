import { z } from 'zod';
import { ALIGNMENT_PHASES } from '../alignment/alignDocument';
import { ProjectFileSchema, ProjectSettingsSchema } from '../project/projectFile';
import { EXPORT_FORMATS, EXPORT_PHASES } from '../report/exportFormats';
import { ANNOTATION_STATUSES } from '../review/annotationSchema';
import { ReviewCommandSchema, type ReviewCommandType } from '../review/commands';
import type { HistoryStep } from '../review/history';
import type { IpcChannel } from './channels';

/** What the app tells the UI about itself. */
export const AppInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  /** Which front door answers: the Electron main process or the loopback host. */
  host: z.enum(['electron', 'loopback']),
  /** Where new projects are saved when the reviewer does not pick a place. */
  projectsDirectory: z.string(),
  /** A project given on the command line, to open instead of the sample; null when none. */
  startupProject: z.string().nullable(),
});

/**
 * A text to import: the file's bytes (base64; the encoding is detected: UTF-8, UTF-16, Shift_JIS, EUC-JP) or text
 * already decoded (pasted).
 */
export const TextSourceSchema = z.union([
  z
    .object({ fileName: z.string().min(1).max(255), bytesBase64: z.string().max(72_000_000) })
    .strict(),
  z.object({ fileName: z.string().max(255).optional(), text: z.string().max(50_000_000) }).strict(),
]);

const projectPath = z.string().min(1).max(4096);

/** A file type filter of the desktop app's save dialog: a name and extensions without the dot. */
export const FileFilterSchema = z
  .object({
    name: z.string().max(200),
    extensions: z.array(z.string().regex(/^[a-z0-9]{1,10}$/i)).max(20),
  })
  .strict();

const commandTypes = ReviewCommandSchema.options.map((option) => option.shape.type.value) as [
  ReviewCommandType,
  ...ReviewCommandType[],
];

/** What an undo or redo step did (`HistoryStep` in core/review/history.ts), for the UI to name it. */
export const HistoryStepSchema: z.ZodType<HistoryStep> = z.union([
  z
    .object({ type: z.literal('setAnnotationStatus'), status: z.enum(ANNOTATION_STATUSES) })
    .strict(),
  z.object({ type: z.enum(commandTypes).exclude(['setAnnotationStatus']) }).strict(),
]);

/** An open project as the workspace shows it. */
export const WorkspaceSnapshotSchema = z.object({
  /** Absolute path of the project file. */
  path: z.string(),
  project: ProjectFileSchema,
  /** True for the built-in sample (the seed document), saved in the projects folder like any project. */
  isSample: z.boolean(),
  /** Set when the project file was damaged and its backup was opened: say so to the reviewer. */
  recovery: z.string().optional(),
  /** Set when the file was in an older format and was converted (the next save writes the current one). */
  migratedFrom: z.number().int().optional(),
  /** Set when the import had something to say (e.g. a side in an unexpected language). */
  warnings: z.array(z.string()),
  /** Increases with every change; `project:apply` answers with the new one. */
  revision: z.number().int().nonnegative(),
  /**
   * Set when the project was open already (a reload of the page, another window): what `project:undo` and
   * `project:redo` would take back or bring again in the Node side's history, which the snapshot does not carry.
   */
  undoStep: HistoryStepSchema.optional(),
  redoStep: HistoryStepSchema.optional(),
});

/** The outcome of a command, a realignment, an undo or a redo on an open project. */
export const ApplyResultSchema = z.object({
  /** False when the command was refused (nothing changed); `reason` says why. */
  applied: z.boolean(),
  reason: z.string().optional(),
  note: z.string().optional(),
  revision: z.number().int().nonnegative(),
  /** Cheap fingerprints the UI compares with its own copy to detect drift. */
  sentenceBeadCount: z.number().int().nonnegative(),
  annotationCount: z.number().int().nonnegative(),
  /**
   * The command the Node side ran for a request the UI cannot compute itself (`project:realign` answers with the
   * `replaceAlignment` it applied): the UI runs the same command on its copy.
   */
  command: ReviewCommandSchema.optional(),
});

/** Whether the open project's latest change is on disk. */
export const SaveStatusSchema = z.object({
  pending: z.boolean(),
  /** ISO time of the last successful save, null before the first. */
  lastSavedAt: z.string().nullable(),
  /** The last save error, cleared by the next successful save; changes stay pending meanwhile. */
  error: z.string().nullable(),
});

/** A project the reviewer opened before (`project:recent`); `exists` is false when neither it nor its backup is there. */
export const RecentProjectSchema = z.object({
  path: z.string(),
  name: z.string(),
  openedAt: z.string(),
  exists: z.boolean(),
});

// --- Several windows on one project: request ids, conflict checks and the change feed ---

/**
 * What a mutating request may carry so that several windows can share a project. `requestId` is generated by the
 * client for each change and reused when it retries: the Node side applies a request id once and answers a retry with
 * the original answer. `clientId` names the window (one per page load); `baseRevision` is the last revision that window
 * had seen when it computed a row command: a row command is refused when another window changed the rows since.
 */
export const ChangeRequestFields = {
  requestId: z.string().min(8).max(100).optional(),
  clientId: z.string().min(8).max(100).optional(),
  baseRevision: z.number().int().nonnegative().optional(),
};

/** Who made a change, as pushed to the other windows. */
const changeOrigin = {
  /** Absolute path of the project file. */
  path: z.string(),
  /** The revision this change produced: distinct and increasing per project. */
  revision: z.number().int().nonnegative(),
  requestId: z.string().optional(),
  clientId: z.string().optional(),
};

/** The fingerprints of the session after the change (see `ApplyResultSchema`). */
const changeFingerprints = {
  sentenceBeadCount: z.number().int().nonnegative(),
  annotationCount: z.number().int().nonnegative(),
};

/**
 * A change the Node side applied to an open project, pushed to every window (Electron: the `project:changed` event;
 * loopback host: `GET /api/events`, a server-sent stream). Windows apply other windows' changes with the same pure core
 * functions, and ignore their own (same `clientId`). Events of one project arrive in revision order.
 */
export const ProjectChangeEventSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('command'),
    ...changeOrigin,
    ...changeFingerprints,
    command: ReviewCommandSchema,
  }),
  z.object({ kind: z.literal('undo'), ...changeOrigin, ...changeFingerprints }),
  z.object({ kind: z.literal('redo'), ...changeOrigin, ...changeFingerprints }),
  z.object({ kind: z.literal('settings'), ...changeOrigin, settings: ProjectSettingsSchema }),
  /** Whether the change at `revision` (and those before it) is on disk. */
  z.object({ kind: z.literal('save-status'), ...changeOrigin, status: SaveStatusSchema }),
  /**
   * Not a change: how far the aligner has got with a project being opened or made (the sample's first start), for the
   * window waiting on it to show (see `AlignmentProgress` in core/alignment/alignDocument.ts).
   */
  z.object({
    kind: z.literal('progress'),
    phase: z.enum(ALIGNMENT_PHASES),
    done: z.number().int().nonnegative(),
    total: z.number().int().nonnegative(),
  }),
]);
/** A change pushed to every window (see `ProjectChangeEventSchema`). */
export type ProjectChangeEvent = z.infer<typeof ProjectChangeEventSchema>;
// --- Reports out, documents in: `project:import`, `project:export`, `project:export-progress`, `project:export-cancel`.

/**
 * A file to import, as bytes (base64). Its extension decides the format: .txt .md .docx .pdf .xliff .xlf .xlf2 .tmx
 * .csv .tsv .xlsx. The per-format size limits of main/services/import/limits.ts apply (and the loopback host reads
 * request bodies up to 64 MB).
 */
export const ImportFileSchema = z
  .object({ fileName: z.string().min(1).max(255), bytesBase64: z.string().max(140_000_000) })
  .strict();

/** Which table column is English and which Japanese (0-based), and whether row 1 is a header. */
export const ImportColumnChoiceSchema = z
  .object({
    english: z.number().int().nonnegative(),
    japanese: z.number().int().nonnegative(),
    header: z.boolean(),
  })
  .strict();

/**
 * `project:import` request: one file (bilingual text/Word/PDF, XLIFF, TMX, CSV/TSV/XLSX) or two (English, then
 * Japanese text/Word/PDF). `columns` answers a `needs-columns` result for a table.
 */
export const ImportRequestSchema = z
  .object({
    name: z.string().min(1).max(200).optional(),
    files: z.array(ImportFileSchema).min(1).max(2),
    columns: ImportColumnChoiceSchema.optional(),
  })
  .strict();

/**
 * `project:import` answer: the new project, saved in the projects folder and open; or, for a table whose columns
 * cannot be guessed, the question: every column with up to three sample cells. Ask the reviewer, then send the same
 * request again with `columns`.
 */
export const ImportResultSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('opened'), snapshot: WorkspaceSnapshotSchema }),
  z.object({
    kind: z.literal('needs-columns'),
    fileName: z.string(),
    reason: z.string(),
    header: z.boolean(),
    columns: z.array(
      z.object({
        index: z.number().int().nonnegative(),
        samples: z.array(z.string()),
        japaneseShare: z.number().optional(),
      }),
    ),
  }),
]);

/** A job id the UI picks for an export (to ask for its progress or cancel it). */
const exportJobId = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9_-]+$/);

/** `project:export` request. */
export const ExportRequestSchema = z
  .object({
    path: projectPath,
    format: z.enum(EXPORT_FORMATS),
    /** Rows the report lists (html, pdf, docx, json); default all. */
    rows: z.enum(['all', 'flagged']).optional(),
    /** Language of the report's own words; default en. */
    language: z.enum(['en', 'ja']).optional(),
    /** TMX: keep only confirmed rows or rows at least this confident. */
    minConfidence: z.number().min(0).max(1).optional(),
    /** TMX: keep only confirmed rows. */
    confirmedOnly: z.boolean().optional(),
    jobId: exportJobId,
    /**
     * `file`: written there whole or not at all (temporary file and rename). `download` (loopback host only): kept in
     * memory for 5 minutes and served once at `downloadUrl` (`GET`, with the same token header as the API).
     */
    destination: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('file'), filePath: projectPath }).strict(),
      z.object({ kind: z.literal('download') }).strict(),
    ]),
  })
  .strict();

/** `project:export` answer, once the file is written or ready to download. */
export const ExportResultSchema = z.object({
  fileName: z.string(),
  byteLength: z.number().int().nonnegative(),
  filePath: z.string().optional(),
  /** `/api/download/<jobId>` on the loopback host. */
  downloadUrl: z.string().optional(),
});

/**
 * `project:export-progress` answer: `done` of `total` phases, and `fraction` of the current phase done where a long
 * phase reports it; `finished` once it succeeded, failed or was cancelled.
 */
export const ExportProgressSchema = z.object({
  phase: z.enum([...EXPORT_PHASES, 'queued', 'done', 'failed', 'cancelled']),
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  fraction: z.number().min(0).max(1).optional(),
  finished: z.boolean(),
  error: z.string().optional(),
});

// --- end of reports out, documents in.

/** Request and response schemas of one channel. */
export interface ChannelSpec {
  readonly request: z.ZodType;
  readonly response: z.ZodType;
}

const empty = z.object({}).strict();

/**
 * The one typed contract between the UI and the Node side, used unchanged by the Electron main process and by the
 * loopback host. Every request is parsed with its schema at the boundary before any handler sees it.
 */
export const ipcContract = {
  'app:info': { request: empty, response: AppInfoSchema },
  /** Desktop app only: the native save dialog; null when the reviewer cancels. The loopback host refuses it. */
  'dialog:save-path': {
    request: z
      .object({
        defaultName: z.string().min(1).max(255),
        filters: z.array(FileFilterSchema).max(10),
      })
      .strict(),
    response: z.object({ path: z.string().nullable() }),
  },
  /** Desktop app only: shows a file the app has just exported in its folder. The loopback host refuses it. */
  'shell:show-in-folder': {
    request: z.object({ path: z.string().min(1).max(4096) }).strict(),
    response: empty,
  },
  /** Opens a project file; without a path, the sample (created from the seed document on first use). */
  'project:open': {
    request: z.object({ path: projectPath.optional() }).strict(),
    response: WorkspaceSnapshotSchema,
  },
  /** Creates a project from two texts, or from one bilingual document whose English and Japanese parts are detected. */
  'project:create': {
    request: z.union([
      z
        .object({
          name: z.string().min(1).max(200),
          source: TextSourceSchema,
          target: TextSourceSchema,
        })
        .strict(),
      z.object({ name: z.string().min(1).max(200), bilingual: TextSourceSchema }).strict(),
    ]),
    response: WorkspaceSnapshotSchema,
  },
  /** Applies one review command to an open project and schedules the autosave. */
  'project:apply': {
    request: z
      .object({ path: projectPath, command: ReviewCommandSchema, ...ChangeRequestFields })
      .strict(),
    response: ApplyResultSchema,
  },
  /**
   * Realigns the rows the reviewer has not confirmed: the Node side runs the aligner on the current alignment with the
   * pinned beads kept, then applies the result as a `replaceAlignment` command (journaled like any command) and answers
   * with that command. Refused when the aligner fails or the rows changed while it ran.
   */
  'project:realign': {
    request: z.object({ path: projectPath, ...ChangeRequestFields }).strict(),
    response: ApplyResultSchema,
  },
  'project:undo': {
    request: z.object({ path: projectPath, ...ChangeRequestFields }).strict(),
    response: ApplyResultSchema,
  },
  'project:redo': {
    request: z.object({ path: projectPath, ...ChangeRequestFields }).strict(),
    response: ApplyResultSchema,
  },
  'project:update-settings': {
    request: z
      .object({
        path: projectPath,
        settings: ProjectSettingsSchema.partial(),
        ...ChangeRequestFields,
      })
      .strict(),
    response: ProjectSettingsSchema,
  },
  /** Writes pending changes now and answers once they are on disk. */
  'project:save': { request: z.object({ path: projectPath }).strict(), response: SaveStatusSchema },
  /**
   * Saves the project under a new path and continues there. A project already at `newPath` is refused with error code
   * `exists` unless `overwrite` (the reviewer answered "Replace?"); anything else there is never replaced.
   */
  'project:save-as': {
    request: z
      .object({ path: projectPath, newPath: projectPath, overwrite: z.boolean().optional() })
      .strict(),
    response: WorkspaceSnapshotSchema,
  },
  'project:status': {
    request: z.object({ path: projectPath }).strict(),
    response: SaveStatusSchema,
  },
  /** Saves pending changes and releases the project. */
  'project:close': { request: z.object({ path: projectPath }).strict(), response: empty },
  'project:recent': { request: empty, response: z.array(RecentProjectSchema) },
  // Reports out, documents in.
  /** Makes a project from files of any supported format, saves it in the projects folder and opens it. */
  'project:import': { request: ImportRequestSchema, response: ImportResultSchema },
  /** Exports an open (or openable) project; answers when the file is written or ready to download. */
  'project:export': { request: ExportRequestSchema, response: ExportResultSchema },
  /** The progress of an export started with `jobId` (known for 10 minutes after it finishes). */
  'project:export-progress': {
    request: z.object({ jobId: exportJobId }).strict(),
    response: ExportProgressSchema,
  },
  /** Cancels a running export (it stops within a fraction of a second); false when no such export is running. */
  'project:export-cancel': {
    request: z.object({ jobId: exportJobId }).strict(),
    response: z.object({ cancelled: z.boolean() }),
  },
} satisfies Record<IpcChannel, ChannelSpec>;

/** The request a channel takes, as the caller writes it. */
export type IpcRequest<C extends IpcChannel> = z.input<(typeof ipcContract)[C]['request']>;
/** The request a handler receives, after parsing. */
export type IpcParsedRequest<C extends IpcChannel> = z.output<(typeof ipcContract)[C]['request']>;
/** The value a channel answers with. */
export type IpcResponse<C extends IpcChannel> = z.output<(typeof ipcContract)[C]['response']>;

/** An error that crossed the boundary: a stable code for the UI to branch on and a message for people. */
export const IpcErrorSchema = z.object({
  /** `exists`: Save As met a project at the chosen path; ask "Replace?" and send it again with `overwrite`. */
  code: z.enum(['invalid-request', 'not-found', 'refused', 'exists', 'failed']),
  message: z.string(),
  /** Readable paths of the fields that failed validation, e.g. `path: expected string`. */
  issues: z.array(z.string()).optional(),
});
/** An error that crossed the boundary (see `IpcErrorSchema`). */
export type IpcError = z.infer<typeof IpcErrorSchema>;

/** Every answer: a value or an error, never a thrown exception across the boundary. */
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcError };

/** What the app tells the UI about itself (see `AppInfoSchema`). */
export type AppInfo = z.infer<typeof AppInfoSchema>;
/** A text to import (see `TextSourceSchema`). */
export type TextSource = z.infer<typeof TextSourceSchema>;
/** An open project as the workspace shows it (see `WorkspaceSnapshotSchema`). */
export type WorkspaceSnapshot = z.infer<typeof WorkspaceSnapshotSchema>;
/** The outcome of a command, realignment, undo or redo (see `ApplyResultSchema`). */
export type ApplyResult = z.infer<typeof ApplyResultSchema>;
/** Whether the open project's latest change is on disk (see `SaveStatusSchema`). */
export type SaveStatus = z.infer<typeof SaveStatusSchema>;
/** The answer to `project:import` (see `ImportResultSchema`). */
export type ImportResult = z.infer<typeof ImportResultSchema>;
/** The progress of an export (see `ExportProgressSchema`). */
export type ExportProgress = z.infer<typeof ExportProgressSchema>;
/** A recently opened project (see `RecentProjectSchema`). */
export type RecentProject = z.infer<typeof RecentProjectSchema>;

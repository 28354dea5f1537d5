import { z } from 'zod';
import { ProjectFileSchema, ProjectSettingsSchema } from '../project/projectFile';
import { ReviewCommandSchema } from '../review/commands';
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
    request: z.object({ path: projectPath, command: ReviewCommandSchema }).strict(),
    response: ApplyResultSchema,
  },
  /**
   * Realigns the rows the reviewer has not confirmed: the Node side runs the aligner on the current alignment with the
   * pinned beads kept, then applies the result as a `replaceAlignment` command (journaled like any command) and answers
   * with that command. Refused when the aligner fails or the rows changed while it ran.
   */
  'project:realign': {
    request: z.object({ path: projectPath }).strict(),
    response: ApplyResultSchema,
  },
  'project:undo': {
    request: z.object({ path: projectPath }).strict(),
    response: ApplyResultSchema,
  },
  'project:redo': {
    request: z.object({ path: projectPath }).strict(),
    response: ApplyResultSchema,
  },
  'project:update-settings': {
    request: z.object({ path: projectPath, settings: ProjectSettingsSchema.partial() }).strict(),
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
/** A recently opened project (see `RecentProjectSchema`). */
export type RecentProject = z.infer<typeof RecentProjectSchema>;

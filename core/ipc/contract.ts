import { z } from 'zod';
import { DocumentAlignmentSchema } from '../alignment/schema';
import type { IpcChannel } from './channels';

/** What the app tells the UI about itself. */
export const AppInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  /** Which front door answers: the Electron main process or the loopback browser host. */
  host: z.enum(['electron', 'loopback']),
});

/** A document opened for review: its alignment and where it came from. */
export const OpenedDocumentSchema = z.object({
  title: z.string(),
  /** The project file path, or null for the built-in sample and unsaved projects. */
  path: z.string().nullable(),
  isSample: z.boolean(),
  alignment: DocumentAlignmentSchema,
});

/** Request and response schemas of one channel. */
export interface ChannelSpec {
  readonly request: z.ZodType;
  readonly response: z.ZodType;
}

/**
 * The one typed contract between the UI and the Node side, used unchanged by the Electron main process and by the
 * loopback host. Every request is parsed with its schema at the boundary before any handler sees it.
 */
export const ipcContract = {
  'app:info': { request: z.object({}).strict(), response: AppInfoSchema },
  /** Opens a project file; without a path, the app's sample (the seed document). */
  'project:open': {
    request: z.object({ path: z.string().min(1).optional() }).strict(),
    response: OpenedDocumentSchema,
  },
  'sample:open': { request: z.object({}).strict(), response: OpenedDocumentSchema },
} satisfies Record<IpcChannel, ChannelSpec>;

/** The request a channel takes, as the caller writes it. */
export type IpcRequest<C extends IpcChannel> = z.input<(typeof ipcContract)[C]['request']>;
/** The request a handler receives, after parsing. */
export type IpcParsedRequest<C extends IpcChannel> = z.output<(typeof ipcContract)[C]['request']>;
/** The value a channel answers with. */
export type IpcResponse<C extends IpcChannel> = z.output<(typeof ipcContract)[C]['response']>;

/** An error that crossed the boundary: a stable code for the UI to branch on and a message for people. */
export const IpcErrorSchema = z.object({
  code: z.enum(['invalid-request', 'not-found', 'refused', 'failed']),
  message: z.string(),
  /** Readable paths of the fields that failed validation, e.g. `path: expected string`. */
  issues: z.array(z.string()).optional(),
});
export type IpcError = z.infer<typeof IpcErrorSchema>;

/** Every answer: a value or an error, never a thrown exception across the boundary. */
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcError };

export type OpenedDocument = z.infer<typeof OpenedDocumentSchema>;
export type AppInfo = z.infer<typeof AppInfoSchema>;

import type { ExportProgress, IpcRequest, IpcResponse } from '../../../../core/ipc/contract';
import type { IpcChannel } from '../../../../core/ipc/channels';
import { messageOf } from '../../errors';
import { defaultFileName, exportRequest, formatInfo, type ExportValues } from './exportForm';

/** How often a running export is asked how far it has come. */
export const PROGRESS_POLL_MS = 250;

/** Where a finished export went: a file (desktop app) or the browser's downloads (loopback host). */
export type ExportOutcome =
  | { readonly kind: 'file'; readonly filePath: string; readonly fileName: string }
  | { readonly kind: 'download'; readonly fileName: string };

/** An export job as the dialog shows it. */
export type ExportJobState =
  | { readonly phase: 'idle' }
  | { readonly phase: 'running'; readonly progress: ExportProgress | null }
  | { readonly phase: 'done'; readonly outcome: ExportOutcome }
  | { readonly phase: 'cancelled' }
  | { readonly phase: 'failed'; readonly message: string };

/** What a job needs from the app: the transport (ipc.ts in the app, fakes in tests). */
export interface ExportPorts {
  invoke<C extends IpcChannel>(channel: C, request: IpcRequest<C>): Promise<IpcResponse<C>>;
  downloadFile(url: string, fileName: string): Promise<void>;
  /** True in the desktop app: ask for a file path; else the loopback host's download. */
  readonly desktop: boolean;
}

/** One export: its id for progress and cancel, and whether the reviewer cancelled it. NOTE `cancelled` is mutated. */
export interface ExportHandle {
  readonly id: string;
  cancelled: boolean;
}

/** What the reviewer asked for. */
export interface ExportOrder {
  readonly values: ExportValues;
  readonly projectPath: string;
  readonly projectName: string;
  /** The save dialog's name for the file type, in the UI language. */
  readonly filterName: string;
}

/**
 * Runs one export: in the desktop app asks where to save (a cancelled save dialog ends it quietly), then calls
 * `project:export`, polling `project:export-progress` every 250 ms meanwhile; in the browser, downloads the file.
 * Every state goes to `report`; never throws.
 */
export async function runExportJob(
  ports: ExportPorts,
  handle: ExportHandle,
  order: ExportOrder,
  report: (state: ExportJobState) => void,
): Promise<void> {
  const { values } = order;
  let filePath: string | null = null;
  if (ports.desktop) {
    try {
      const chosen = await ports.invoke('dialog:save-path', {
        defaultName: defaultFileName(order.projectName, values.format),
        filters: [{ name: order.filterName, extensions: [formatInfo(values.format).extension] }],
      });
      filePath = chosen.path;
    } catch (error) {
      report({ phase: 'failed', message: messageOf(error) });
      return;
    }
    if (filePath === null) return;
  }
  report({ phase: 'running', progress: null });
  let finished = false;
  const timer = setInterval(() => {
    ports
      .invoke('project:export-progress', { jobId: handle.id })
      .then((progress) => {
        if (!finished && !handle.cancelled && !progress.finished)
          report({ phase: 'running', progress });
      })
      // Before the job is registered there is nothing to show; the export's own answer reports failures.
      .catch(() => {});
  }, PROGRESS_POLL_MS);
  try {
    const destination =
      filePath === null ? { kind: 'download' as const } : { kind: 'file' as const, filePath };
    const result = await ports.invoke(
      'project:export',
      exportRequest(values, order.projectPath, handle.id, destination),
    );
    finished = true;
    clearInterval(timer);
    if (handle.cancelled) {
      report({ phase: 'cancelled' });
    } else if (result.downloadUrl) {
      await ports.downloadFile(result.downloadUrl, result.fileName);
      report({ phase: 'done', outcome: { kind: 'download', fileName: result.fileName } });
    } else {
      report({
        phase: 'done',
        outcome: {
          kind: 'file',
          filePath: result.filePath ?? filePath ?? result.fileName,
          fileName: result.fileName,
        },
      });
    }
  } catch (error) {
    report(
      handle.cancelled ? { phase: 'cancelled' } : { phase: 'failed', message: messageOf(error) },
    );
  } finally {
    finished = true;
    clearInterval(timer);
  }
}

/** Asks the Node side to stop `handle`'s export; the running `runExportJob` then reports it cancelled. */
export function cancelExportJob(ports: ExportPorts, handle: ExportHandle): void {
  handle.cancelled = true;
  void ports.invoke('project:export-cancel', { jobId: handle.id }).catch(() => {});
}

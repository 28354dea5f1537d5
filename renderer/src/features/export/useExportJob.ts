import { useCallback, useEffect, useRef, useState } from 'react';
import type { ExportProgress } from '../../../../core/ipc/contract';
import { messageOf } from '../../errors';
import { downloadFile, invoke, transportName } from '../../ipc';
import { defaultFileName, exportRequest, formatInfo, type ExportValues } from './exportForm';

/** How often a running export is asked how far it has come. */
const PROGRESS_POLL_MS = 250;

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

/** The export dialog's job: start one, follow its progress, cancel it. */
export interface ExportJob {
  readonly state: ExportJobState;
  /** Asks where to save (desktop app), exports, and downloads the file (loopback host). */
  start(
    values: ExportValues,
    projectPath: string,
    projectName: string,
    filterName: string,
  ): Promise<void>;
  cancel(): void;
  reset(): void;
}

function newJobId(): string {
  return typeof crypto.randomUUID === 'function'
    ? crypto.randomUUID()
    : `${Date.now()}-${Math.random().toString(16).slice(2)}`;
}

/**
 * Runs exports through `project:export`: in the desktop app to a file chosen in the native save dialog, in the
 * browser to a download the page then fetches. While one runs, its progress is polled every 250 ms.
 */
export function useExportJob(): ExportJob {
  const [state, setState] = useState<ExportJobState>({ phase: 'idle' });
  const job = useRef<{ id: string; cancelled: boolean } | null>(null);
  const live = useRef(true);
  useEffect(() => {
    live.current = true;
    return () => {
      live.current = false;
    };
  }, []);
  const update = useCallback((next: ExportJobState) => {
    if (live.current) setState(next);
  }, []);

  const start: ExportJob['start'] = useCallback(
    async (values, projectPath, projectName, filterName) => {
      if (job.current) return;
      const desktop = transportName() === 'electron';
      let filePath: string | null = null;
      if (desktop) {
        try {
          const info = formatInfo(values.format);
          const chosen = await invoke('dialog:save-path', {
            defaultName: defaultFileName(projectName, values.format),
            filters: [{ name: filterName, extensions: [info.extension] }],
          });
          filePath = chosen.path;
        } catch (error) {
          update({ phase: 'failed', message: messageOf(error) });
          return;
        }
        if (filePath === null) return;
      }
      const current = { id: newJobId(), cancelled: false };
      job.current = current;
      update({ phase: 'running', progress: null });
      const timer = setInterval(() => {
        invoke('project:export-progress', { jobId: current.id })
          .then((progress) => {
            if (job.current === current && !progress.finished)
              update({ phase: 'running', progress });
          })
          // Before the job is registered, or after it is gone, there is nothing to show.
          .catch(() => {});
      }, PROGRESS_POLL_MS);
      try {
        const result = await invoke(
          'project:export',
          exportRequest(
            values,
            projectPath,
            current.id,
            filePath === null ? { kind: 'download' } : { kind: 'file', filePath },
          ),
        );
        clearInterval(timer);
        if (current.cancelled) {
          update({ phase: 'cancelled' });
        } else if (result.downloadUrl) {
          await downloadFile(result.downloadUrl, result.fileName);
          update({ phase: 'done', outcome: { kind: 'download', fileName: result.fileName } });
        } else {
          update({
            phase: 'done',
            outcome: {
              kind: 'file',
              filePath: result.filePath ?? filePath ?? result.fileName,
              fileName: result.fileName,
            },
          });
        }
      } catch (error) {
        update(
          current.cancelled
            ? { phase: 'cancelled' }
            : { phase: 'failed', message: messageOf(error) },
        );
      } finally {
        clearInterval(timer);
        job.current = null;
      }
    },
    [update],
  );

  const cancel = useCallback(() => {
    const current = job.current;
    if (!current) return;
    current.cancelled = true;
    void invoke('project:export-cancel', { jobId: current.id }).catch(() => {});
  }, []);

  const reset = useCallback(() => {
    if (!job.current) update({ phase: 'idle' });
  }, [update]);

  return { state, start, cancel, reset };
}

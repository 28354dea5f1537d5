import type { ExportProgress } from '../../core/ipc/contract';
import { EXPORT_CANCELLED_MESSAGE } from './export/exportPacer';
import type { ExportControl, ExportedFile } from './exportService';
import { messageOf, ServiceError } from './serviceError';

/**
 * The exports a front door runs, by the job id the UI chose: their progress (asked for with
 * `project:export-progress`), their cancellation (`project:export-cancel`), and the finished files kept for the
 * loopback host's one-time download (`GET /api/download/<jobId>`).
 *
 * Bounded: a finished job's progress is forgotten after 10 minutes; a download is served once and dropped after
 * 5 minutes, and at most `MAX_HELD_DOWNLOAD_BYTES` are held (the oldest goes first).
 */

/** How long a finished job's progress stays known, in milliseconds. */
export const JOB_MEMORY_MS = 10 * 60_000;
/** How long a download waits to be fetched, in milliseconds. */
export const DOWNLOAD_TTL_MS = 5 * 60_000;
/** Most bytes of downloads held at once. */
export const MAX_HELD_DOWNLOAD_BYTES = 512 * 1024 * 1024;

interface Job {
  progress: ExportProgress;
  readonly controller: AbortController;
  finishedAt?: number;
}

interface HeldDownload {
  readonly file: ExportedFile;
  readonly expiresAt: number;
}

export interface ExportJobs {
  /**
   * Runs `work` as job `jobId`, giving it the progress callback and abort signal to pass to the export service. Refuses
   * an id that is running already.
   */
  run<T>(jobId: string, work: (control: ExportControl) => Promise<T>): Promise<T>;
  progress(jobId: string): ExportProgress;
  /** Aborts a running job; false when none runs under that id. */
  cancel(jobId: string): boolean;
  /** Keeps a finished export for one download. */
  keepDownload(jobId: string, file: ExportedFile): void;
  /** Takes (and forgets) the download of `jobId`, if it is still there. */
  takeDownload(jobId: string): ExportedFile | undefined;
}

export function createExportJobs(now: () => number = Date.now): ExportJobs {
  const jobs = new Map<string, Job>();
  const downloads = new Map<string, HeldDownload>();

  function sweep(): void {
    const time = now();
    for (const [id, job] of jobs) {
      if (job.finishedAt !== undefined && time - job.finishedAt > JOB_MEMORY_MS) jobs.delete(id);
    }
    for (const [id, held] of downloads) if (held.expiresAt < time) downloads.delete(id);
  }

  return {
    async run(jobId, work) {
      sweep();
      const existing = jobs.get(jobId);
      if (existing && !existing.progress.finished) {
        throw new ServiceError('refused', `An export with job id ${jobId} is already running.`);
      }
      const job: Job = {
        progress: { phase: 'queued', done: 0, total: 3, finished: false },
        controller: new AbortController(),
      };
      jobs.set(jobId, job);
      try {
        const value = await work({
          signal: job.controller.signal,
          onProgress: (done, total, phase, fraction) => {
            job.progress = {
              phase,
              done,
              total,
              ...(fraction !== undefined ? { fraction } : {}),
              finished: false,
            };
          },
        });
        const { fraction: _fraction, ...progress } = job.progress;
        job.progress = { ...progress, phase: 'done', done: progress.total, finished: true };
        return value;
      } catch (error) {
        const cancelled = job.controller.signal.aborted;
        job.progress = {
          ...job.progress,
          phase: cancelled ? 'cancelled' : 'failed',
          finished: true,
          error: cancelled ? EXPORT_CANCELLED_MESSAGE : messageOf(error),
        };
        throw error;
      } finally {
        job.finishedAt = now();
      }
    },

    progress(jobId) {
      sweep();
      const job = jobs.get(jobId);
      if (!job) throw new ServiceError('not-found', `No export with job id ${jobId}.`);
      return job.progress;
    },

    cancel(jobId) {
      const job = jobs.get(jobId);
      if (!job || job.progress.finished) return false;
      job.controller.abort();
      return true;
    },

    keepDownload(jobId, file) {
      sweep();
      downloads.set(jobId, { file, expiresAt: now() + DOWNLOAD_TTL_MS });
      let held = [...downloads.values()].reduce((sum, entry) => sum + entry.file.bytes.length, 0);
      for (const [id, entry] of downloads) {
        if (held <= MAX_HELD_DOWNLOAD_BYTES || id === jobId) break;
        downloads.delete(id);
        held -= entry.file.bytes.length;
      }
    },

    takeDownload(jobId) {
      sweep();
      const held = downloads.get(jobId);
      downloads.delete(jobId);
      return held?.file;
    },
  };
}

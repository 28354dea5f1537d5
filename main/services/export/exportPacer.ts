import { setImmediate as nextTurn } from 'node:timers/promises';
import { ServiceError } from '../serviceError';

/**
 * Keeps a long export responsive: renderers that loop over thousands of rows call `step` once per row, and every
 * `intervalMs` of work the pacer reports how far the loop got and lets the event loop run, so that a Cancel (an abort
 * of the job's signal) or a progress request arriving meanwhile is seen. An aborted signal is checked on every step,
 * so a renderer stops at the next row once the abort has arrived.
 */

/** What a renderer is given to report progress and be stopped. */
export interface RenderControl {
  /** Aborting stops the render at its next step with a `cancelled` ServiceError. */
  readonly signal?: AbortSignal;
  /** How far the render is, as a fraction in [0, 1]. */
  readonly onProgress?: (fraction: number) => void;
}

/** The words of the error an export stops with when cancelled. */
export const EXPORT_CANCELLED_MESSAGE = 'The export was cancelled.';

/** The error an export stops with when cancelled. */
export function exportCancelledError(): ServiceError {
  return new ServiceError('refused', EXPORT_CANCELLED_MESSAGE);
}

/** Throws the `cancelled` error when `signal` is aborted. */
export function checkCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw exportCancelledError();
}

/** Default time between two pauses, in milliseconds: short enough for a Cancel to feel immediate. */
const DEFAULT_INTERVAL_MS = 50;

export class ExportPacer {
  /** When the loop last paused, in `performance.now()` milliseconds; the first step pauses at once. */
  private lastPause = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly control: RenderControl = {},
    private readonly intervalMs = DEFAULT_INTERVAL_MS,
  ) {}

  /** Throws the `cancelled` error when the export was cancelled. */
  check(): void {
    checkCancelled(this.control.signal);
  }

  /**
   * One unit of work done (`done` of `total`): throws when cancelled; when `intervalMs` have passed since the last
   * pause, reports the fraction done and yields to the event loop (then checks again).
   */
  async step(done: number, total: number): Promise<void> {
    this.check();
    if (performance.now() - this.lastPause < this.intervalMs) return;
    this.control.onProgress?.(total > 0 ? Math.min(1, done / total) : 1);
    await nextTurn();
    this.check();
    this.lastPause = performance.now();
  }

  /** The loop is over: throws when cancelled meanwhile, else reports it all done. */
  finish(): void {
    this.check();
    this.control.onProgress?.(1);
  }
}

/**
 * Joins `pieces` (a document rendered piece by piece, about `expected` of them) into one string, stepping `pacer` once
 * per piece.
 */
export async function joinPaced(
  pieces: Iterable<string>,
  expected: number,
  pacer: ExportPacer,
): Promise<string> {
  const parts: string[] = [];
  for (const piece of pieces) {
    parts.push(piece);
    await pacer.step(parts.length, expected);
  }
  pacer.finish();
  return parts.join('');
}

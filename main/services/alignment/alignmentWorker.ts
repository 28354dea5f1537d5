import { parentPort } from 'node:worker_threads';
import { createInProcessAlignmentEngine } from './alignmentEngine';
import type { AlignmentProgress } from '../../../core/alignment/alignDocument';
import type { AlignmentReply, AlignmentRequest } from './alignmentProtocol';
import { messageOf } from '../../../core/ipc/messageOf';

// The alignment worker thread (see createWorkerAlignmentEngine): answers align and realign requests one at a time,
// with the dictionaries loaded once for the life of the thread.
if (!parentPort) throw new Error('alignmentWorker runs as a worker thread');
const port = parentPort;
const engine = createInProcessAlignmentEngine();

/** Progress goes out when the step changes or ends, and within a step at most every this many milliseconds. */
const PROGRESS_INTERVAL_MS = 100;

port.on('message', (request: AlignmentRequest) => {
  let last: { phase: string; at: number } | undefined;
  const onProgress = (progress: AlignmentProgress) => {
    const now = Date.now();
    // Within a step, skip reports that come too fast, but never the one that finishes it.
    const finishing = progress.total > 0 && progress.done === progress.total;
    if (last?.phase === progress.phase && now - last.at < PROGRESS_INTERVAL_MS && !finishing)
      return;
    last = { phase: progress.phase, at: now };
    port.postMessage({ id: request.id, progress } satisfies AlignmentReply);
  };
  const work =
    request.type === 'align'
      ? engine.align(request.english, request.japanese, request.options, onProgress)
      : engine.realign(request.alignment, request.pinnedIndices);
  work.then(
    (alignment) =>
      port.postMessage({ id: request.id, ok: true, alignment } satisfies AlignmentReply),
    (error: unknown) =>
      port.postMessage({
        id: request.id,
        ok: false,
        message: messageOf(error),
      } satisfies AlignmentReply),
  );
});

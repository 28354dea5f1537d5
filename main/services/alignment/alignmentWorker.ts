import { parentPort } from 'node:worker_threads';
import { createInProcessAlignmentEngine } from './alignmentEngine';
import type { AlignmentReply, AlignmentRequest } from './alignmentProtocol';
import { messageOf } from '../../../core/ipc/messageOf';

// The alignment worker thread (see createWorkerAlignmentEngine): answers align and realign requests one at a time,
// with the dictionaries loaded once for the life of the thread.
if (!parentPort) throw new Error('alignmentWorker runs as a worker thread');
const port = parentPort;
const engine = createInProcessAlignmentEngine();

port.on('message', (request: AlignmentRequest) => {
  const work =
    request.type === 'align'
      ? engine.align(request.english, request.japanese, request.options)
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

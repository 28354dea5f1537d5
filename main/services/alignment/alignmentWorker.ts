import { parentPort } from 'node:worker_threads';
import { createInProcessAlignmentEngine } from './alignmentEngine';
import type { AlignmentReply, AlignmentRequest } from './alignmentProtocol';
import { messageOf } from '../../../core/ipc/messageOf';

// The alignment worker thread (see createWorkerAlignmentEngine): answers align, realign and check requests one at a
// time, with the dictionaries loaded once for the life of the thread (the checks use the aligner's kuromoji).
if (!parentPort) throw new Error('alignmentWorker runs as a worker thread');
const port = parentPort;
const engine = createInProcessAlignmentEngine();

function answer(request: AlignmentRequest): Promise<AlignmentReply> {
  if (request.type === 'check') {
    return engine
      .check(request.alignment, request.settings)
      .then((findings) => ({ id: request.id, ok: true, findings }));
  }
  const work =
    request.type === 'align'
      ? engine.align(request.english, request.japanese, request.options)
      : engine.realign(request.alignment, request.pinnedIndices);
  return work.then((alignment) => ({ id: request.id, ok: true, alignment }));
}

port.on('message', (request: AlignmentRequest) => {
  answer(request).then(
    (reply) => port.postMessage(reply),
    (error: unknown) =>
      port.postMessage({
        id: request.id,
        ok: false,
        message: messageOf(error),
      } satisfies AlignmentReply),
  );
});

import { Worker } from 'node:worker_threads';
import {
  alignDocument,
  type AlignDocumentOptions,
  type AlignmentProgressListener,
} from '../../../core/alignment/alignDocument';
import { realign as realignAroundPins } from '../../../core/alignment/realign';
import type { DocumentAlignment } from '../../../core/alignment/types';
import type { DocumentFinding } from '../../../core/checks/checkDocument';
import type { Glossary } from '../../../core/checks/glossary';
import type { CheckSettings } from '../../../core/checks/settings';
import { runDocumentChecks } from '../checks/documentChecks';
import {
  japaneseDictionaryLoaded,
  loadAlignmentResources,
  loadCheckResources,
} from './loadAlignmentResources';
import type { AlignmentReply, AlignmentRequest } from './alignmentProtocol';

/**
 * The aligner as the services use it: align two texts, realign around pinned beads. Aligning a long document and
 * loading kuromoji's dictionary (~1 s, ~300 MB) take seconds of CPU; the app's front doors (Electron main, loopback
 * host) run them in a worker thread so that the process keeps answering (IPC, menus, other requests) meanwhile.
 */
export interface AlignmentEngine {
  /**
   * See `alignDocument` in core/alignment/alignDocument.ts. `onProgress` hears how far it has got (loading the
   * dictionaries first, the first time they are needed).
   */
  align(
    english: string,
    japanese: string,
    options?: AlignDocumentOptions,
    onProgress?: AlignmentProgressListener,
  ): Promise<DocumentAlignment>;
  /**
   * Realigns every bead that is not at one of `pinnedIndices` (0-based into `alignment.sentenceBeads`), keeping those;
   * see `realign` in core/alignment/realign.ts.
   */
  realign(
    alignment: DocumentAlignment,
    pinnedIndices: readonly number[],
  ): Promise<DocumentAlignment>;
  /**
   * Runs the automatic discrepancy checks over every sentence bead of `alignment` (see `runDocumentChecks` in
   * main/services/checks/documentChecks.ts), with the aligner's tokenizer and lexicon (loaded once, shared with
   * alignment) and the project's glossary.
   */
  check(
    alignment: DocumentAlignment,
    settings: CheckSettings,
    glossary?: Glossary,
  ): Promise<DocumentFinding[]>;
  /** Stops the worker, if any; a later call starts a new one. */
  close(): Promise<void>;
}

/** Runs the aligner in this thread: for the CLI and tests, where nothing else waits on the thread. */
export function createInProcessAlignmentEngine(): AlignmentEngine {
  return {
    async align(english, japanese, options = {}, onProgress) {
      if (!japaneseDictionaryLoaded()) onProgress?.({ phase: 'dictionaries', done: 0, total: 0 });
      const resources = await loadAlignmentResources();
      // Load kuromoji's dictionary now (the aligner uses it for every text), under the "dictionaries" step rather than
      // in the middle of the analysis: the longest wait of a first start, and one the reviewer should see named.
      resources.japaneseTokenizer?.tokenize('');
      return alignDocument(english, japanese, resources, options, onProgress);
    },
    async realign(alignment, pinnedIndices) {
      const pinned = pinnedIndices.map((index) => alignment.sentenceBeads[index]!);
      return realignAroundPins(alignment, pinned, await loadAlignmentResources());
    },
    async check(alignment, settings, glossary) {
      const resources = await loadCheckResources();
      return runDocumentChecks(
        alignment,
        glossary ? { ...resources, glossary } : resources,
        settings,
      );
    },
    async close() {},
  };
}

/** A request before it is numbered (Omit, distributed over the union). */
type RequestWithoutId = AlignmentRequest extends infer Request
  ? Request extends AlignmentRequest
    ? Omit<Request, 'id'>
    : never
  : never;

/**
 * Starts the worker entry: a built `.js` file directly; a `.ts` source file (loopback host and tests, which run
 * through tsx) through tsxWorkerBootstrap.mjs, which registers tsx in the worker first.
 */
function startWorker(entry: URL): Worker {
  if (!entry.pathname.endsWith('.ts')) return new Worker(entry);
  return new Worker(new URL('./tsxWorkerBootstrap.mjs', import.meta.url), {
    workerData: { entry: entry.href },
  });
}

/**
 * Runs the aligner in a worker thread started from `entry` (alignmentWorker.ts, or its bundled `.js`) on first use; the
 * worker loads the dictionaries once and keeps them. If the worker dies (out of memory, say), the requests it held
 * fail with a clear message and the next request starts a new one.
 */
export function createWorkerAlignmentEngine(entry: URL): AlignmentEngine {
  let worker: Worker | undefined;
  let nextId = 1;
  const pending = new Map<
    number,
    {
      resolve: (reply: AlignmentReply & { ok: true }) => void;
      reject: (error: Error) => void;
      onProgress?: AlignmentProgressListener;
    }
  >();

  const failAll = (error: Error): void => {
    for (const request of pending.values()) request.reject(error);
    pending.clear();
  };

  const ensureWorker = (): Worker => {
    if (worker) return worker;
    const started = startWorker(entry);
    started.on('message', (reply: AlignmentReply) => {
      const request = pending.get(reply.id);
      if (!request) return;
      if ('progress' in reply) {
        try {
          request.onProgress?.(reply.progress);
        } catch (error) {
          // A broken progress display must not lose the alignment.
          console.error('taiyaku: an alignment progress listener failed:', error);
        }
        return;
      }
      pending.delete(reply.id);
      if (reply.ok) request.resolve(reply);
      else request.reject(new Error(reply.message));
    });
    started.on('error', (error) => {
      failAll(new Error(`The aligner stopped: ${error.message}`));
    });
    started.on('exit', (code) => {
      if (worker === started) worker = undefined;
      if (pending.size > 0)
        failAll(new Error(`The aligner stopped unexpectedly (exit code ${code}).`));
    });
    // An idle worker must not keep the process alive (the CLI, a test run).
    started.unref();
    worker = started;
    return started;
  };

  const send = (
    request: RequestWithoutId,
    onProgress?: AlignmentProgressListener,
  ): Promise<AlignmentReply & { ok: true }> =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject, ...(onProgress ? { onProgress } : {}) });
      ensureWorker().postMessage({ ...request, id } as AlignmentRequest);
    });
  const alignmentOf = (reply: AlignmentReply & { ok: true }): DocumentAlignment => {
    if (!('alignment' in reply))
      throw new Error('The aligner answered with findings, not an alignment.');
    return reply.alignment;
  };

  return {
    align: (english, japanese, options = {}, onProgress) =>
      send({ type: 'align', english, japanese, options }, onProgress).then(alignmentOf),
    realign: (alignment, pinnedIndices) =>
      send({ type: 'realign', alignment, pinnedIndices: [...pinnedIndices] }).then(alignmentOf),
    check: (alignment, settings, glossary) =>
      send({ type: 'check', alignment, settings, ...(glossary ? { glossary } : {}) }).then(
        (reply) => {
          if (!('findings' in reply)) throw new Error('The checks answered with an alignment.');
          return [...reply.findings];
        },
      ),
    async close() {
      const running = worker;
      worker = undefined;
      if (running) await running.terminate();
      failAll(new Error('The aligner was closed.'));
    },
  };
}

/** The worker entry next to this module, for front doors that run from the source tree (loopback host, tests). */
export const alignmentWorkerSource = new URL('./alignmentWorker.ts', import.meta.url);

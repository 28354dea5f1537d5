import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { AlignmentProgress } from '../../../core/alignment/alignDocument';
import { projectRoot } from '../appInfo';
import {
  alignmentWorkerSource,
  createInProcessAlignmentEngine,
  createWorkerAlignmentEngine,
  type AlignmentEngine,
} from './alignmentEngine';

const seed = join(projectRoot(), 'fixtures/seed');
const english = readFileSync(join(seed, 'summary-record.en.txt'), 'utf8');
const japanese = readFileSync(join(seed, 'summary-record.ja.txt'), 'utf8');
const shapes = (
  beads: readonly { sourceIndices: readonly number[]; targetIndices: readonly number[] }[],
) => beads.map((bead) => `${bead.sourceIndices.join(',')}:${bead.targetIndices.join(',')}`);

const inProcess = createInProcessAlignmentEngine();
const engines: AlignmentEngine[] = [];
afterAll(async () => {
  await Promise.all(engines.map((engine) => engine.close()));
});

describe('the alignment worker', () => {
  it('aligns and realigns exactly as the aligner does in process', async () => {
    const worker = createWorkerAlignmentEngine(alignmentWorkerSource);
    engines.push(worker);
    const expected = await inProcess.align(english, japanese);
    const aligned = await worker.align(english, japanese);
    expect(aligned).toEqual(expected);
    const pinned = [0, 2];
    expect(await worker.realign(aligned, pinned)).toEqual(
      await inProcess.realign(expected, pinned),
    );
  }, 60_000);

  it('reports its progress from the worker: the dictionaries first, then each step and clause pair', async () => {
    const worker = createWorkerAlignmentEngine(alignmentWorkerSource);
    engines.push(worker);
    const seen: AlignmentProgress[] = [];
    const aligned = await worker.align(english, japanese, {}, (progress) => seen.push(progress));
    const phases = [...new Set(seen.map((progress) => progress.phase))];
    expect(phases).toEqual(['dictionaries', 'segmenting', 'analysing', 'clauses', 'sentences']);
    const sentences = seen.filter((progress) => progress.phase === 'sentences');
    expect(sentences[0]).toEqual({
      phase: 'sentences',
      done: 0,
      total: aligned.clauseBeads.length,
    });
    // A second alignment in the same worker has its dictionaries already.
    const again: AlignmentProgress[] = [];
    await worker.align('One.', '一。', {}, (progress) => again.push(progress));
    expect(again[0]?.phase).toBe('segmenting');
  }, 60_000);

  it('leaves this thread free while it aligns (in process, the alignment runs before anything else)', async () => {
    const worker = createWorkerAlignmentEngine(alignmentWorkerSource);
    engines.push(worker);
    /** Whether the alignment had finished when this thread next got round to other work. */
    const finishedBeforeNextTurn = async (engine: AlignmentEngine): Promise<boolean> => {
      let finished = false;
      const aligning = engine.align(english, japanese).then(() => (finished = true));
      await new Promise((resolve) => setImmediate(resolve));
      const answer = finished;
      await aligning;
      return answer;
    };
    await inProcess.align('One.', '一。'); // dictionaries loaded: the in-process case is not waiting on I/O
    expect(await finishedBeforeNextTurn(inProcess)).toBe(true);
    expect(await finishedBeforeNextTurn(worker)).toBe(false);
  }, 60_000);

  it('reports the aligner refusing a request, and keeps working', async () => {
    const worker = createWorkerAlignmentEngine(alignmentWorkerSource);
    engines.push(worker);
    const aligned = await worker.align('One. Two.', '一。二。');
    // Pinning a bead index that does not exist is refused by the realigner.
    await expect(worker.realign(aligned, [99])).rejects.toThrow();
    expect((await worker.align('Three.', '三。')).sentenceBeads).toHaveLength(1);
  }, 60_000);

  it('fails pending requests with a message when closed, and starts again on the next one', async () => {
    const worker = createWorkerAlignmentEngine(alignmentWorkerSource);
    engines.push(worker);
    const pending = worker.align(english, japanese);
    await worker.close();
    await expect(pending).rejects.toThrow(/closed|stopped/);
    expect((await worker.align('One.', '一。')).sentenceBeads).toHaveLength(1);
  }, 60_000);

  // The desktop app runs the bundled worker (electron-vite puts it in out/main/chunks). Plain Node can run it, which
  // checks that the bundle finds kuromoji's dictionary and the lexicon from its own place in out/. Without a build this
  // fails (it used to skip, silently leaving the bundle untested): `npm test` builds before it runs the unit tests.
  const chunks = join(projectRoot(), 'out/main/chunks');
  it('runs from the Electron build (out/main/chunks; built by npm run build) with its dictionaries', async () => {
    const bundled = existsSync(chunks)
      ? readdirSync(chunks).find((name) => name.startsWith('alignmentWorker-'))
      : undefined;
    if (bundled === undefined) {
      throw new Error(
        `No built alignment worker (${join(chunks, 'alignmentWorker-*.js')}): this test runs the desktop app's ` +
          'bundle. Run `npm run build` first (`npm test` builds before the unit tests).',
      );
    }
    const worker = createWorkerAlignmentEngine(pathToFileURL(join(chunks, bundled)));
    engines.push(worker);
    const expected = await inProcess.align(english, japanese);
    const phases = new Set<string>();
    const aligned = await worker.align(english, japanese, {}, (progress) =>
      phases.add(progress.phase),
    );
    // The desktop app's opening screen hears the same steps.
    expect([...phases]).toEqual([
      'dictionaries',
      'segmenting',
      'analysing',
      'clauses',
      'sentences',
    ]);
    expect(shapes(aligned.sentenceBeads)).toEqual(shapes(expected.sentenceBeads));
    expect(aligned.sentenceBeads.map((bead) => bead.confidence)).toEqual(
      expected.sentenceBeads.map((bead) => bead.confidence),
    );
    // Only the EDICT lexicon (政府 government, 税金 tax) tells which English sentence this Japanese one translates.
    const lexical = await worker.align(
      'The farmer sold his old horse at the market. The government raised taxes on imported rice.',
      '政府は輸入米への税金を引き上げた。',
    );
    expect(shapes(lexical.sentenceBeads)).toEqual(['0:', '1:0']);
  }, 60_000);
});

import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createExampleProject } from '../../core/project/exampleProject.testkit';
import { parseProjectJson } from '../../core/project/readProjectFile';
import type { ProjectFile } from '../../core/project/projectFile';
import { createAutosaver } from './autosave';
import { createProjectStore } from './projectStore';
import type { SavedProject } from './projectStore';

// Every test runs on Vitest's fake clock (setTimeout and Date): the debounce, the max wait and the store double's
// save time pass only when a test advances them, so a busy machine cannot reorder what these tests expect.
beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function named(name: string): ProjectFile {
  return createExampleProject({ name });
}

/** A store double that records saves; each save takes `delayMs` (of fake time) and fails while `failing` is set. */
function recordingStore(delayMs = 5) {
  const saved: string[] = [];
  const state = { failing: false };
  return {
    saved,
    state,
    async save(path: string, project: ProjectFile): Promise<SavedProject> {
      await sleep(delayMs);
      if (state.failing) throw new Error('disk full');
      saved.push(project.name);
      return { path, project };
    },
  };
}

describe('createAutosaver', () => {
  it('coalesces a burst of changes into one save of the last state', async () => {
    const store = recordingStore();
    const autosaver = createAutosaver(store, '/p.taiyaku', { debounceMs: 40 });
    for (const name of ['a', 'b', 'c', 'd']) autosaver.schedule(named(name));
    expect(autosaver.pending).toBe(true);
    await vi.advanceTimersByTimeAsync(39);
    expect(store.saved).toEqual([]);
    // The quiet period ends at 40 ms; the save takes 5 ms.
    await vi.advanceTimersByTimeAsync(6);
    expect(store.saved).toEqual(['d']);
    expect(autosaver.pending).toBe(false);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(store.saved).toEqual(['d']);
  });

  it('saves within maxWaitMs even while changes never pause', async () => {
    const store = recordingStore();
    const autosaver = createAutosaver(store, '/p.taiyaku', { debounceMs: 50, maxWaitMs: 100 });
    for (let index = 0; index < 20; index += 1) {
      autosaver.schedule(named(`s${index}`));
      await vi.advanceTimersByTimeAsync(15);
    }
    // A change every 15 ms never leaves the 50 ms quiet period; the first save starts 100 ms after the first change
    // (s0 at 0 ms), with the state of then (s6, scheduled at 90 ms).
    expect(store.saved.length).toBeGreaterThanOrEqual(1);
    expect(store.saved[0]).toBe('s6');
    const flushed = autosaver.flush();
    await vi.advanceTimersByTimeAsync(10);
    await flushed;
    expect(store.saved.at(-1)).toBe('s19');
  });

  it('flush writes the pending state at once, and waits for a newer state scheduled during a save', async () => {
    const store = recordingStore(30);
    const autosaver = createAutosaver(store, '/p.taiyaku', { debounceMs: 10_000 });
    autosaver.schedule(named('first'));
    const flushing = autosaver.flush();
    await vi.advanceTimersByTimeAsync(5);
    autosaver.schedule(named('second'));
    // Only the save's own 30 ms pass, nowhere near the 10 s debounce.
    await vi.advanceTimersByTimeAsync(25);
    await flushing;
    const flushingAgain = autosaver.flush();
    await vi.advanceTimersByTimeAsync(30);
    await flushingAgain;
    expect(store.saved).toEqual(['first', 'second']);
    expect(autosaver.pending).toBe(false);
  });

  it('keeps a state whose save failed, reports it, and writes it on the next flush', async () => {
    const store = recordingStore();
    const errors: unknown[] = [];
    const autosaver = createAutosaver(store, '/p.taiyaku', {
      debounceMs: 10,
      onError: (error) => errors.push(error),
    });
    store.state.failing = true;
    autosaver.schedule(named('kept'));
    await vi.advanceTimersByTimeAsync(15);
    expect(errors).toHaveLength(1);
    expect(autosaver.pending).toBe(true);
    const refused = expect(autosaver.flush()).rejects.toThrow('disk full');
    await vi.advanceTimersByTimeAsync(5);
    await refused;
    store.state.failing = false;
    const flushed = autosaver.flush();
    await vi.advanceTimersByTimeAsync(5);
    await flushed;
    expect(store.saved).toEqual(['kept']);
  });

  it('drops pending state on dispose', async () => {
    const store = recordingStore();
    const autosaver = createAutosaver(store, '/p.taiyaku', { debounceMs: 10 });
    autosaver.schedule(named('dropped'));
    autosaver.dispose();
    await vi.advanceTimersByTimeAsync(40);
    await autosaver.flush();
    expect(store.saved).toEqual([]);
  });
});

describe('autosaver with the project store', () => {
  let directory: string | undefined;
  afterEach(async () => {
    if (directory !== undefined) await rm(directory, { recursive: true, force: true });
  });

  it('the file holds the last scheduled state after flush', async () => {
    // Real files: the fake clock drives only the debounce; the saves themselves are real I/O.
    directory = await mkdtemp(join(tmpdir(), 'taiyaku-autosave-'));
    const path = join(directory, 'a.taiyaku');
    const store = createProjectStore({
      userDataDirectory: join(directory, 'user'),
      appVersion: '0.1.0',
    });
    await store.saveAs(path, named('start'));
    const saves: string[] = [];
    const autosaver = createAutosaver(store, path, {
      debounceMs: 20,
      onSaved: (saved) => saves.push(saved.project.name),
    });
    for (let index = 0; index < 50; index += 1) {
      autosaver.schedule(named(`edit ${index}`));
      // A pause past the debounce starts a background save, which may still be writing during the next changes.
      if (index % 10 === 0) await vi.advanceTimersByTimeAsync(30);
    }
    await autosaver.flush();
    const onDisk = parseProjectJson(await readFile(path, 'utf8'));
    expect(onDisk.ok && onDisk.project.name).toBe('edit 49');
    expect(saves.at(-1)).toBe('edit 49');
    expect(saves.length).toBeLessThan(50);
    await store.closeAll();
  });
});

import type { ProjectFile } from '../../core/project/projectFile';
import type { ProjectStore, SavedProject } from './projectStore';

/**
 * Debounced saving of the project being reviewed: every change calls `schedule`, and the store writes the latest state
 * once the changes pause (`debounceMs`), or at the latest `maxWaitMs` after the first unsaved change, so a reviewer
 * who never pauses still has their work on disk every few seconds. `flush` writes whatever is pending now (for quit,
 * close and Save) and resolves only once the last scheduled state is on disk.
 */

/** Timing and notifications of an autosaver. */
export interface AutosaverOptions {
  /** Quiet period after the last change before saving, ms. Default 500. */
  readonly debounceMs?: number;
  /** Longest a change waits while changes keep coming, ms. Default 5,000; at least `debounceMs`. */
  readonly maxWaitMs?: number;
  /** Called after each successful save (e.g. to show "Saved"). */
  readonly onSaved?: (saved: SavedProject) => void;
  /**
   * Called when a background save fails. The state stays pending: the next `schedule` or `flush` tries again, so
   * nothing is dropped; the UI should tell the reviewer ("Could not save: … your changes are kept").
   */
  readonly onError?: (error: unknown) => void;
}

/** The autosaver of one open project file. */
export interface Autosaver {
  /** Remembers `project` as the state to save (replacing any earlier unsaved state) and (re)starts the timer. */
  schedule(project: ProjectFile): void;
  /**
   * Saves the pending state now and waits until every state scheduled before the call is on disk. Rejects when that
   * save fails (the state stays pending), so a quit handler can ask the reviewer what to do.
   */
  flush(): Promise<void>;
  /** True while a scheduled state is not yet on disk. */
  readonly pending: boolean;
  /** Stops the timers and drops pending state, for discarding changes. Call `flush` instead to keep them. */
  dispose(): void;
}

/** Creates the autosaver of the project at `path`, saving through `store.save`. */
export function createAutosaver(
  store: Pick<ProjectStore, 'save'>,
  path: string,
  options: AutosaverOptions = {},
): Autosaver {
  const debounceMs = options.debounceMs ?? 500;
  const maxWaitMs = Math.max(options.maxWaitMs ?? 5_000, debounceMs);
  let latest: ProjectFile | undefined;
  /** Incremented by every schedule; a save covers the generation it started with. */
  let generation = 0;
  let savedGeneration = 0;
  let firstUnsavedAt: number | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let inFlight: Promise<void> | undefined;
  let disposed = false;

  function clearTimer(): void {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  }

  /** Saves the latest state once; resolves when done, rejects when the save failed. */
  function saveLatest(): Promise<void> {
    if (inFlight !== undefined) return inFlight;
    const project = latest;
    const covering = generation;
    if (project === undefined || covering === savedGeneration) return Promise.resolve();
    inFlight = store
      .save(path, project)
      .then((saved) => {
        savedGeneration = Math.max(savedGeneration, covering);
        if (savedGeneration === generation) firstUnsavedAt = undefined;
        options.onSaved?.(saved);
      })
      .finally(() => {
        inFlight = undefined;
      });
    return inFlight;
  }

  function backgroundSave(): void {
    timer = undefined;
    saveLatest().then(
      () => {
        // Changes scheduled during the save get their own timer from `schedule`; nothing to do here.
      },
      (error: unknown) => options.onError?.(error),
    );
  }

  return {
    schedule(project) {
      if (disposed) return;
      latest = project;
      generation += 1;
      const time = Date.now();
      firstUnsavedAt ??= time;
      clearTimer();
      const untilMaxWait = firstUnsavedAt + maxWaitMs - time;
      timer = setTimeout(backgroundSave, Math.max(0, Math.min(debounceMs, untilMaxWait)));
    },

    async flush() {
      clearTimer();
      // Loop: a save already in flight may hold an older state than the latest, which must be written too. Bounded
      // by the generation at call time, so changes that keep coming during the flush cannot keep it running.
      const target = generation;
      while (savedGeneration < target) {
        if (inFlight !== undefined) {
          await inFlight.catch(() => {});
          continue;
        }
        await saveLatest();
      }
    },

    get pending() {
      return savedGeneration < generation;
    },

    dispose() {
      disposed = true;
      clearTimer();
      latest = undefined;
      savedGeneration = generation;
    },
  };
}

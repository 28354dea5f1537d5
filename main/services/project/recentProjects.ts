import { mkdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { backupPathOf, replaceFileAtomically } from './atomicReplace';

/**
 * The recent projects list: `recent-projects.json` in the user-data folder, most recent first. It is a convenience,
 * so a missing or damaged list reads as empty and failing to update it never fails an open or a save.
 */

/** One entry of the recent projects list. */
export interface RecentProject {
  readonly path: string;
  readonly name: string;
  /** When it was last opened or saved under this path (ISO). */
  readonly openedAt: string;
  /** Whether the file (or its backup) still exists, checked when the list is read. */
  readonly exists: boolean;
}

/** Most entries the recent projects list keeps. */
export const MAX_RECENT_PROJECTS = 10;

/** File in the user-data folder holding the recent projects list. */
export const RECENT_PROJECTS_FILE = 'recent-projects.json';

const StoredRecentSchema = z.object({ path: z.string(), name: z.string(), openedAt: z.string() });
type StoredRecent = z.infer<typeof StoredRecentSchema>;
const RecentFileSchema = z.object({ version: z.literal(1), projects: z.array(StoredRecentSchema) });

/** The recent list of one user-data folder. Updates run one after another; reads wait for them. */
export class RecentProjects {
  private readonly file: string;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    /** Folder for the app's own state; created on the first update. */
    private readonly userDataDirectory: string,
    private readonly now: () => Date,
  ) {
    this.file = join(userDataDirectory, RECENT_PROJECTS_FILE);
  }

  /** Puts `path` (absolute) first, opened now under `name`. Never rejects. */
  remember(path: string, name: string): Promise<void> {
    const openedAt = this.now().toISOString();
    return this.update((entries) => [
      { path, name, openedAt },
      ...entries.filter((entry) => entry.path !== path),
    ]);
  }

  /** Drops `path` (absolute) from the list. Never rejects. */
  forget(path: string): Promise<void> {
    return this.update((entries) => entries.filter((entry) => entry.path !== path));
  }

  /** The list, most recent first, at most `MAX_RECENT_PROJECTS`, each checked for existence now. */
  async list(): Promise<RecentProject[]> {
    await this.queue;
    const entries = await readRecentFile(this.file);
    return Promise.all(
      entries.map(async (entry) => ({
        ...entry,
        exists: (await fileExists(entry.path)) || (await fileExists(backupPathOf(entry.path))),
      })),
    );
  }

  private update(change: (entries: StoredRecent[]) => StoredRecent[]): Promise<void> {
    const run = this.queue.then(async () => {
      const entries = change(await readRecentFile(this.file)).slice(0, MAX_RECENT_PROJECTS);
      await mkdir(this.userDataDirectory, { recursive: true });
      await replaceFileAtomically(
        this.file,
        `${JSON.stringify({ version: 1, projects: entries }, null, 2)}\n`,
        { backup: false },
      );
    });
    // The recent list is a convenience: failing to update it must not fail an open or a save.
    const settled = run.catch(() => {});
    this.queue = settled;
    return settled;
  }
}

/** The stored recent list; a missing or unreadable file is an empty list (it is only a convenience). */
async function readRecentFile(path: string): Promise<StoredRecent[]> {
  try {
    const parsed = RecentFileSchema.safeParse(JSON.parse(await readFile(path, 'utf8')));
    return parsed.success ? parsed.data.projects.slice(0, MAX_RECENT_PROJECTS) : [];
  } catch {
    return [];
  }
}

async function fileExists(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

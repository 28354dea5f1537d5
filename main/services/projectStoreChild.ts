import { createProjectStore } from './projectStore';

/**
 * A second process for the lock tests: `tsx projectStoreChild.ts <project path> <user-data folder>` opens the project
 * through its own store, prints `opened` (or `error <reason>`), and then holds the lock until killed.
 */
async function main(): Promise<void> {
  const [path, userDataDirectory] = process.argv.slice(2);
  if (path === undefined || userDataDirectory === undefined) {
    throw new Error('usage: projectStoreChild.ts <project path> <user-data folder>');
  }
  const store = createProjectStore({ userDataDirectory, appVersion: 'child' });
  try {
    await store.open(path);
    process.stdout.write('opened\n');
  } catch (error) {
    process.stdout.write(`error ${(error as { reason?: string }).reason ?? String(error)}\n`);
    process.exit(1);
  }
  // Hold the lock (proper-lockfile keeps refreshing it) until the parent kills us.
  setInterval(() => {}, 60_000);
}

void main();

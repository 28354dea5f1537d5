import { basename, resolve } from 'node:path';
import { readImportFile } from '../services/import/limits';
import { importLimitFormat, type ImportFile } from '../services/importProject';
import { appVersion } from '../services/appInfo';
import { defaultUserDataDirectory } from '../services/userData';
import { createWorkspaceService, type WorkspaceService } from '../services/workspace';

/**
 * Runs `work` with a workspace service like the app's (same user-data folder, same project store, locks and journal),
 * then saves and releases every project it opened, whether `work` succeeded or not.
 */
export async function withWorkspace<T>(
  work: (workspace: WorkspaceService) => Promise<T>,
): Promise<T> {
  const workspace = createWorkspaceService({
    userDataDirectory: defaultUserDataDirectory(),
    appVersion: appVersion(),
  });
  try {
    return await work(workspace);
  } finally {
    await workspace.closeAll();
  }
}

/** Reads a file to import within its format's size limit (refused before reading when too large). */
export async function readFileToImport(cwd: string, path: string): Promise<ImportFile> {
  const absolute = resolve(cwd, path);
  const fileName = basename(absolute);
  return { fileName, bytes: await readImportFile(absolute, importLimitFormat(fileName)) };
}

import { mkdirSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow } from 'electron';
import { createHandlers } from '../services/handlers';
import { appVersion } from '../services/appInfo';
import { createWorkerAlignmentEngine } from '../services/alignment/alignmentEngine';
import { defaultUserDataDirectory } from '../services/userData';
import { createWorkspaceService, type WorkspaceService } from '../services/workspace';
import alignmentWorkerPath from '../services/alignment/alignmentWorker?modulePath';
import { forwardChanges, registerIpcHandlers } from './ipc';
import { withDesktopChannels } from './desktopHandlers';
import { installMenu } from './menu';
import { registerAppScheme, serveRendererOnAppScheme } from './appProtocol';
import { hardenSession } from './security';
import { createMainWindow, rendererUrl } from './window';

// App lifecycle only: windows, security, menus and IPC. Everything else lives in plain-Node services.
let mainWindow: BrowserWindow | undefined;
let workspace: WorkspaceService | undefined;

/** A project path given on the command line (`npm start -- file.taiyaku`), if any. */
function startupProjectFromArgs(argv: readonly string[]): string | null {
  return (
    argv.slice(app.isPackaged ? 1 : 2).find((argument) => argument.endsWith('.taiyaku')) ?? null
  );
}

// The same user-data folder as the loopback host and the command line (TAIYAKU_USER_DATA, else the platform's place;
// see userData.ts), not Electron's own default. Set before anything reads it: the single-instance lock and Chromium's
// session data live there too. Electron refuses a folder that does not exist yet.
const userDataDirectory = defaultUserDataDirectory();
mkdirSync(userDataDirectory, { recursive: true });
app.setPath('userData', userDataDirectory);

if (!app.requestSingleInstanceLock()) {
  // A second instance hands over to the first (which focuses its window) and leaves.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  app.enableSandbox();
  registerAppScheme();

  void app.whenReady().then(() => {
    hardenSession();
    serveRendererOnAppScheme();
    workspace = createWorkspaceService({
      userDataDirectory,
      appVersion: appVersion(),
      // The aligner (kuromoji's dictionary, seconds of CPU on a long document) runs in a worker thread, so the main
      // process keeps serving the window, its IPC and the menus meanwhile.
      alignment: createWorkerAlignmentEngine(pathToFileURL(alignmentWorkerPath)),
    });
    const startupProject = startupProjectFromArgs(process.argv);
    registerIpcHandlers(
      withDesktopChannels(
        createHandlers({ host: 'electron', workspace, startupProject }),
        () => mainWindow,
      ),
      rendererUrl(),
    );
    // Every window showing a project sees the changes made in the others.
    forwardChanges(workspace.changes);
    // Read the project while the window loads; the page's request then waits for this open.
    if (startupProject) void workspace.open(startupProject).catch(() => {});
    installMenu(() => mainWindow);
    mainWindow = createMainWindow();
    mainWindow.on('closed', () => (mainWindow = undefined));
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) mainWindow = createMainWindow();
    });
  });

  // Write pending changes before quitting: quit waits for the save, then goes ahead.
  let savedBeforeQuit = false;
  app.on('before-quit', (event) => {
    if (savedBeforeQuit || !workspace) return;
    event.preventDefault();
    void workspace
      .closeAll()
      .catch((error: unknown) => console.error('taiyaku: saving before quit failed:', error))
      .finally(() => {
        savedBeforeQuit = true;
        app.quit();
      });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}

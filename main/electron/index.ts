import { app, BrowserWindow } from 'electron';
import { createHandlers } from '../services/handlers';
import { registerIpcHandlers } from './ipc';
import { installMenu } from './menu';
import { hardenSession } from './security';
import { createMainWindow, rendererUrl } from './window';

// App lifecycle only: windows, security, menus and IPC. Everything else lives in plain-Node services.
let mainWindow: BrowserWindow | undefined;

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

  void app.whenReady().then(() => {
    hardenSession();
    registerIpcHandlers(createHandlers({ host: 'electron' }), rendererUrl());
    installMenu(() => mainWindow);
    mainWindow = createMainWindow();
    mainWindow.on('closed', () => (mainWindow = undefined));
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) mainWindow = createMainWindow();
    });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}

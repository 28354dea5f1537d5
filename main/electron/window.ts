import { BrowserWindow } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { hardenWebContents } from './security';

/** The URL the window loads: the dev server in development, else the built index.html. */
export function rendererUrl(): string {
  const devServer = process.env['ELECTRON_RENDERER_URL'];
  if (devServer) return devServer;
  return pathToFileURL(join(import.meta.dirname, '../renderer/index.html')).href;
}

/** Creates the one main window, sandboxed and isolated. */
export function createMainWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1400,
    height: 900,
    minWidth: 800,
    minHeight: 500,
    show: false,
    title: 'Taiyaku',
    webPreferences: {
      preload: join(import.meta.dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      spellcheck: false,
      // Middle-click would otherwise open links in new windows, around the window-open handler.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  const url = rendererUrl();
  hardenWebContents(window.webContents, url);
  window.once('ready-to-show', () => window.show());
  void window.loadURL(url);
  return window;
}

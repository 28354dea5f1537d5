import { app, BrowserWindow } from 'electron';
import { join } from 'node:path';
import { chooseRendererUrl } from '../security/trustedUrl';
import { hardenWebContents } from './security';

/** The URL the window loads: the dev server while developing an unpackaged app, else `taiyaku://app/index.html`. */
export function rendererUrl(): string {
  return chooseRendererUrl({
    isPackaged: app.isPackaged,
    devServerUrl: process.env['ELECTRON_RENDERER_URL'],
  });
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

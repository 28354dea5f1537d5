import { session, shell, type WebContents } from 'electron';
import type { KnownLink } from '../security/trustedUrl';
import { knownLinkFor, isTrustedRendererUrl } from '../security/trustedUrl';

/**
 * Locks down the default session and every web contents: permissions denied, navigation and new windows denied,
 * external links only to allowlisted https hosts and only in the system browser.
 */
export function hardenSession(): void {
  session.defaultSession.setPermissionRequestHandler((_webContents, _permission, callback) =>
    callback(false),
  );
  session.defaultSession.setPermissionCheckHandler(() => false);
}

/** Applies the navigation rules to one window's contents. */
export function hardenWebContents(contents: WebContents, rendererUrl: string): void {
  contents.on('will-navigate', (event, url) => {
    if (!isTrustedRendererUrl(url, rendererUrl)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isTrustedRendererUrl(url, rendererUrl)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    const link = knownLinkFor(url);
    if (link) openKnownLink(link);
    return { action: 'deny' };
  });
}

/**
 * Opens one of the app's known external pages in the system browser. Only these constant addresses can ever be
 * opened: a URL from the page selects one of them, it is never passed through.
 */
export function openKnownLink(link: KnownLink): void {
  switch (link) {
    case 'mqm':
      void shell.openExternal('https://themqm.org/');
      return;
    case 'web-annotation':
      void shell.openExternal('https://www.w3.org/TR/annotation-model/');
      return;
    case 'xliff':
      void shell.openExternal(
        'https://docs.oasis-open.org/xliff/xliff-core/v2.1/xliff-core-v2.1.html',
      );
      return;
    case 'its':
      void shell.openExternal('https://www.w3.org/TR/its20/');
      return;
  }
}

import { protocol } from 'electron';
import { join } from 'node:path';
import { CONTENT_SECURITY_POLICY, HEADER_ONLY_POLICY } from '../security/contentSecurityPolicy';
import { readStaticFile } from '../security/staticFiles';
import { APP_HOST, APP_SCHEME } from '../security/trustedUrl';

/**
 * The `taiyaku:` scheme: declared privileged before the app is ready (standard, secure, fetch), so the page gets a
 * real origin that the CSP and the sender check can hold to. Must run before `app.whenReady()`.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Serves the built renderer (out/renderer) on `taiyaku://app/`, with the same rules as the loopback host. */
export function serveRendererOnAppScheme(): void {
  const rendererDirectory = join(import.meta.dirname, '../renderer');
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host !== APP_HOST) return new Response('not found', { status: 404 });
    const answer = await readStaticFile(rendererDirectory, url.pathname);
    if (answer.status !== 200) return new Response(answer.message, { status: answer.status });
    return new Response(new Uint8Array(answer.body), {
      headers: {
        'Content-Type': answer.contentType,
        'Content-Security-Policy': `${CONTENT_SECURITY_POLICY}; ${HEADER_ONLY_POLICY}`,
        'X-Content-Type-Options': 'nosniff',
      },
    });
  });
}

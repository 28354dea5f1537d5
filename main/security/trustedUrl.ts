/**
 * Decisions about URLs, kept free of Electron so they are tested in plain Node: which page may talk to the app,
 * which links may open in the user's browser, which origins the loopback host answers.
 */

/**
 * The only external pages the app opens in the system browser, by name. The UI may link to these addresses; any
 * other link, or any variation of these (other path, query, credentials, http), is refused.
 */
export const KNOWN_LINKS = {
  mqm: 'https://themqm.org/',
  'web-annotation': 'https://www.w3.org/TR/annotation-model/',
  xliff: 'https://docs.oasis-open.org/xliff/xliff-core/v2.1/xliff-core-v2.1.html',
  its: 'https://www.w3.org/TR/its20/',
} as const;

/** The name of one allowlisted external page. */
export type KnownLink = keyof typeof KNOWN_LINKS;

/** The allowlisted page `url` names exactly, or undefined: the check behind every external link. */
export function knownLinkFor(url: string): KnownLink | undefined {
  let normalized: string;
  try {
    normalized = new URL(url).href;
  } catch {
    return undefined;
  }
  return (Object.keys(KNOWN_LINKS) as KnownLink[]).find((name) => KNOWN_LINKS[name] === normalized);
}

/**
 * True when `frameUrl` is the app's own page: the built renderer's index.html as a file URL (equal path), or in
 * development the dev server's origin.
 */
export function isTrustedRendererUrl(frameUrl: string, rendererUrl: string): boolean {
  let frame: URL;
  let expected: URL;
  try {
    frame = new URL(frameUrl);
    expected = new URL(rendererUrl);
  } catch {
    return false;
  }
  if (expected.protocol === 'file:')
    return frame.protocol === 'file:' && frame.pathname === expected.pathname;
  return frame.origin === expected.origin;
}

/**
 * The loopback host's origin check: a request that names an Origin must name the host's own (`http://127.0.0.1:PORT`
 * or `http://localhost:PORT`). No Origin (curl, same-origin GET) is allowed; the token still guards every API call.
 */
export function isAllowedOrigin(origin: string | undefined, port: number): boolean {
  if (origin === undefined) return true;
  return origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
}

/** The Host header check against DNS rebinding: only the loopback names at our port. */
export function isAllowedHostHeader(host: string | undefined, port: number): boolean {
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

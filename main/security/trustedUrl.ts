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
 * The privileged scheme the desktop app serves its page from (`taiyaku://app/index.html`), so the page has a real,
 * fixed origin for the Content-Security-Policy, the IPC sender check and the navigation rules (a `file:` page would
 * share its origin with every file on the disk).
 */
export const APP_SCHEME = 'taiyaku';
/** The one host of `APP_SCHEME`. */
export const APP_HOST = 'app';
/** The page the desktop window loads in a packaged or built app. */
export const APP_PAGE_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/**
 * The URL the desktop window loads: the dev server (`ELECTRON_RENDERER_URL`, set by electron-vite) only while
 * developing an unpackaged app, else the built page on the app's own scheme. A packaged app never honours the variable,
 * so nobody can point an installed app at another page through its environment.
 */
export function chooseRendererUrl(options: {
  readonly isPackaged: boolean;
  readonly devServerUrl: string | undefined;
}): string {
  if (!options.isPackaged && options.devServerUrl) return options.devServerUrl;
  return APP_PAGE_URL;
}

/** Scheme and host of a URL (`new URL().origin` is "null" for non-special schemes such as ours). */
function schemeAndHost(url: URL): string {
  return `${url.protocol}//${url.host}`;
}

/**
 * True when a request comes from the app's own page: the frame's scheme, host and port equal those of `rendererUrl`
 * (the `taiyaku://app` page, or the dev server in development), and, when `isMainFrame` is given, the frame is the
 * window's main frame (an iframe is never trusted, whatever it loads).
 */
export function isTrustedRendererUrl(
  frameUrl: string,
  rendererUrl: string,
  isMainFrame = true,
): boolean {
  if (!isMainFrame) return false;
  let frame: URL;
  let expected: URL;
  try {
    frame = new URL(frameUrl);
    expected = new URL(rendererUrl);
  } catch {
    return false;
  }
  // A file: page (no longer used) would make every local file "our origin": never trust one.
  if (expected.protocol === 'file:' || frame.protocol === 'file:') return false;
  return (
    schemeAndHost(frame) === schemeAndHost(expected) &&
    frame.username === '' &&
    frame.password === ''
  );
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

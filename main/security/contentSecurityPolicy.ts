/**
 * The Content-Security-Policy of the UI page, one source for the Electron window (meta tag in index.html, checked by
 * a test) and the loopback host (HTTP header). Mantine sets inline styles, hence 'unsafe-inline' for styles only;
 * scripts come from the app's own origin and nowhere else.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** Header-only directives (a meta tag cannot carry them). */
export const HEADER_ONLY_POLICY = "frame-ancestors 'none'";

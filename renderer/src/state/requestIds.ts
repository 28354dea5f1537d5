/** A random id: a UUID where the page has `crypto.randomUUID` (secure contexts), else 128 random bits in hex. */
function randomId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * This window's id, sent with every change it makes: the Node side tells windows apart by it (conflicts), and the
 * window recognises its own changes when they come back on the change feed. One per page load.
 */
export const CLIENT_ID = randomId();

/** A new id for one change request; a retry of that request reuses it, so that it is applied once. */
export function newRequestId(): string {
  return randomId();
}

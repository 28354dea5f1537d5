import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ChangeFeed } from '../services/changeFeed';

/** How many pages may listen at once; one more is refused with 503. */
export const MAX_EVENT_CLIENTS = 32;
/** A comment line every so often, so that proxies and the page notice a dead connection. */
export const HEARTBEAT_MS = 15_000;

export interface EventStreamOptions {
  readonly feed: ChangeFeed;
  readonly maxClients?: number;
  readonly heartbeatMs?: number;
}

/**
 * The loopback host's change stream: `GET /api/events` answers `text/event-stream`, one `data:` line of JSON per
 * `ProjectChangeEvent`, a comment line as heartbeat. The caller has checked Origin and token. Pages read it with
 * `fetch` (EventSource cannot send the Authorization header).
 */
export interface EventStreams {
  /** Answers one `GET /api/events` (the caller has checked Origin and token). */
  answer(request: IncomingMessage, response: ServerResponse): void;
  /** How many pages are listening. */
  readonly size: number;
  /** Ends every stream (host shutdown), so that the server can close. */
  closeAll(): void;
}

/** Change streams over `feed`. */
export function createEventStreams(options: EventStreamOptions): EventStreams {
  const maxClients = options.maxClients ?? MAX_EVENT_CLIENTS;
  const heartbeatMs = options.heartbeatMs ?? HEARTBEAT_MS;
  const clients = new Set<() => void>();

  return {
    answer(request, response) {
      if (clients.size >= maxClients) {
        response.writeHead(503, {
          'Content-Type': 'text/plain; charset=utf-8',
          'Retry-After': '5',
        });
        response.end('too many event streams');
        return;
      }
      response.writeHead(200, {
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
        Connection: 'keep-alive',
      });
      // The first bytes at once, so the page's fetch resolves and it knows it is connected.
      response.write(': connected\n\n');
      const unsubscribe = options.feed.subscribe((event) => {
        response.write(`data: ${JSON.stringify(event)}\n\n`);
      });
      const heartbeat = setInterval(() => response.write(': heartbeat\n\n'), heartbeatMs);
      heartbeat.unref();
      const close = (): void => {
        if (!clients.delete(close)) return;
        clearInterval(heartbeat);
        unsubscribe();
        response.end();
      };
      clients.add(close);
      request.on('close', close);
      response.on('close', close);
      response.on('error', close);
    },
    get size() {
      return clients.size;
    },
    closeAll() {
      for (const close of [...clients]) close();
    },
  };
}

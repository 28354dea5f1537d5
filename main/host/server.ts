import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { ChangeFeed } from '../services/changeFeed';
import { dispatch, type Handlers } from '../services/dispatch';
import type { ExportedFile } from '../services/exportService';
import { CONTENT_SECURITY_POLICY, HEADER_ONLY_POLICY } from '../security/contentSecurityPolicy';
import { isAllowedHostHeader, isAllowedOrigin } from '../security/trustedUrl';
import { readStaticFile } from '../security/staticFiles';
import { createEventStreams, type EventStreams } from './eventStream';

/** The largest request body the API reads (a pasted document pair fits; anything larger is refused with 413). */
export const MAX_REQUEST_BYTES = 64 * 1024 * 1024;

export interface LoopbackHostOptions {
  /** The built renderer (out/renderer). */
  readonly rendererDirectory: string;
  readonly handlers: Handlers;
  /** 0 picks a free port. */
  readonly port?: number;
  /** Check answers against the contract (see `DispatchOptions`); default true. */
  readonly checkResponses?: boolean;
  /** Fixed token for tests; random 256-bit hex otherwise. */
  readonly token?: string;
  /** The workspace's change feed, streamed to pages at `GET /api/events`; without it the stream answers 404. */
  readonly changes?: ChangeFeed;
  /** How many pages may stream changes at once (default `MAX_EVENT_CLIENTS`). */
  readonly maxEventClients?: number;
  /** Exports kept for download (`project:export` with destination `download`), served once each. */
  readonly downloads?: { takeDownload(jobId: string): ExportedFile | undefined };
}

export interface LoopbackHost {
  readonly server: Server;
  readonly port: number;
  readonly token: string;
  /** The page URL with its token: what the user (or a test browser) opens. */
  readonly url: string;
  /** Pages streaming changes now. */
  readonly eventClients: number;
  /** Ends every change stream, then stops listening. */
  close(): Promise<void>;
}

function send(
  response: ServerResponse,
  status: number,
  body: string,
  type = 'text/plain; charset=utf-8',
): void {
  response.writeHead(status, {
    'Content-Type': type,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  response.end(body);
}

function sendJson(response: ServerResponse, status: number, value: unknown): void {
  send(response, status, JSON.stringify(value), 'application/json; charset=utf-8');
}

function tokenMatches(header: string | undefined, token: string): boolean {
  const presented = header?.startsWith('Bearer ') ? header.slice('Bearer '.length) : '';
  const a = Buffer.from(presented);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

async function readBody(request: IncomingMessage): Promise<string | 'too-large'> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_REQUEST_BYTES) return 'too-large';
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

async function answerApi(
  request: IncomingMessage,
  response: ServerResponse,
  channel: string,
  options: { handlers: Handlers; token: string; port: number; checkResponses: boolean },
): Promise<void> {
  // Order matters: a foreign page is refused before it learns anything about the token.
  if (!isAllowedOrigin(request.headers.origin, options.port))
    return send(response, 403, 'foreign origin');
  if (!tokenMatches(request.headers.authorization, options.token))
    return send(response, 401, 'missing or wrong token');
  if (request.method !== 'POST') return send(response, 405, 'use POST');
  const body = await readBody(request);
  if (body === 'too-large') return send(response, 413, 'request too large');
  let payload: unknown = {};
  if (body.trim() !== '') {
    try {
      payload = JSON.parse(body);
    } catch {
      return sendJson(response, 400, {
        ok: false,
        error: { code: 'invalid-request', message: 'body is not JSON' },
      });
    }
  }
  const result = await dispatch(options.handlers, channel, payload, {
    checkResponses: options.checkResponses,
  });
  const status = result.ok
    ? 200
    : result.error.code === 'invalid-request'
      ? 400
      : result.error.code === 'not-found'
        ? 404
        : 200;
  sendJson(response, status, result);
}

/**
 * The checks every GET under /api/ passes before it is answered: our Origin (else 403), the token (else 401), GET (else
 * 405). Answers the refusal itself and returns false; true when the request may go on.
 */
function allowApiGet(
  request: IncomingMessage,
  response: ServerResponse,
  options: { token: string; port: number },
): boolean {
  if (!isAllowedOrigin(request.headers.origin, options.port)) {
    send(response, 403, 'foreign origin');
    return false;
  }
  if (!tokenMatches(request.headers.authorization, options.token)) {
    send(response, 401, 'missing or wrong token');
    return false;
  }
  if (request.method !== 'GET') {
    send(response, 405, 'use GET');
    return false;
  }
  return true;
}

/** `GET /api/events`: the same Origin and token checks as the API, then the change stream. */
function answerEvents(
  request: IncomingMessage,
  response: ServerResponse,
  streams: EventStreams | undefined,
  options: { token: string; port: number },
): void {
  if (!allowApiGet(request, response, options)) return;
  if (!streams) return send(response, 404, 'no change stream');
  streams.answer(request, response);
}

/**
 * `Content-Disposition: attachment` with an ASCII fallback `filename` and the exact name as RFC 5987 `filename*`
 * (UTF-8, percent-encoded), so a Japanese project name survives.
 */
export function attachmentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/** `GET /api/download/<jobId>`: an export's bytes, once, behind the same Origin and token checks as the API. */
function answerDownload(
  request: IncomingMessage,
  response: ServerResponse,
  jobId: string,
  options: {
    token: string;
    port: number;
    downloads: LoopbackHostOptions['downloads'];
  },
): void {
  if (!allowApiGet(request, response, options)) return;
  const file = options.downloads?.takeDownload(jobId);
  if (!file) return send(response, 404, 'no such download (it is served once, within 5 minutes)');
  response.writeHead(200, {
    'Content-Type': file.mediaType,
    'Content-Length': String(file.bytes.length),
    'Content-Disposition': attachmentDisposition(file.fileName),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  response.end(file.bytes);
}

async function answerStatic(
  response: ServerResponse,
  rendererDirectory: string,
  pathname: string,
): Promise<void> {
  const answer = await readStaticFile(rendererDirectory, pathname);
  if (answer.status !== 200) return send(response, answer.status, answer.message);
  response.writeHead(200, {
    'Content-Type': answer.contentType,
    'Content-Security-Policy': `${CONTENT_SECURITY_POLICY}; ${HEADER_ONLY_POLICY}`,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': answer.isHtml ? 'no-store' : 'max-age=3600',
  });
  response.end(answer.body);
}

/**
 * Starts the loopback host: the built renderer and the IPC contract over HTTP, bound to 127.0.0.1 only.
 * Every /api request needs `Authorization: Bearer <token>` (else 401) and, when it names an Origin, our own (else 403).
 */
export async function startLoopbackHost(options: LoopbackHostOptions): Promise<LoopbackHost> {
  const token = options.token ?? randomBytes(32).toString('hex');
  let port = 0;
  const streams = options.changes
    ? createEventStreams({
        feed: options.changes,
        ...(options.maxEventClients !== undefined ? { maxClients: options.maxEventClients } : {}),
      })
    : undefined;
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (!isAllowedHostHeader(request.headers.host, port)) {
      send(response, 403, 'unexpected Host header');
      return;
    }
    if (url.pathname === '/api/events') {
      answerEvents(request, response, streams, { token, port });
      return;
    }
    const apiMatch = /^\/api\/([a-z]+:[a-z-]+)$/.exec(url.pathname);
    const downloadMatch = /^\/api\/download\/([A-Za-z0-9_-]{1,100})$/.exec(url.pathname);
    const work = downloadMatch
      ? Promise.resolve(
          answerDownload(request, response, downloadMatch[1]!, {
            token,
            port,
            downloads: options.downloads,
          }),
        )
      : url.pathname.startsWith('/api/')
        ? apiMatch
          ? answerApi(request, response, apiMatch[1]!, {
              handlers: options.handlers,
              token,
              port,
              checkResponses: options.checkResponses ?? true,
            })
          : Promise.resolve(
              send(
                response,
                isAllowedOrigin(request.headers.origin, port) ? 404 : 403,
                'no such channel',
              ),
            )
        : request.method === 'GET' || request.method === 'HEAD'
          ? answerStatic(response, options.rendererDirectory, url.pathname)
          : Promise.resolve(send(response, 405, 'method not allowed'));
    work.catch((error: unknown) => {
      if (!response.headersSent) send(response, 500, 'internal error');
      console.error('taiyaku host:', error);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    server,
    port,
    token,
    url: `http://127.0.0.1:${port}/?token=${token}`,
    get eventClients() {
      return streams?.size ?? 0;
    },
    close: () => {
      // Open streams would keep the server from closing.
      streams?.closeAll();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

import type { z } from 'zod';
import { isIpcChannel, type IpcChannel } from '../../core/ipc/channels';
import {
  ipcContract,
  type IpcError,
  type IpcParsedRequest,
  type IpcResponse,
  type IpcResult,
} from '../../core/ipc/contract';
import { messageOf, ServiceError } from './serviceError';

/** The implementation of one channel: takes the parsed request, returns the response value. */
export type Handler<C extends IpcChannel> = (
  request: IpcParsedRequest<C>,
) => Promise<IpcResponse<C>>;

/** One handler per channel; a channel without a handler is a compile error. */
export type Handlers = { [C in IpcChannel]: Handler<C> };

/** Readable issue paths, e.g. `path: Invalid input: expected string, received number`. */
export function describeIssues(error: z.ZodError): string[] {
  return error.issues.map(
    (issue) => `${issue.path.length ? issue.path.join('.') : '(request)'}: ${issue.message}`,
  );
}

function toIpcError(error: unknown): IpcError {
  if (error instanceof ServiceError) return { code: error.code, message: error.message };
  return { code: 'failed', message: messageOf(error) };
}

export interface DispatchOptions {
  /**
   * Check every answer against the contract's response schema (default true). Requests are always checked: they are
   * the security boundary. Answers come from our own services, so the front doors check them where bugs are hunted
   * (tests, `TAIYAKU_CHECK_RESPONSES=1`) and skip it in use, where it would cost hundreds of milliseconds for a large
   * project.
   */
  readonly checkResponses?: boolean;
}

/** Whether a front door checks its answers: on when `TAIYAKU_CHECK_RESPONSES=1`. */
export function responseCheckingFromEnvironment(
  environment: NodeJS.ProcessEnv = process.env,
): boolean {
  return environment['TAIYAKU_CHECK_RESPONSES'] === '1';
}

/**
 * Answers one request from an untrusted caller: checks the channel name, parses the request with the contract's
 * schema, runs the handler and checks its answer against the response schema. Never throws.
 * Both front doors (the Electron main process and the loopback host) go through here.
 */
export async function dispatch(
  handlers: Handlers,
  channel: unknown,
  request: unknown,
  options: DispatchOptions = {},
): Promise<IpcResult<unknown>> {
  if (!isIpcChannel(channel)) {
    return {
      ok: false,
      error: { code: 'not-found', message: `unknown channel: ${String(channel)}` },
    };
  }
  const spec = ipcContract[channel];
  const parsed = spec.request.safeParse(request ?? {});
  if (!parsed.success) {
    return {
      ok: false,
      error: {
        code: 'invalid-request',
        message: `invalid request for ${channel}`,
        issues: describeIssues(parsed.error),
      },
    };
  }
  try {
    const handler = handlers[channel] as (request: unknown) => Promise<unknown>;
    const value = await handler(parsed.data);
    if (options.checkResponses === false) return { ok: true, value };
    // A handler answering outside the contract is our bug: report it rather than hand the UI a malformed value.
    const checked = spec.response.safeParse(value);
    if (!checked.success) {
      return {
        ok: false,
        error: {
          code: 'failed',
          message: `internal error: ${channel} answered outside its contract`,
          issues: describeIssues(checked.error),
        },
      };
    }
    return { ok: true, value: checked.data };
  } catch (error) {
    return { ok: false, error: toIpcError(error) };
  }
}

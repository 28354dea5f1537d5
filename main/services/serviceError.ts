import type { IpcError } from '../../core/ipc/contract';

/** A failure a service reports to the UI as is: a stable code and a message a reviewer can act on. */
export class ServiceError extends Error {
  constructor(
    readonly code: IpcError['code'],
    message: string,
  ) {
    super(message);
    this.name = 'ServiceError';
  }
}

/** The message of a caught error: an Error's message, or the thrown value as text. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

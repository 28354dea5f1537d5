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

export { messageOf } from '../../core/ipc/messageOf';

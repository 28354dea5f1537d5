import { ServiceError } from '../serviceError';

/** Why a store operation failed; `code` (from `ServiceError`) is what the UI branches on, `reason` is finer. */
export type ProjectStoreFailure =
  'locked' | 'lock-lost' | 'not-found' | 'not-open' | 'damaged' | 'newer-version' | 'io';

/** A project store failure with a message a reviewer can act on. */
export class ProjectStoreError extends ServiceError {
  constructor(
    readonly reason: ProjectStoreFailure,
    message: string,
    /** Readable schema issues when the file failed validation. */
    readonly issues?: readonly string[],
  ) {
    super(
      reason === 'not-found'
        ? 'not-found'
        : reason === 'io' || reason === 'damaged'
          ? 'failed'
          : 'refused',
      message,
    );
    this.name = 'ProjectStoreError';
  }
}

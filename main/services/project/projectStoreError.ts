import { ServiceError } from '../serviceError';

/** Why a store operation failed; `code` (from `ServiceError`) is what the UI branches on, `reason` is finer. */
export type ProjectStoreFailure =
  | 'locked'
  | 'lock-lost'
  | 'not-found'
  | 'not-open'
  | 'damaged'
  | 'newer-version'
  /** Not a regular file (a FIFO, a device, a folder) or larger than any project: refused unread, no backup tried. */
  | 'not-a-project'
  /**
   * Save as: a project is already at that path (code `exists`); the UI asks "Replace?" and saves again with
   * `overwrite: true`.
   */
  | 'exists'
  /** Save as: what is at that path is not a project this version reads; never replaced, even with `overwrite`. */
  | 'not-replaceable'
  | 'io';

/** A project store failure with a message a reviewer can act on. */
export class ProjectStoreError extends ServiceError {
  constructor(
    readonly reason: ProjectStoreFailure,
    message: string,
    /** Readable schema issues when the file failed validation. */
    readonly issues?: readonly string[],
  ) {
    super(
      reason === 'not-found' || reason === 'exists'
        ? reason
        : reason === 'io' || reason === 'damaged'
          ? 'failed'
          : 'refused',
      message,
    );
    this.name = 'ProjectStoreError';
  }
}

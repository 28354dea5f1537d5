import type {
  AlignDocumentOptions,
  AlignmentProgress,
} from '../../../core/alignment/alignDocument';
import type { DocumentAlignment } from '../../../core/alignment/types';

/** A request to the alignment worker; `id` pairs it with its reply. */
export type AlignmentRequest =
  | {
      readonly id: number;
      readonly type: 'align';
      readonly english: string;
      readonly japanese: string;
      readonly options: AlignDocumentOptions;
    }
  | {
      readonly id: number;
      readonly type: 'realign';
      readonly alignment: DocumentAlignment;
      /** 0-based indices into `alignment.sentenceBeads` of the beads to keep. */
      readonly pinnedIndices: readonly number[];
    };

/** The worker's answer to request `id`, or (`progress`, any number before the answer) how far an `align` has got. */
export type AlignmentReply =
  | { readonly id: number; readonly ok: true; readonly alignment: DocumentAlignment }
  | { readonly id: number; readonly ok: false; readonly message: string }
  | { readonly id: number; readonly progress: AlignmentProgress };

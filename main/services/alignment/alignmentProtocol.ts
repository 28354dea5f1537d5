import type {
  AlignDocumentOptions,
  AlignmentProgress,
} from '../../../core/alignment/alignDocument';
import type { DocumentAlignment } from '../../../core/alignment/types';
import type { DocumentFinding } from '../../../core/checks/checkDocument';
import type { Glossary } from '../../../core/checks/glossary';
import type { CheckSettings } from '../../../core/checks/settings';

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
    }
  | {
      readonly id: number;
      /** Run the automatic discrepancy checks over every sentence bead (core/checks/checkDocument.ts). */
      readonly type: 'check';
      readonly alignment: DocumentAlignment;
      readonly settings: CheckSettings;
      /** The project's glossary, for the terminology and consistency checks. */
      readonly glossary?: Glossary;
    };

/**
 * The worker's answer to request `id`: an alignment (align, realign) or findings (check); or, any number of times
 * before the answer, how far an `align` has got (`progress`).
 */
export type AlignmentReply =
  | { readonly id: number; readonly ok: true; readonly alignment: DocumentAlignment }
  | { readonly id: number; readonly ok: true; readonly findings: readonly DocumentFinding[] }
  | { readonly id: number; readonly ok: false; readonly message: string }
  | { readonly id: number; readonly progress: AlignmentProgress };

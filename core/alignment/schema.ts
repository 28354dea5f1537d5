import { z } from 'zod';
import type { DocumentAlignment } from './types';

/**
 * zod schemas for the row model in `types.ts`, for every boundary that receives one (IPC, HTTP, project files).
 * They check shape and the per-item invariants that are cheap to check (non-negative offsets, `end >= start`,
 * confidence in [0, 1]); the cross-checks of coverage and order are `checkAlignment` in `invariants.ts`.
 */

const offset = z.number().int().nonnegative();

/** A span of one side's text, UTF-16 offsets, `end >= start`. */
export const TextSpanSchema = z
  .object({ start: offset, end: offset })
  .refine((span) => span.end >= span.start, { message: 'end must not be before start' });

/** One clause or sentence with its offsets into its side's original text. */
export const SegmentSchema = z
  .object({
    start: offset,
    end: offset,
    text: z.string(),
    level: z.enum(['clause', 'sentence']),
    label: z.string().optional(),
    pieces: z.array(TextSpanSchema).readonly().optional(),
    clauseIndex: z.number().int().nonnegative().optional(),
  })
  .refine((segment) => segment.end >= segment.start, { message: 'end must not be before start' });

const indexList = z.array(z.number().int().nonnegative()).readonly();

/** An n:m link between contiguous segment runs, with the aligner's confidence in [0, 1]. */
export const BeadSchema = z.object({
  sourceIndices: indexList,
  targetIndices: indexList,
  confidence: z.number().min(0).max(1),
  pinned: z.boolean().optional(),
  edited: z.boolean().optional(),
});

/** A sentence bead, placed inside one clause bead. */
export const SentenceBeadSchema = BeadSchema.extend({ clauseBead: z.number().int().nonnegative() });

/** One side of a two-level document. */
export const DocumentSideSchema = z.object({
  lang: z.string().min(1),
  text: z.string(),
  clauses: z.array(SegmentSchema).readonly(),
  sentences: z.array(SegmentSchema).readonly(),
});

/** The aligned document: clause beads and the sentence beads inside them. */
export const DocumentAlignmentSchema = z.object({
  source: DocumentSideSchema,
  target: DocumentSideSchema,
  clauseBeads: z.array(BeadSchema).readonly(),
  sentenceBeads: z.array(SentenceBeadSchema).readonly(),
  tokenizerPath: z.enum(['morphological', 'dictionary']).optional(),
}) satisfies z.ZodType<DocumentAlignment>;

import { z } from 'zod';
import { AnnotationSchema } from '../project/annotation';
import { ANNOTATION_STATUSES } from '../project/annotation';
import type { RealignFunction, ReviewCommand } from '../review/session';

const beadIndex = z.number().int().nonnegative();
const side = z.enum(['source', 'target']);
const timestamp = z.iso.datetime({ offset: true });

/**
 * A review command as it crosses the IPC boundary: every `ReviewCommand` of core/review/session.ts, with `realign`
 * carrying no function (the Node side supplies the alignment engine). Indices are 0-based, offsets UTF-16 code units.
 */
export const WireCommandSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('mergeWithNext'), beadIndex }).strict(),
  z.object({ type: z.literal('mergeWithPrevious'), beadIndex }).strict(),
  z
    .object({
      type: z.literal('splitBead'),
      beadIndex,
      sourceCount: z.number().int().nonnegative(),
      targetCount: z.number().int().nonnegative(),
    })
    .strict(),
  z
    .object({
      type: z.literal('splitSentence'),
      side,
      sentenceIndex: z.number().int().nonnegative(),
      offset: z.number().int().nonnegative(),
    })
    .strict(),
  z
    .object({
      type: z.literal('moveSentence'),
      beadIndex,
      side,
      direction: z.enum(['previous', 'next']),
    })
    .strict(),
  z.object({ type: z.literal('detachSide'), beadIndex, side }).strict(),
  z.object({ type: z.literal('pin'), beadIndices: z.array(beadIndex).max(1_000_000) }).strict(),
  z.object({ type: z.literal('unpin'), beadIndices: z.array(beadIndex).max(1_000_000) }).strict(),
  z.object({ type: z.literal('realign') }).strict(),
  z.object({ type: z.literal('addAnnotation'), annotation: AnnotationSchema }).strict(),
  z
    .object({
      type: z.literal('updateAnnotation'),
      id: z.string().min(1),
      // The fields a reviewer edits; the session re-checks the whole annotation after the change. JSON cannot carry
      // undefined, so `null` removes an optional field (the subtype, the suggestion).
      changes: z
        .object({
          category: z.string(),
          subtype: z.string().nullable(),
          severity: z.enum(['neutral', 'minor', 'major', 'critical']),
          comment: z.string(),
          suggestion: z.string().nullable(),
          status: z.enum(ANNOTATION_STATUSES),
          author: z.string(),
        })
        .partial()
        .strict(),
      updatedAt: timestamp,
    })
    .strict(),
  z.object({ type: z.literal('deleteAnnotation'), id: z.string().min(1) }).strict(),
  z
    .object({
      type: z.literal('setAnnotationStatus'),
      id: z.string().min(1),
      status: z.enum(ANNOTATION_STATUSES),
      updatedAt: timestamp,
    })
    .strict(),
]);

/** A review command as sent over IPC. */
export type WireCommand = z.infer<typeof WireCommandSchema>;

/** The domain command for a wire command; `realign` gets the engine the caller supplies. */
export function toReviewCommand(command: WireCommand, realign: RealignFunction): ReviewCommand {
  if (command.type === 'realign') return { type: 'realign', realign };
  if (command.type === 'updateAnnotation') {
    // `null` on the wire is a key present with no value in the domain: the session removes the field.
    const changes = Object.fromEntries(
      Object.entries(command.changes).map(([key, value]) => [key, value ?? undefined]),
    );
    return { ...command, changes } as ReviewCommand;
  }
  return command as ReviewCommand;
}

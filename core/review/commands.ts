import { z } from 'zod';
import { checkAlignment } from '../alignment/invariants';
import { DocumentAlignmentSchema } from '../alignment/schema';
import type { DocumentAlignment } from '../alignment/types';
import { ANNOTATION_STATUSES, AnnotationSchema } from './annotationSchema';
import {
  detachSide,
  mergeBeads,
  moveSentence,
  moveSentenceAt,
  replaceAlignment,
  setPinned,
  splitBead,
  type AlignmentOutcome,
} from './alignmentEdits';
import type { Annotation } from './annotation';
import {
  addAnnotation,
  deleteAnnotation,
  setAnnotationStatus,
  updateAnnotation,
  type AnnotationOutcome,
} from './annotationCommands';
import type { ReviewSession } from './session';
import { splitSentence } from './splitSentence';

/**
 * Everything a reviewer can do to a session, as plain data: one zod schema serves the IPC contract, the change journal
 * and the session. Every command returns a new session and never mutates its input (unchanged parts are shared, so the
 * undo stack is cheap). A command that cannot apply (index out of range, would break an invariant) is refused: the
 * session comes back unchanged, with a reason for the UI.
 *
 * Bead indices are 0-based into `alignment.sentenceBeads`; sentence indices are 0-based into the side's `sentences`;
 * offsets are UTF-16 code units into the side's original text; timestamps are ISO 8601 strings from the caller.
 */

const beadIndex = z.number().int().nonnegative();
const side = z.enum(['source', 'target']);
const timestamp = z.iso.datetime({ offset: true });
const annotationStatus = z.enum(ANNOTATION_STATUSES);
/** The stored schemas, typed as the domain's (readonly) values they produce. */
const annotationSchema: z.ZodType<Annotation, Annotation> = AnnotationSchema;
const alignmentSchema: z.ZodType<
  DocumentAlignment,
  z.input<typeof DocumentAlignmentSchema>
> = DocumentAlignmentSchema;

/**
 * Fields of an annotation that `updateAnnotation` may change (`id` and `createdAt` are fixed; `updatedAt` is bumped).
 * `null` removes an optional field (the subtype, the suggestion); an absent field stays as it is. The session re-checks
 * the whole annotation after the change.
 */
export const AnnotationChangesSchema = z
  .object({
    category: z.string(),
    subtype: z.string().nullable(),
    severity: z.enum(['neutral', 'minor', 'major', 'critical']),
    comment: z.string(),
    suggestion: z.string().nullable(),
    status: annotationStatus,
    author: z.string(),
  })
  .partial()
  .strict();

/** Fields an `updateAnnotation` command changes; `null` removes the subtype or the suggestion. */
export type AnnotationChanges = z.infer<typeof AnnotationChangesSchema>;

/** Which neighbour a sentence moves to: the first sentence goes to the previous bead, the last to the next. */
export const MoveDirectionSchema = z.enum(['previous', 'next']);

/** Which neighbour a sentence moves to (see `MoveDirectionSchema`). */
export type MoveDirection = z.infer<typeof MoveDirectionSchema>;

/** Every review command; see the module comment for units. */
export const ReviewCommandSchema = z.discriminatedUnion('type', [
  /** Join sentence bead `beadIndex` with the one after it. */
  z.object({ type: z.literal('mergeWithNext'), beadIndex }).strict(),
  /** Join sentence bead `beadIndex` with the one before it. */
  z.object({ type: z.literal('mergeWithPrevious'), beadIndex }).strict(),
  /**
   * Split a bead between sentences: its first `sourceCount` source sentences and first `targetCount` target sentences
   * form the first bead, the rest the second; neither may be empty.
   */
  z
    .object({
      type: z.literal('splitBead'),
      beadIndex,
      sourceCount: z.number().int().nonnegative(),
      targetCount: z.number().int().nonnegative(),
    })
    .strict(),
  /**
   * Split one sentence segment in two at `offset` (strictly inside it). Whitespace at the cut is left out of both
   * halves. Both halves stay in the same bead (split the bead afterwards to put them on separate rows).
   */
  z
    .object({
      type: z.literal('splitSentence'),
      side,
      sentenceIndex: z.number().int().nonnegative(),
      offset: z.number().int().nonnegative(),
    })
    .strict(),
  /** Move the first (`previous`) or last (`next`) sentence of `side` in a bead into the neighbouring bead. */
  z
    .object({ type: z.literal('moveSentence'), beadIndex, side, direction: MoveDirectionSchema })
    .strict(),
  /**
   * Move sentence `sentenceIndex` of `side` (one the reviewer picked in bead `beadIndex`) into the neighbouring bead,
   * with the sentences between it and that neighbour (order is kept): to `previous`, it and those before it in the
   * bead; to `next`, it and those after it.
   */
  z
    .object({
      type: z.literal('moveSentenceAt'),
      beadIndex,
      side,
      sentenceIndex: z.number().int().nonnegative(),
      direction: MoveDirectionSchema,
    })
    .strict(),
  /**
   * Detach the sentences of `side` into a bead of their own (n-0 or 0-m), placed right after the bead that keeps the
   * other side: marks an omission (detach target → source left alone) or an addition.
   */
  z.object({ type: z.literal('detachSide'), beadIndex, side }).strict(),
  /** Confirm beads: pinned; their confidence stays the aligner's. */
  z
    .object({ type: z.literal('pin'), beadIndices: z.array(beadIndex).max(1_000_000).readonly() })
    .strict(),
  /** Unconfirm beads; their confidence stays as it is. */
  z
    .object({
      type: z.literal('unpin'),
      beadIndices: z.array(beadIndex).max(1_000_000).readonly(),
    })
    .strict(),
  /**
   * Replace the sentence beads and clause beads with a realignment of the same texts and sentences (computed first, by
   * the aligner); refused when the texts or sentences differ, when the result breaks an invariant, or when it does not
   * keep every confirmed (pinned) bead of the current alignment.
   */
  z.object({ type: z.literal('replaceAlignment'), alignment: alignmentSchema }).strict(),
  z.object({ type: z.literal('addAnnotation'), annotation: annotationSchema }).strict(),
  z
    .object({
      type: z.literal('updateAnnotation'),
      id: z.string().min(1),
      changes: AnnotationChangesSchema,
      updatedAt: timestamp,
    })
    .strict(),
  z.object({ type: z.literal('deleteAnnotation'), id: z.string().min(1) }).strict(),
  z
    .object({
      type: z.literal('setAnnotationStatus'),
      id: z.string().min(1),
      status: annotationStatus,
      updatedAt: timestamp,
    })
    .strict(),
]);

/** A review command: plain data, the same in the session, on the wire and in the change journal. */
export type ReviewCommand = z.infer<typeof ReviewCommandSchema>;

/** The `type` tag of a command. */
export type ReviewCommandType = ReviewCommand['type'];

/**
 * The outcome of a command. `session` is always usable: the new session, or the unchanged input (same object) when
 * refused or when the command changes nothing.
 */
export type CommandResult =
  | { readonly ok: true; readonly session: ReviewSession; readonly note?: string }
  | { readonly ok: false; readonly session: ReviewSession; readonly reason: string };

/** Runs a command and says whether it applied, with the reason when it did not. Pure. */
export function runCommand(session: ReviewSession, command: ReviewCommand): CommandResult {
  const outcome = execute(session, command);
  if (typeof outcome === 'string') return { ok: false, session, reason: outcome };
  if (outcome.session.alignment !== session.alignment) {
    // Cheap (linear) safety net: a command must never hand the UI a broken alignment.
    const violations = checkAlignment(outcome.session.alignment);
    if (violations.length > 0) {
      return { ok: false, session, reason: `The edit would break the alignment: ${violations[0]}` };
    }
  }
  return outcome.note === undefined
    ? { ok: true, session: outcome.session }
    : { ok: true, session: outcome.session, note: outcome.note };
}

/**
 * Applies a command and returns the next session; a refused command returns `session` itself (check with `===`, or use
 * `runCommand` for the reason). Pure: never mutates `session`.
 */
export function applyCommand(session: ReviewSession, command: ReviewCommand): ReviewSession {
  return runCommand(session, command).session;
}

type Outcome = { readonly session: ReviewSession; readonly note?: string } | string;

function execute(session: ReviewSession, command: ReviewCommand): Outcome {
  const { alignment } = session;
  switch (command.type) {
    case 'mergeWithNext':
      return withAlignment(session, mergeBeads(alignment, command.beadIndex));
    case 'mergeWithPrevious':
      return withAlignment(session, mergeBeads(alignment, command.beadIndex - 1));
    case 'splitBead':
      return withAlignment(
        session,
        splitBead(alignment, command.beadIndex, command.sourceCount, command.targetCount),
      );
    case 'splitSentence':
      return withAlignment(
        session,
        splitSentence(alignment, command.side, command.sentenceIndex, command.offset),
      );
    case 'moveSentence':
      return withAlignment(
        session,
        moveSentence(alignment, command.beadIndex, command.side, command.direction),
      );
    case 'moveSentenceAt':
      return withAlignment(
        session,
        moveSentenceAt(
          alignment,
          command.beadIndex,
          command.side,
          command.sentenceIndex,
          command.direction,
        ),
      );
    case 'detachSide':
      return withAlignment(session, detachSide(alignment, command.beadIndex, command.side));
    case 'pin':
    case 'unpin':
      return withAlignment(
        session,
        setPinned(alignment, command.beadIndices, command.type === 'pin'),
      );
    case 'replaceAlignment':
      return withAlignment(session, replaceAlignment(alignment, command.alignment));
    case 'addAnnotation':
      return withAnnotations(session, addAnnotation(session, command.annotation));
    case 'updateAnnotation':
      return withAnnotations(
        session,
        updateAnnotation(session, command.id, command.changes, command.updatedAt),
      );
    case 'deleteAnnotation':
      return withAnnotations(session, deleteAnnotation(session, command.id));
    case 'setAnnotationStatus':
      return withAnnotations(
        session,
        setAnnotationStatus(session, command.id, command.status, command.updatedAt),
      );
  }
}

function withAlignment(session: ReviewSession, outcome: AlignmentOutcome): Outcome {
  if (typeof outcome === 'string') return outcome;
  if (outcome.alignment === session.alignment) return { session };
  const next = { ...session, alignment: outcome.alignment };
  return outcome.note === undefined ? { session: next } : { session: next, note: outcome.note };
}

function withAnnotations(session: ReviewSession, outcome: AnnotationOutcome): Outcome {
  if (typeof outcome === 'string') return outcome;
  return outcome === session.annotations
    ? { session }
    : { session: { ...session, annotations: outcome } };
}

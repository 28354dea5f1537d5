import { checkAlignment } from '../alignment/invariants';
import type { DocumentAlignment } from '../alignment/types';
import type { Annotation } from './annotation';
import { checkAnnotation } from './annotation';
import { textLengths } from './annotationCommands';
import { dismissalKey, type Dismissal } from './dismissals';

/**
 * The review workspace's undoable domain state. The commands that change it are data (`ReviewCommandSchema` in
 * `commands.ts`, run by `runCommand`); the alignment edits are in `alignmentEdits.ts` and `splitSentence.ts`, the
 * annotation commands in `annotationCommands.ts`, the alignment invariants in `core/alignment/invariants.ts`.
 */

/** The undoable domain state of the review workspace. */
export interface ReviewSession {
  /** The two-level alignment; satisfies `checkAlignment`. */
  readonly alignment: DocumentAlignment;
  /** Annotations in creation order; ids are unique. */
  readonly annotations: readonly Annotation[];
  /** Automatic-check suggestions the reviewer dismissed, oldest first; ids and `dismissalKey`s are unique. */
  readonly dismissals: readonly Dismissal[];
}

/** The part of a session that reports, scorecards and anchoring read: the texts, their alignment, the annotations. */
export type AnnotatedAlignment = Pick<ReviewSession, 'alignment' | 'annotations'>;

/**
 * Every violation of the session invariants: those of `checkAlignment`, plus unique annotation ids and annotation
 * selectors inside their side's text (see `checkAnnotation`).
 */
export function checkSession(session: ReviewSession): string[] {
  const violations = checkAlignment(session.alignment);
  const ids = new Set<string>();
  const lengths = textLengths(session);
  for (const annotation of session.annotations) {
    if (ids.has(annotation.id)) violations.push(`annotation id ${annotation.id} is used twice`);
    ids.add(annotation.id);
    violations.push(...checkAnnotation(annotation, lengths));
  }
  const dismissalIds = new Set<string>();
  const dismissalKeys = new Set<string>();
  for (const dismissal of session.dismissals) {
    if (dismissalIds.has(dismissal.id))
      violations.push(`dismissal id ${dismissal.id} is used twice`);
    if (dismissalKeys.has(dismissalKey(dismissal)))
      violations.push(`dismissal ${dismissal.id} repeats an earlier one`);
    dismissalIds.add(dismissal.id);
    dismissalKeys.add(dismissalKey(dismissal));
  }
  return violations;
}

/** A session over an alignment with no annotations (and no dismissed suggestions) yet. */
export function createSession(
  alignment: DocumentAlignment,
  annotations: readonly Annotation[] = [],
  dismissals: readonly Dismissal[] = [],
): ReviewSession {
  return { alignment, annotations, dismissals };
}

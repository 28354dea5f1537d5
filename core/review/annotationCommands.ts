import type { Side } from '../alignment/types';
import type { Annotation, AnnotationStatus } from './annotation';
import { checkAnnotation } from './annotation';
import type { AnnotationChanges } from './commands';
import type { ReviewSession } from './session';

/**
 * The annotation commands behind `ReviewCommandSchema` (add, update, delete, set status). Annotations are addressed by
 * id; their selectors' offsets are UTF-16 code units into the side's original text, so alignment edits never move them.
 */

/** The new annotation list (the same array when nothing changes), or why the command was refused. */
export type AnnotationOutcome = readonly Annotation[] | string;

/** The length of each side's text in UTF-16 code units: the bounds of every selector. */
export function textLengths(session: ReviewSession): Record<Side, number> {
  return {
    source: session.alignment.source.text.length,
    target: session.alignment.target.text.length,
  };
}

/** Appends `annotation`; refused when its id is taken or it fails `checkAnnotation`. */
export function addAnnotation(session: ReviewSession, annotation: Annotation): AnnotationOutcome {
  if (session.annotations.some((existing) => existing.id === annotation.id)) {
    return `An annotation with id ${annotation.id} already exists.`;
  }
  const problems = checkAnnotation(annotation, textLengths(session));
  if (problems.length > 0) return `The annotation is not valid: ${problems[0]}`;
  return [...session.annotations, annotation];
}

/** Appends `annotations` in order, as one change; refused as a whole when `addAnnotation` would refuse any of them. */
export function addAnnotations(
  session: ReviewSession,
  annotations: readonly Annotation[],
): AnnotationOutcome {
  const ids = new Set(session.annotations.map((existing) => existing.id));
  const lengths = textLengths(session);
  for (const annotation of annotations) {
    if (ids.has(annotation.id)) return `An annotation with id ${annotation.id} already exists.`;
    ids.add(annotation.id);
    const problems = checkAnnotation(annotation, lengths);
    if (problems.length > 0) return `The annotation is not valid: ${problems[0]}`;
  }
  return [...session.annotations, ...annotations];
}

function findAnnotation(session: ReviewSession, id: string): number | string {
  const index = session.annotations.findIndex((annotation) => annotation.id === id);
  return index === -1 ? `There is no annotation with id ${id}.` : index;
}

function replaceAnnotation(
  session: ReviewSession,
  index: number,
  annotation: Annotation,
): AnnotationOutcome {
  const annotations = session.annotations.slice();
  annotations[index] = annotation;
  return annotations;
}

/**
 * Changes the fields in `changes` of annotation `id` and sets its `updatedAt`; `null` removes the subtype or the
 * suggestion (the key goes, as on an annotation that never had one). Refused when the result fails `checkAnnotation`.
 */
export function updateAnnotation(
  session: ReviewSession,
  id: string,
  changes: AnnotationChanges,
  updatedAt: string,
): AnnotationOutcome {
  const index = findAnnotation(session, id);
  if (typeof index === 'string') return index;
  const current = session.annotations[index]!;
  const updated: Record<string, unknown> = { ...current };
  for (const [field, value] of Object.entries(changes)) {
    if (value === null) delete updated[field];
    else if (value !== undefined) updated[field] = value;
  }
  // `id` and `createdAt` stay whatever the caller passes at runtime: the schema forbids them, this enforces it.
  Object.assign(updated, { id: current.id, createdAt: current.createdAt, updatedAt });
  // The merged record has the annotation's shape; `checkAnnotation` checks the changed values (category, subtype, ...).
  const annotation = updated as unknown as Annotation;
  const problems = checkAnnotation(annotation, textLengths(session));
  if (problems.length > 0) return `The annotation is not valid: ${problems[0]}`;
  return replaceAnnotation(session, index, annotation);
}

/** Removes annotation `id`. */
export function deleteAnnotation(session: ReviewSession, id: string): AnnotationOutcome {
  const index = findAnnotation(session, id);
  if (typeof index === 'string') return index;
  return [...session.annotations.slice(0, index), ...session.annotations.slice(index + 1)];
}

/** Sets the review status of annotation `id`; the same list when it already has that status. */
export function setAnnotationStatus(
  session: ReviewSession,
  id: string,
  status: AnnotationStatus,
  updatedAt: string,
): AnnotationOutcome {
  const index = findAnnotation(session, id);
  if (typeof index === 'string') return index;
  const current = session.annotations[index]!;
  if (current.status === status) return session.annotations;
  return replaceAnnotation(session, index, { ...current, status, updatedAt });
}

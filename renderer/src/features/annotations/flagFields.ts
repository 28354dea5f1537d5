import { z } from 'zod';
import type { ReviewCommand } from '../../../../core/review/commands';
import {
  AnnotationSchema,
  isSubtypeOf,
  type Annotation as StoredAnnotation,
  type MqmSubtype,
} from '../../../../core/project/annotation';
import type {
  Annotation,
  AnnotationSelector,
  AnnotationStatus,
} from '../../../../core/review/annotation';
import type { Severity } from '../../../../core/review/mqm';
import type { Translate } from '../../useMessages';
import { categoryValue, parseCategoryValue } from './labels';
import type { PendingSelection } from './textSelection';

/** Create a flag on the pending selection, or edit an existing annotation. */
export type FlagDialogMode =
  | { readonly kind: 'create'; readonly selection: PendingSelection }
  | { readonly kind: 'edit'; readonly annotation: Annotation };

/** The fields of the flag form, as the reviewer edits them. */
export type FlagFormValues = {
  /** A category picker value (`categoryValue`: the category id, `#subtype` for a subtype); null until picked. */
  readonly category: string | null;
  readonly severity: Severity;
  readonly comment: string;
  /** The suggested correction; empty for none. */
  readonly suggestion: string;
  readonly status: AnnotationStatus;
  readonly author: string;
};

/** The form's starting values: the annotation's when editing, else a minor open issue by `author`. */
export function initialFlagValues(editing: Annotation | null, author: string): FlagFormValues {
  return editing
    ? {
        category: categoryValue(editing.category, editing.subtype),
        severity: editing.severity,
        comment: editing.comment,
        suggestion: editing.suggestion ?? '',
        status: editing.status,
        author: editing.author,
      }
    : { category: null, severity: 'minor', comment: '', suggestion: '', status: 'open', author };
}

const fields = AnnotationSchema.shape;

/**
 * The form's rules, over core's annotation schema, with messages in the UI language: the category must be one of
 * the typology (with a subtype it allows), the author must be named; the other fields take core's rules as they are.
 */
export function flagFormSchema(t: Translate) {
  return z.object({
    category: z.string({ error: t('categoryRequired') }).refine((value) => {
      const { category, subtype } = parseCategoryValue(value);
      return (
        fields.category.safeParse(category).success &&
        (subtype === undefined ||
          (fields.subtype.safeParse(subtype).success && isSubtypeOf(category, subtype)))
      );
    }, t('categoryRequired')),
    severity: fields.severity,
    comment: fields.comment,
    suggestion: z.string(),
    status: fields.status,
    author: fields.author.trim().min(1, t('authorRequired')),
  });
}

/** What saving the form does: the command to run, and the annotation as it will be once the command is applied. */
export interface FlagCommand {
  readonly command: ReviewCommand;
  readonly annotation: StoredAnnotation;
}

/** Where the form's values go: a new annotation on `selectors`, or an existing one. */
export type FlagTarget =
  | { readonly kind: 'create'; readonly id: string; readonly selectors: AnnotationSelector[] }
  | { readonly kind: 'edit'; readonly annotation: Annotation };

/**
 * The one builder of an annotation from the form, for adding and for editing: `addAnnotation` with a new reviewer's
 * annotation, or `updateAnnotation` with every edited field (null removes a subtype or suggestion the reviewer
 * cleared, so an edit is one change and one undo step). `values` must have passed `flagFormSchema`; `now` is an ISO
 * timestamp. Pure.
 */
export function buildFlagCommand(
  values: FlagFormValues,
  target: FlagTarget,
  now: string,
): FlagCommand {
  const { category, subtype } = parseCategoryValue(values.category ?? '');
  const suggestion = values.suggestion === '' ? undefined : values.suggestion;
  const edited = {
    category,
    ...(subtype ? { subtype: subtype as MqmSubtype } : {}),
    severity: values.severity,
    comment: values.comment.trim(),
    ...(suggestion !== undefined ? { suggestion } : {}),
    status: values.status,
    author: values.author.trim(),
  };
  if (target.kind === 'create') {
    const annotation: StoredAnnotation = {
      id: target.id,
      selectors: target.selectors.map((selector) => ({ ...selector })),
      ...edited,
      createdAt: now,
      updatedAt: now,
      origin: { kind: 'reviewer' },
    };
    return { command: { type: 'addAnnotation', annotation }, annotation };
  }
  const current = target.annotation;
  const { subtype: _oldSubtype, suggestion: _oldSuggestion, ...kept } = current;
  const annotation: StoredAnnotation = {
    ...kept,
    selectors: current.selectors.map((selector) => ({ ...selector })),
    origin: { ...current.origin },
    ...edited,
    updatedAt: now,
  };
  return {
    command: {
      type: 'updateAnnotation',
      id: current.id,
      changes: {
        category: edited.category,
        subtype: edited.subtype ?? null,
        severity: edited.severity,
        comment: edited.comment,
        suggestion: edited.suggestion ?? null,
        status: edited.status,
        author: edited.author,
      },
      updatedAt: now,
    },
    annotation,
  };
}

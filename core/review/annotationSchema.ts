import { z } from 'zod';
import { isMqmCategoryId, isSubtypeOf, MQM_SUBTYPE_IDS, SEVERITIES } from './mqm';
import type { BilingualLabel } from './mqm';

/**
 * The stored form of one review annotation (a project file's `annotations`, and the wire form of review commands):
 * an MQM issue anchored to the English source, the Japanese target, or both.
 *
 * Anchors follow the W3C Web Annotation model: each selector is a TextQuoteSelector (`exact`, `prefix`, `suffix`)
 * and a TextPositionSelector (`start`, `end`) in one, so an annotation can be re-found by its quote if the offsets ever
 * stop matching. Offsets are UTF-16 code units into the side's text as stored in the project (after decoding and line
 * ending normalization), `start` inclusive, `end` exclusive, like every offset in `core/alignment/types.ts`.
 */

/** Unit of `start`/`end` in a selector. Only UTF-16 code units (JavaScript string indices) exist today. */
export const SELECTOR_UNITS = ['utf16'] as const;

/**
 * A span of one side's text, by quote and by position. Invariant: `end - start === exact.length`; `prefix` is the
 * text just before `start` and `suffix` the text just after `end` (each possibly shorter than the context length at
 * the edges of the text).
 */
export const TextSelectorSchema = z
  .object({
    side: z.enum(['source', 'target']),
    /** The selected text exactly, W3C TextQuoteSelector `exact`. */
    exact: z.string(),
    /** Text immediately before the selection, for re-anchoring. */
    prefix: z.string(),
    /** Text immediately after the selection, for re-anchoring. */
    suffix: z.string(),
    /** UTF-16 offset of the first selected code unit, inclusive. */
    start: z.number().int().nonnegative(),
    /** UTF-16 offset one past the last selected code unit, exclusive. */
    end: z.number().int().nonnegative(),
    unit: z.enum(SELECTOR_UNITS),
  })
  .refine((selector) => selector.end >= selector.start, {
    message: 'end must not be before start',
    path: ['end'],
  })
  .refine((selector) => selector.end - selector.start === selector.exact.length, {
    message: 'exact must be as long as end - start (UTF-16 code units)',
    path: ['exact'],
  });

/** One W3C-style text selector on one side. */
export type TextSelector = z.infer<typeof TextSelectorSchema>;

/** Review states of an annotation: still to act on, fixed, or dismissed as not an error. */
export const ANNOTATION_STATUSES = ['open', 'resolved', 'rejected'] as const;

/** One review state. */
export type AnnotationStatus = (typeof ANNOTATION_STATUSES)[number];

/** Display labels of the review states. */
export const ANNOTATION_STATUS_LABELS: Readonly<Record<AnnotationStatus, BilingualLabel>> = {
  open: { en: 'Open', ja: '未対応' },
  resolved: { en: 'Resolved', ja: '対応済み' },
  rejected: { en: 'Rejected', ja: '却下' },
};

/** An ISO 8601 timestamp with a time zone (`Z` or an offset), as `Date.prototype.toISOString` writes it. */
export const TimestampSchema = z.iso.datetime({ offset: true });

/** Who raised an annotation: a person, or an automatic check (by the check's stable id, e.g. `numbers-match`). */
export const AnnotationOriginSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('reviewer') }),
  z.object({ kind: z.literal('check'), checkId: z.string().min(1) }),
]);

/** Who raised an annotation. */
export type AnnotationOrigin = z.infer<typeof AnnotationOriginSchema>;

/**
 * One MQM issue as stored. Invariants: 1 or 2 selectors, at most one per side (an omission marks only the source, an
 * addition only the target, a mistranslation usually both); `subtype` only where `MQM_SUBTYPES` (core/review/mqm.ts) allows it;
 * `updatedAt >= createdAt` is not enforced (clocks move).
 */
export const AnnotationSchema = z
  .object({
    /** Unique within the project; opaque (the review logic mints it). */
    id: z.string().min(1),
    selectors: z
      .array(TextSelectorSchema)
      .min(1)
      .max(2)
      .refine(
        (selectors) =>
          new Set(selectors.map((selector) => selector.side)).size === selectors.length,
        {
          message: 'at most one selector per side',
        },
      ),
    /** An id from `MQM_CATEGORIES` in `./mqm.ts`. */
    category: z.string().refine(isMqmCategoryId, { message: 'not a category of the MQM typology' }),
    subtype: z.enum(MQM_SUBTYPE_IDS).optional(),
    severity: z.enum(SEVERITIES),
    /** The reviewer's explanation; may be empty. */
    comment: z.string(),
    /** Proposed replacement for the target selection, when the reviewer offers one. */
    suggestion: z.string().optional(),
    status: z.enum(ANNOTATION_STATUSES),
    /** Display name of the reviewer, or of the check for automatic issues. */
    author: z.string(),
    createdAt: TimestampSchema,
    updatedAt: TimestampSchema,
    origin: AnnotationOriginSchema,
  })
  .refine(
    (annotation) =>
      annotation.subtype === undefined || isSubtypeOf(annotation.category, annotation.subtype),
    {
      message: 'this subtype does not belong to the category',
      path: ['subtype'],
    },
  );

/** One MQM issue as stored in a project file. */
export type Annotation = z.infer<typeof AnnotationSchema>;

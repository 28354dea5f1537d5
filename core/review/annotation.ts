import type { Side } from '../alignment/types';
import { isMqmCategoryId, isSubtypeOf } from './mqm';
import type { MqmSubtype, Severity } from './mqm';

/**
 * A reviewer's (or a check's) flag on the text, anchored W3C Web Annotation style: each selector combines a
 * TextPositionSelector (`start`, `end`) with a TextQuoteSelector (`exact`, `prefix`, `suffix`), so the anchor survives
 * re-segmentation (offsets point into the immutable original text) and can be found again in a re-imported text
 * (see `anchoring.ts`).
 *
 * These are the domain (readonly) types; the stored form is the zod `AnnotationSchema` of
 * `annotationSchema.ts`, whose parsed output is assignable to them (checked in `annotation.test.ts`), the same
 * way `DocumentAlignmentSchema` relates to `DocumentAlignment`. Keep the two in step.
 */

export type { Severity } from './mqm';

/** Unit of selector offsets. Only UTF-16 code units (JavaScript string indices) are used. */
export type OffsetUnit = 'utf16';

/** Where an annotation points in one side's original text. */
export interface AnnotationSelector {
  /** The side whose original text `start` and `end` index into. */
  readonly side: Side;
  /** The selected text, `text.slice(start, end)` at the time of selection; may be empty for a point (insertion). */
  readonly exact: string;
  /** Up to a few dozen code units of text right before `exact`, for re-anchoring; empty at the start of the text. */
  readonly prefix: string;
  /** Up to a few dozen code units of text right after `exact`, for re-anchoring; empty at the end of the text. */
  readonly suffix: string;
  /** UTF-16 offset of the first selected code unit, inclusive. */
  readonly start: number;
  /** UTF-16 offset one past the last selected code unit, exclusive; `end >= start`. */
  readonly end: number;
  readonly unit: OffsetUnit;
}

/** Review state of an annotation. `rejected` issues do not count in the scorecard; `resolved` ones still do. */
export type AnnotationStatus = 'open' | 'resolved' | 'rejected';

/** Who raised an annotation: a reviewer by hand, or an automatic check (by the check's stable id, e.g. `numbers-match`). */
export type AnnotationOrigin =
  { readonly kind: 'reviewer' } | { readonly kind: 'check'; readonly checkId: string };

/** One MQM issue flagged on the source, the target, or both. */
export interface Annotation {
  /** Unique within a project (e.g. a UUID); commands address annotations by it. */
  readonly id: string;
  /** One or two selectors, at most one per side. */
  readonly selectors: readonly AnnotationSelector[];
  /** MQM category id from `MQM_CATEGORIES` (`accuracy/omission`); commands refuse ids outside the typology. */
  readonly category: string;
  /**
   * A narrower kind within the category (`verb-tense` under `accuracy/mistranslation`); which category allows which is
   * `MQM_SUBTYPES` in `mqm.ts`.
   */
  readonly subtype?: MqmSubtype;
  readonly severity: Severity;
  /** The reviewer's explanation; may be empty. */
  readonly comment: string;
  /** Proposed replacement for the selected text (usually on the target side). */
  readonly suggestion?: string;
  readonly status: AnnotationStatus;
  /** Display name of who made it. */
  readonly author: string;
  /** ISO 8601 timestamp, supplied by the caller (the core never reads the clock). */
  readonly createdAt: string;
  /** ISO 8601 timestamp of the last change, supplied by the caller. */
  readonly updatedAt: string;
  readonly origin: AnnotationOrigin;
}

/** How many code units of context `createSelector` keeps on each side by default. */
export const DEFAULT_SELECTOR_CONTEXT = 32;

/**
 * Builds a selector for `text.slice(start, end)` of one side, with up to `contextLength` UTF-16 code units of prefix
 * and suffix. Offsets are clamped into `[0, text.length]` and ordered; a surrogate pair is never cut at the context
 * edges, so prefix and suffix stay well-formed.
 */
export function createSelector(
  side: Side,
  text: string,
  start: number,
  end: number,
  contextLength: number = DEFAULT_SELECTOR_CONTEXT,
): AnnotationSelector {
  const from = Math.max(0, Math.min(start, end, text.length));
  const to = Math.min(text.length, Math.max(start, end, 0));
  let prefixStart = Math.max(0, from - contextLength);
  if (prefixStart > 0 && isLowSurrogate(text.charCodeAt(prefixStart))) prefixStart -= 1;
  let suffixEnd = Math.min(text.length, to + contextLength);
  if (suffixEnd < text.length && isLowSurrogate(text.charCodeAt(suffixEnd))) suffixEnd += 1;
  return {
    side,
    exact: text.slice(from, to),
    prefix: text.slice(prefixStart, from),
    suffix: text.slice(to, suffixEnd),
    start: from,
    end: to,
    unit: 'utf16',
  };
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** The annotation's selector on `side`, or undefined when it does not point into that side. */
export function selectorOnSide(annotation: Annotation, side: Side): AnnotationSelector | undefined {
  return annotation.selectors.find((selector) => selector.side === side);
}

/**
 * Problems with an annotation that would make it unsaveable or unanchorable, as readable messages (empty when fine):
 * a non-empty id, a category of the MQM typology (and a subtype that belongs to it), one or two selectors with at most one per side, offsets ordered and
 * inside the side's text (`textLength` per side, UTF-16 units), and `exact` as long as `end - start`.
 */
export function checkAnnotation(
  annotation: Annotation,
  textLength: Readonly<Record<Side, number>>,
): string[] {
  const problems: string[] = [];
  if (annotation.id === '') problems.push('annotation has an empty id');
  if (!isMqmCategoryId(annotation.category)) {
    problems.push(`annotation ${annotation.id}: "${annotation.category}" is not an MQM category`);
  }
  if (annotation.subtype !== undefined && !isSubtypeOf(annotation.category, annotation.subtype)) {
    problems.push(
      `annotation ${annotation.id}: subtype ${annotation.subtype} does not belong to ${annotation.category}`,
    );
  }
  if (annotation.selectors.length === 0) {
    problems.push(`annotation ${annotation.id} has no selector`);
  }
  const seen = new Set<Side>();
  for (const selector of annotation.selectors) {
    if (seen.has(selector.side)) {
      problems.push(`annotation ${annotation.id} has two ${selector.side} selectors`);
    }
    seen.add(selector.side);
    const length = textLength[selector.side];
    const valid =
      Number.isInteger(selector.start) &&
      Number.isInteger(selector.end) &&
      selector.start >= 0 &&
      selector.end >= selector.start &&
      selector.end <= length;
    if (!valid) {
      problems.push(
        `annotation ${annotation.id}: ${selector.side} span [${selector.start}, ${selector.end}) ` +
          `is not inside the text (length ${length})`,
      );
    } else if (selector.exact.length !== selector.end - selector.start) {
      problems.push(
        `annotation ${annotation.id}: ${selector.side} quote is not as long as its span`,
      );
    }
  }
  return problems;
}

import { z } from 'zod';
import { TimestampSchema } from './annotationSchema';

/**
 * A reviewer's "not an error" on an automatic check's suggestion, kept with the project so the suggestion stays hidden
 * when the checks run again, after a realignment and after reopening.
 *
 * A dismissal is anchored by text, not by position: the check, its finding code, and on each side the quoted span and
 * the whole sentence it sits in. Sentence and bead indices change with every alignment edit; the texts do not, so the
 * same finding on the same words is recognised again wherever the aligner puts it (see `core/checks/suggestions.ts`).
 */

/** What a dismissed suggestion was about on one side: the quoted span and the sentence around it. */
export const DismissedQuoteSchema = z
  .object({
    /** The span the check pointed at, exactly as in the text; empty when the finding had no span on this side. */
    exact: z.string().max(100_000),
    /**
     * The text of the sentence(s) holding the span, whitespace folded; empty on a side without a span when the other
     * side has one; the row's sentences of this side when the finding has no span at all (a length finding).
     */
    context: z.string().max(100_000),
  })
  .strict();

/** One side of a dismissal (see `DismissedQuoteSchema`). */
export type DismissedQuote = z.infer<typeof DismissedQuoteSchema>;

/** One dismissed suggestion. */
export const DismissalSchema = z
  .object({
    /** Unique within the project; minted by the caller, used by the restore command. */
    id: z.string().min(1).max(200),
    /** The check family (`tense`, `number`, …), as `CHECK_NAMES` in core/checks/types.ts. */
    check: z.string().min(1).max(100),
    /** The finding code (`tense-past-rendered-non-past`, …), as `FindingCode` in core/checks/types.ts. */
    code: z.string().min(1).max(200),
    source: DismissedQuoteSchema,
    target: DismissedQuoteSchema,
    /** The suggestion's message when it was dismissed, for the Dismissed list. */
    message: z.string().max(10_000),
    dismissedAt: TimestampSchema,
  })
  .strict();

/** One dismissed suggestion (see `DismissalSchema`). */
export type Dismissal = z.infer<typeof DismissalSchema>;

/**
 * The text identity of a dismissal, equal for two dismissals (or a dismissal and a finding's would-be dismissal) that
 * are about the same words: check, code, and each side's span and sentence.
 */
export function dismissalKey(
  dismissal: Pick<Dismissal, 'check' | 'code' | 'source' | 'target'>,
): string {
  return JSON.stringify([
    dismissal.check,
    dismissal.code,
    dismissal.source.exact,
    dismissal.source.context,
    dismissal.target.exact,
    dismissal.target.context,
  ]);
}

/** The new dismissal list, or why the command was refused. */
export type DismissalOutcome = readonly Dismissal[] | string;

/**
 * Appends `dismissal`; the same list when an equal one (same `dismissalKey`) is there already, refused when its id is
 * taken by a different one.
 */
export function addDismissal(
  dismissals: readonly Dismissal[],
  dismissal: Dismissal,
): DismissalOutcome {
  if (dismissals.some((existing) => existing.id === dismissal.id)) {
    return `A dismissal with id ${dismissal.id} already exists.`;
  }
  const key = dismissalKey(dismissal);
  if (dismissals.some((existing) => dismissalKey(existing) === key)) return dismissals;
  return [...dismissals, dismissal];
}

/** Removes dismissal `id` (the suggestion shows again); refused when there is none. */
export function removeDismissal(dismissals: readonly Dismissal[], id: string): DismissalOutcome {
  const index = dismissals.findIndex((dismissal) => dismissal.id === id);
  if (index === -1) return `There is no dismissed suggestion with id ${id}.`;
  return [...dismissals.slice(0, index), ...dismissals.slice(index + 1)];
}

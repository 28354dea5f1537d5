import type { TextSpan } from '../alignment/types';
import type { ItsIssueType, Severity } from '../review/mqm';

/**
 * What the automatic discrepancy checks report. A finding is a suggestion for a reviewer, never a verdict: it names
 * the check, an MQM category and ITS type, a severity, the spans compared and the evidence.
 */

/** The check families. */
export const CHECK_NAMES = [
  'number',
  'date',
  'tense',
  'omission',
  'addition',
  'entity',
  'term',
  'consistency',
  'style',
] as const;

/** One check family. `date` is reported by the number check for years, months, days and weekdays. */
export type CheckName = (typeof CHECK_NAMES)[number];

/** Identifies a finding's message template in `messages.ts`; the UI can translate by code and params. */
export type FindingCode =
  | 'number-missing-in-translation'
  | 'number-missing-in-source'
  | 'date-missing-in-translation'
  | 'date-missing-in-source'
  | 'weekday-mismatch'
  | 'tense-past-rendered-non-past'
  | 'tense-non-past-rendered-past'
  | 'tense-ill-formed-ending'
  | 'omission-short-translation'
  | 'omission-incomplete-sentence'
  | 'omission-source-span-uncovered'
  | 'addition-long-translation'
  | 'entity-missing-in-translation'
  | 'entity-unmatched-in-translation'
  | 'term-missing-in-translation'
  | 'term-forbidden-in-translation'
  | 'term-missing-in-source'
  | 'consistency-source-variants'
  | 'consistency-target-variants'
  | 'style-convention';

/** Values filled into a message template. */
export type FindingParams = Readonly<Record<string, string | number>>;

/** One discrepancy found in a sentence pair. */
export interface Finding {
  readonly check: CheckName;
  readonly code: FindingCode;
  readonly params: FindingParams;
  /** MQM category id from core/review/mqm.ts, e.g. `accuracy/mistranslation`. */
  readonly category: string;
  /** ITS 2.0 localization quality issue type. */
  readonly itsType: ItsIssueType;
  readonly severity: Severity;
  /** English message rendered from `code` and `params` (see `renderFindingMessage`). */
  readonly message: string;
  /** The English span concerned, in UTF-16 code units of the pair's English string. */
  readonly en?: TextSpan;
  /** The Japanese span concerned, in UTF-16 code units of the pair's Japanese string. */
  readonly ja?: TextSpan;
  /** What was compared with what, e.g. `150万 = 1500000 ≠ 1.5 billion = 1500000000`. */
  readonly evidence: string;
}

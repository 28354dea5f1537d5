import type { Severity } from '../review/mqm';
import { MQM_CATEGORIES, mqmCategory } from '../review/mqm';

/**
 * Mapping between MQM (our categories and severities, core/review/mqm.ts) and ITS 2.0 Localization Quality Issue
 * (`locQualityIssueType`, `locQualityIssueSeverity`), for XLIFF export and import.
 */

/**
 * ITS `locQualityIssueSeverity` (a decimal in [0, 100]) of each MQM severity. Neutral issues cost nothing, so they are
 * 0; critical is 100; minor and major sit where `severityOfItsScore` reads them back.
 */
export const ITS_SEVERITY_SCORES: Readonly<Record<Severity, number>> = {
  neutral: 0,
  minor: 25,
  major: 60,
  critical: 100,
};

/**
 * The MQM severity of an ITS severity score in [0, 100]: 0 neutral, below 50 minor, below 90 major, else critical.
 * A missing or unreadable score is minor (the mildest severity that still counts).
 */
export function severityOfItsScore(score: string | undefined): Severity {
  const value = score === undefined ? Number.NaN : Number(score);
  if (!Number.isFinite(value)) return 'minor';
  if (value <= 0) return 'neutral';
  if (value < 50) return 'minor';
  if (value < 90) return 'major';
  return 'critical';
}

/** The 27 values ITS 2.0 allows for `locQualityIssueType` (its.xsd); ours (`ItsIssueType`) are a subset. */
const ITS_TYPES = new Set([
  'terminology',
  'mistranslation',
  'omission',
  'untranslated',
  'addition',
  'duplication',
  'inconsistency',
  'grammar',
  'legal',
  'register',
  'locale-specific-content',
  'locale-violation',
  'style',
  'characters',
  'misspelling',
  'typographical',
  'formatting',
  'inconsistent-entities',
  'numbers',
  'markup',
  'pattern-problem',
  'whitespace',
  'internationalization',
  'length',
  'non-conformance',
  'uncategorized',
  'other',
]);

/** ITS types outside our typology's mapping, read as the nearest MQM category. */
const EXTRA_ITS_CATEGORIES: Readonly<Record<string, string>> = {
  duplication: 'accuracy/addition',
  numbers: 'locale-conventions/number-format',
  whitespace: 'linguistic-conventions/punctuation',
  'inconsistent-entities': 'terminology/inconsistent-use',
  length: 'design-and-markup/layout',
};

/**
 * The MQM category id an ITS `locQualityIssueType` is read as: the issue type named like it under any dimension
 * (`omission` → `accuracy/omission`), else the first category (dimension or issue, in typology order) that maps to it
 * (`terminology` → `terminology`), else a fixed nearest category, else `other`.
 */
export function mqmCategoryOfItsType(itsType: string | undefined): string {
  if (itsType === undefined || !ITS_TYPES.has(itsType)) return 'other';
  const named = MQM_CATEGORIES.find(
    (category) => category.itsType === itsType && category.id.endsWith(`/${itsType}`),
  );
  if (named) return named.id;
  const first = MQM_CATEGORIES.find((category) => category.itsType === itsType);
  if (first) return first.id;
  const extra = EXTRA_ITS_CATEGORIES[itsType];
  return extra !== undefined && mqmCategory(extra) ? extra : 'other';
}

/** True when `value` is one of ITS 2.0's 27 `locQualityIssueType` values. */
export function isItsLocQualityIssueType(value: string): boolean {
  return ITS_TYPES.has(value);
}

import type { ItsIssueType, Severity } from '../review/mqm';
import type { CheckName, Finding, FindingCode, FindingParams } from './types';
import type { TextSpan } from '../alignment/types';

/**
 * The one place finding messages, categories and severities live. A finding carries its `code` and `params`, so a UI
 * can render it in another language from the same two fields.
 */

interface FindingTemplate {
  readonly check: CheckName;
  readonly category: string;
  readonly itsType: ItsIssueType;
  readonly severity: Severity;
  readonly message: (params: FindingParams) => string;
}

const mistranslation = { category: 'accuracy/mistranslation', itsType: 'mistranslation' } as const;
const omission = { category: 'accuracy/omission', itsType: 'omission' } as const;
const addition = { category: 'accuracy/addition', itsType: 'addition' } as const;
const termbase = {
  category: 'terminology/inconsistent-with-termbase',
  itsType: 'terminology',
} as const;
const inconsistentTerms = {
  category: 'terminology/inconsistent-use',
  itsType: 'inconsistency',
} as const;

/** Message template, MQM category, ITS type and default severity of every finding code. */
export const FINDING_TEMPLATES: Readonly<Record<FindingCode, FindingTemplate>> = {
  'number-missing-in-translation': {
    check: 'number',
    ...mistranslation,
    itsType: 'numbers',
    severity: 'major',
    message: (p) =>
      `The number ${p.source} in the source has no matching value in the translation.`,
  },
  'number-missing-in-source': {
    check: 'number',
    ...mistranslation,
    itsType: 'numbers',
    severity: 'major',
    message: (p) =>
      `The number ${p.target} in the translation has no matching value in the source.`,
  },
  'date-missing-in-translation': {
    check: 'date',
    ...mistranslation,
    severity: 'major',
    message: (p) => `The date part ${p.source} in the source has no match in the translation.`,
  },
  'date-missing-in-source': {
    check: 'date',
    ...mistranslation,
    severity: 'major',
    message: (p) => `The date part ${p.target} in the translation has no match in the source.`,
  },
  'weekday-mismatch': {
    check: 'date',
    ...mistranslation,
    severity: 'major',
    message: (p) => `The source says ${p.source} but the translation says ${p.target}.`,
  },
  'tense-past-rendered-non-past': {
    check: 'tense',
    ...mistranslation,
    severity: 'neutral',
    message: (p) =>
      `The source's main verb "${p.source}" is past or present perfect, but the translation's main predicate "${p.target}" is non-past.`,
  },
  'tense-non-past-rendered-past': {
    check: 'tense',
    ...mistranslation,
    severity: 'neutral',
    message: (p) =>
      `The source's main verb "${p.source}" is present or future, but the translation's main predicate "${p.target}" is past.`,
  },
  'tense-ill-formed-ending': {
    check: 'tense',
    ...mistranslation,
    severity: 'neutral',
    message: (p) =>
      `The source's main verb "${p.source}" is past, but the translation's main predicate "${p.target}" is not a Japanese verb form (it reads as a non-past).`,
  },
  'omission-short-translation': {
    check: 'omission',
    ...omission,
    severity: 'major',
    message: (p) =>
      `The translation is much shorter than expected (${p.ratio} Japanese characters per English character, expected about ${p.expected}): part of the source may be missing.`,
  },
  'omission-incomplete-sentence': {
    check: 'omission',
    ...omission,
    severity: 'major',
    message: (p) =>
      `The translation stops on "${p.target}", a form that continues a sentence: the rest of the source sentence may be missing.`,
  },
  'omission-source-span-uncovered': {
    check: 'omission',
    ...omission,
    severity: 'major',
    message: (p) => `Nothing in the translation seems to correspond to "${p.source}".`,
  },
  'addition-long-translation': {
    check: 'addition',
    ...addition,
    severity: 'minor',
    message: (p) =>
      `The translation is much longer than expected (${p.ratio} Japanese characters per English character, expected about ${p.expected}): it may add content.`,
  },
  'entity-missing-in-translation': {
    check: 'entity',
    ...mistranslation,
    itsType: 'inconsistent-entities',
    severity: 'major',
    message: (p) => `The name "${p.source}" has no counterpart in the translation.`,
  },
  'entity-unmatched-in-translation': {
    check: 'entity',
    ...mistranslation,
    itsType: 'inconsistent-entities',
    severity: 'major',
    message: (p) =>
      `The name "${p.target}" (${p.reading}) in the translation matches no name in the source.`,
  },
  'term-missing-in-translation': {
    check: 'term',
    ...termbase,
    severity: 'minor',
    message: (p) =>
      `The glossary term "${p.source}" should be rendered ${p.expected}; the translation uses none of these.`,
  },
  'term-forbidden-in-translation': {
    check: 'term',
    ...termbase,
    severity: 'major',
    message: (p) =>
      `The translation uses "${p.target}", which the glossary forbids for "${p.source}" (use ${p.expected}).`,
  },
  'term-missing-in-source': {
    check: 'term',
    ...termbase,
    severity: 'minor',
    message: (p) =>
      `The glossary term "${p.target}" in the translation stands for ${p.expected}, which the source does not have.`,
  },
  'consistency-source-variants': {
    check: 'consistency',
    ...inconsistentTerms,
    severity: 'neutral',
    message: (p) => `The source writes "${p.source}" here and "${p.main}" elsewhere.`,
  },
  'consistency-target-variants': {
    check: 'consistency',
    ...inconsistentTerms,
    severity: 'minor',
    message: (p) => `The translation writes "${p.target}" here and "${p.main}" elsewhere.`,
  },
  'style-convention': {
    check: 'style',
    category: 'linguistic-conventions/punctuation',
    itsType: 'typographical',
    severity: 'minor',
    message: (p) => `${p.rule}: ${p.advice}`,
  },
};

/** Renders the English message of a finding code. */
export function renderFindingMessage(code: FindingCode, params: FindingParams): string {
  return FINDING_TEMPLATES[code].message(params);
}

/** Builds a finding from its code, params, spans and evidence, filling category, ITS type, severity and message. */
export function makeFinding(
  code: FindingCode,
  params: FindingParams,
  evidence: string,
  spans: { readonly en?: TextSpan; readonly ja?: TextSpan } = {},
): Finding {
  const template = FINDING_TEMPLATES[code];
  return {
    check: template.check,
    code,
    params,
    category: template.category,
    itsType: template.itsType,
    severity: template.severity,
    message: template.message(params),
    ...(spans.en ? { en: spans.en } : {}),
    ...(spans.ja ? { ja: spans.ja } : {}),
    evidence,
  };
}

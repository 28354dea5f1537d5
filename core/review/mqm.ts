/**
 * The canonical MQM (Multidimensional Quality Metrics) issue typology and severity scale of the review workspace.
 *
 * This is the ONE place the category list lives: the project file schema, the scorecard, the filters, the reports and
 * the UI pickers all read it from here. Categories follow the MQM 2.0 core typology (themqm.org), trimmed to the
 * issue types a legal or technical EN→JA review meets; ids are `dimension` or `dimension/issue`, the form the command
 * line takes (`--category accuracy/mistranslation`).
 */

/** MQM severity levels, from least to most serious. */
export const SEVERITIES = ['neutral', 'minor', 'major', 'critical'] as const;

/** One MQM severity level. */
export type Severity = (typeof SEVERITIES)[number];

/**
 * Penalty points per issue of each severity (MQM 2.0 default weights). Neutral issues are recorded (e.g. a
 * preferential change) but cost nothing.
 */
export const SEVERITY_WEIGHTS: Readonly<Record<Severity, number>> = {
  neutral: 0,
  minor: 1,
  major: 5,
  critical: 25,
};

/** English and Japanese display labels. */
export interface BilingualLabel {
  readonly en: string;
  readonly ja: string;
}

/** Display labels of the severity levels. */
export const SEVERITY_LABELS: Readonly<Record<Severity, BilingualLabel>> = {
  neutral: { en: 'Neutral', ja: '中立' },
  minor: { en: 'Minor', ja: '軽微' },
  major: { en: 'Major', ja: '重大' },
  critical: { en: 'Critical', ja: '致命的' },
};

/**
 * ITS 2.0 `locQualityIssueType` values, so an MQM category can be written into XLIFF (ITS Localization Quality Issue)
 * and read back.
 */
export type ItsIssueType =
  | 'terminology'
  | 'mistranslation'
  | 'omission'
  | 'untranslated'
  | 'addition'
  | 'inconsistency'
  | 'inconsistent-entities'
  | 'numbers'
  | 'grammar'
  | 'register'
  | 'locale-specific-content'
  | 'locale-violation'
  | 'style'
  | 'characters'
  | 'misspelling'
  | 'typographical'
  | 'formatting'
  | 'markup'
  | 'other';

/** One entry of the MQM typology: a top-level dimension or an issue type under it. */
export interface MqmCategory {
  /** Stable id stored in annotations: `dimension` or `dimension/issue`, lower-case kebab words. */
  readonly id: string;
  /** Id of the dimension this issue type belongs to; absent for a dimension itself. */
  readonly parent?: string;
  readonly label: BilingualLabel;
  /** The closest ITS 2.0 issue type, for XLIFF export and import. */
  readonly itsType: ItsIssueType;
}

function dimension(id: string, en: string, ja: string, itsType: ItsIssueType): MqmCategory {
  return { id, label: { en, ja }, itsType };
}

function issue(
  parent: string,
  name: string,
  en: string,
  ja: string,
  itsType: ItsIssueType,
): MqmCategory {
  return { id: `${parent}/${name}`, parent, label: { en, ja }, itsType };
}

/**
 * The MQM categories in display order: each dimension followed by its issue types. A reviewer may pick a dimension
 * itself when no narrower type fits.
 */
export const MQM_CATEGORIES: readonly MqmCategory[] = [
  dimension('terminology', 'Terminology', '用語', 'terminology'),
  issue(
    'terminology',
    'inconsistent-with-termbase',
    'Inconsistent with termbase',
    '用語集との不一致',
    'terminology',
  ),
  issue(
    'terminology',
    'inconsistent-use',
    'Inconsistent use of terminology',
    '用語の不統一',
    'inconsistency',
  ),
  issue('terminology', 'wrong-term', 'Wrong term', '不適切な用語', 'terminology'),
  dimension('accuracy', 'Accuracy', '正確性', 'mistranslation'),
  issue('accuracy', 'mistranslation', 'Mistranslation', '誤訳', 'mistranslation'),
  issue('accuracy', 'overtranslation', 'Overtranslation', '過剰訳', 'mistranslation'),
  issue('accuracy', 'undertranslation', 'Undertranslation', '過少訳', 'mistranslation'),
  issue('accuracy', 'addition', 'Addition', '付加', 'addition'),
  issue('accuracy', 'omission', 'Omission', '訳抜け', 'omission'),
  issue('accuracy', 'do-not-translate', 'Do not translate', '翻訳不要箇所の翻訳', 'mistranslation'),
  issue('accuracy', 'untranslated', 'Untranslated', '未翻訳', 'untranslated'),
  dimension('linguistic-conventions', 'Linguistic conventions', '言語規則', 'grammar'),
  issue('linguistic-conventions', 'grammar', 'Grammar', '文法', 'grammar'),
  issue('linguistic-conventions', 'punctuation', 'Punctuation', '句読点', 'typographical'),
  issue('linguistic-conventions', 'spelling', 'Spelling', '表記の誤り', 'misspelling'),
  issue('linguistic-conventions', 'unintelligible', 'Unintelligible', '理解不能', 'other'),
  issue(
    'linguistic-conventions',
    'character-encoding',
    'Character encoding',
    '文字化け',
    'characters',
  ),
  dimension('style', 'Style', '文体', 'style'),
  issue('style', 'register', 'Language register', '語調（レジスター）', 'register'),
  issue('style', 'awkward', 'Awkward style', 'ぎこちない表現', 'style'),
  issue('style', 'unidiomatic', 'Unidiomatic style', '不自然な表現', 'style'),
  issue('style', 'inconsistent', 'Inconsistent style', '文体の不統一', 'inconsistency'),
  dimension('locale-conventions', 'Locale conventions', 'ロケール規則', 'locale-violation'),
  issue('locale-conventions', 'number-format', 'Number format', '数値の書式', 'locale-violation'),
  issue(
    'locale-conventions',
    'date-time-format',
    'Date and time format',
    '日付・時刻の書式',
    'locale-violation',
  ),
  issue(
    'locale-conventions',
    'currency-format',
    'Currency format',
    '通貨の書式',
    'locale-violation',
  ),
  issue(
    'locale-conventions',
    'measurement-format',
    'Measurement format',
    '単位の書式',
    'locale-violation',
  ),
  dimension('audience-appropriateness', 'Audience appropriateness', '対象読者への適合性', 'other'),
  issue(
    'audience-appropriateness',
    'culture-specific-reference',
    'Culture-specific reference',
    '文化固有の表現',
    'locale-specific-content',
  ),
  dimension('design-and-markup', 'Design and markup', 'デザイン・マークアップ', 'formatting'),
  issue('design-and-markup', 'markup', 'Markup', 'マークアップ・タグ', 'markup'),
  issue('design-and-markup', 'layout', 'Layout', 'レイアウト', 'formatting'),
  issue('design-and-markup', 'missing-text', 'Missing text', 'テキストの欠落', 'omission'),
  dimension('other', 'Other', 'その他', 'other'),
];

const CATEGORY_BY_ID: ReadonlyMap<string, MqmCategory> = new Map(
  MQM_CATEGORIES.map((category) => [category.id, category]),
);

/** The category with this id, or undefined for an id outside the typology (e.g. from a newer project file). */
export function mqmCategory(id: string): MqmCategory | undefined {
  return CATEGORY_BY_ID.get(id);
}

/** True when `id` names a category of the typology. */
export function isMqmCategoryId(id: string): boolean {
  return CATEGORY_BY_ID.has(id);
}

/**
 * The top-level dimension id of a category id: `accuracy` for `accuracy/omission` and for `accuracy`. Works for ids
 * outside the typology too, by their `dimension/issue` form.
 */
export function mqmDimension(id: string): string {
  const slash = id.indexOf('/');
  return slash === -1 ? id : id.slice(0, slash);
}

/**
 * True when category `id` is `ancestorId` or lies under it (`accuracy/omission` is under `accuracy`), so filtering by a
 * dimension also finds its issue types.
 */
export function isMqmCategoryWithin(id: string, ancestorId: string): boolean {
  return id === ancestorId || id.startsWith(`${ancestorId}/`);
}

/** The label of a category id in a language; an unknown id is shown as itself. */
export function mqmCategoryLabel(id: string, language: keyof BilingualLabel = 'en'): string {
  return CATEGORY_BY_ID.get(id)?.label[language] ?? id;
}

/**
 * Narrower kinds under one MQM category, keyed by category id. MQM has no tense issue type of its own; a wrong tense
 * is an `accuracy/mistranslation`, and reviewers asked to count it separately (English past tense rendered as a
 * Japanese non-past is the commonest slip in this kind of document).
 */
export const MQM_SUBTYPES = {
  'accuracy/mistranslation': [
    { id: 'verb-tense', label: { en: 'Verb tense', ja: '時制' } satisfies BilingualLabel },
  ],
} as const satisfies Record<string, readonly { id: string; label: BilingualLabel }[]>;

/** Every subtype id, in the order MQM_SUBTYPES lists them. */
export const MQM_SUBTYPE_IDS = ['verb-tense'] as const;

/** The subtype ids any category allows; which category allows which is `MQM_SUBTYPES`. */
export type MqmSubtype = (typeof MQM_SUBTYPE_IDS)[number];

/** True when `subtype` is one of the subtypes `MQM_SUBTYPES` lists for `categoryId`. */
export function isSubtypeOf(categoryId: string, subtype: string): boolean {
  const subtypes: readonly { id: string }[] | undefined = (
    MQM_SUBTYPES as Record<string, readonly { id: string }[]>
  )[categoryId];
  return subtypes?.some((entry) => entry.id === subtype) ?? false;
}

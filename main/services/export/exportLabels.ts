import { ANNOTATION_STATUS_LABELS, MQM_SUBTYPES } from '../../../core/project/annotation';
import type { ReportIssue, ReportModel, ReportRow } from '../../../core/report/reportModel';
import type { BilingualLabel } from '../../../core/review/mqm';
import { mqmCategory, mqmCategoryLabel, SEVERITY_LABELS } from '../../../core/review/mqm';

/**
 * Labels the DOCX and XLSX exports write, in the language the reviewer chose. Category, severity and status labels
 * come from core (the same ones the UI shows); only the exports' own headings are here.
 */

/** The language of an export's headings and labels (the texts themselves are never translated). */
export type ExportLanguage = keyof BilingualLabel;

/** Headings and fixed words of the exports. */
export const EXPORT_LABELS = {
  reviewTable: { en: 'Bilingual review table', ja: '対訳レビュー表' },
  segmentId: { en: 'ID', ja: 'ID' },
  clause: { en: 'Clause', ja: '条項' },
  source: { en: 'Source (English)', ja: '原文（英語）' },
  target: { en: 'Target (Japanese)', ja: '訳文（日本語）' },
  revisedTarget: { en: 'Revised target', ja: '修正訳' },
  comments: { en: 'Issues and comments', ja: '指摘・コメント' },
  suggestion: { en: 'Suggestion', ja: '修正案' },
  issuesWithoutRow: {
    en: 'Issues whose text is no longer in the document',
    ja: '該当箇所が文書内に見つからない指摘',
  },
  scorecard: { en: 'Scorecard', ja: 'スコアカード' },
  issues: { en: 'Issues', ja: '指摘' },
  segments: { en: 'Segments', ja: 'セグメント' },
  pass: { en: 'Pass', ja: '合格' },
  fail: { en: 'Fail', ja: '不合格' },
  words: { en: 'Source words', ja: '原文の語数' },
  penaltyPoints: { en: 'Penalty points', ja: 'ペナルティ点' },
  perThousand: { en: 'Penalty per 1,000 words', ja: '1,000語あたりのペナルティ' },
  passMark: { en: 'Pass mark (per 1,000 words)', ja: '合格基準（1,000語あたり）' },
  verdict: { en: 'Verdict', ja: '判定' },
  project: { en: 'Project', ja: 'プロジェクト' },
  generated: { en: 'Generated', ja: '作成日時' },
  severity: { en: 'Severity', ja: '重大度' },
  dimension: { en: 'Dimension', ja: '分類' },
  count: { en: 'Issues', ja: '件数' },
  category: { en: 'Category', ja: 'カテゴリー' },
  itsType: { en: 'ITS type', ja: 'ITS タイプ' },
  status: { en: 'Status', ja: '状態' },
  author: { en: 'Author', ja: '作成者' },
  created: { en: 'Created', ja: '作成' },
  updated: { en: 'Updated', ja: '更新' },
  sourceQuote: { en: 'Source span', ja: '原文の該当箇所' },
  targetQuote: { en: 'Target span', ja: '訳文の該当箇所' },
  comment: { en: 'Comment', ja: 'コメント' },
  number: { en: 'No.', ja: '番号' },
  confidence: { en: 'Confidence', ja: '信頼度' },
  confirmed: { en: 'Confirmed', ja: '確認済み' },
  yes: { en: 'yes', ja: 'はい' },
  no: { en: 'no', ja: 'いいえ' },
  issueCount: { en: 'issues', ja: '件の指摘' },
  rows: { en: 'rows', ja: '行' },
} as const satisfies Record<string, BilingualLabel>;

/** `Accuracy › Mistranslation (Verb tense)` in the export language, as the UI writes it. */
export function issueCategoryPath(issue: ReportIssue, language: ExportLanguage): string {
  if (language === 'en' && issue.subtype === undefined) return issue.categoryPath;
  const category = mqmCategory(issue.category);
  const parts = category?.parent
    ? [mqmCategoryLabel(category.parent, language), category.label[language]]
    : [mqmCategoryLabel(issue.category, language)];
  const subtypes = (
    MQM_SUBTYPES as Record<string, readonly { id: string; label: BilingualLabel }[] | undefined>
  )[issue.category];
  const subtype = subtypes?.find((entry) => entry.id === issue.subtype);
  const tail = subtype
    ? language === 'ja'
      ? `（${subtype.label.ja}）`
      : ` (${subtype.label.en})`
    : '';
  return parts.join(' › ') + tail;
}

/** The severity label of an issue (`Major`, `重大`). */
export function severityLabel(issue: ReportIssue, language: ExportLanguage): string {
  return SEVERITY_LABELS[issue.severity][language];
}

/** The status label of an issue (`Open`, `未対応`). */
export function statusLabel(issue: ReportIssue, language: ExportLanguage): string {
  return ANNOTATION_STATUS_LABELS[issue.status][language];
}

/** The clause column of a row: the clause's own label (`1.`, `第3条`), else its number. */
export function clauseLabel(model: ReportModel, row: ReportRow): string {
  return model.clauses[row.clauseNumber - 1]?.label ?? String(row.clauseNumber);
}

/** A penalty per 1,000 words with at most two decimals, or a dash when the source has no words. */
export function formatPenalty(value: number | null): string {
  return value === null ? '—' : String(Math.round(value * 100) / 100);
}

/**
 * One line summing up the scorecard: `MQM: 10 penalty points, 33.33 per 1,000 words (pass mark 10): Fail · 2 issues ·
 * 3 rows · 30 source words`.
 */
export function scorecardLine(model: ReportModel, language: ExportLanguage): string {
  const card = model.scorecard;
  const verdict = (card.passed ? EXPORT_LABELS.pass : EXPORT_LABELS.fail)[language];
  const perThousand = formatPenalty(card.penaltyPerThousandWords);
  if (language === 'ja') {
    return (
      `MQM: ペナルティ ${card.penaltyPoints} 点、1,000語あたり ${perThousand}（合格基準 ${card.threshold}）: ` +
      `${verdict} · 指摘 ${card.countedAnnotations} 件 · ${model.totalRows} 行 · 原文 ${card.sourceWordCount} 語`
    );
  }
  return (
    `MQM: ${card.penaltyPoints} penalty points, ${perThousand} per 1,000 words (pass mark ${card.threshold}): ` +
    `${verdict} · ${card.countedAnnotations} issues · ${model.totalRows} rows · ${card.sourceWordCount} source words`
  );
}

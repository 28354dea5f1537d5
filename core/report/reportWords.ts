/**
 * The words of the printable reports (headings, labels, verdicts) in English and Japanese: one catalogue, the same keys
 * in both languages (a key missing from one is a compile error). Category, severity and status names come from
 * their own tables (core/review/mqm.ts, core/project/annotation.ts). `{name}` marks a value filled in by `fillWords`.
 */

/** The languages a report can be written in. */
export type ReportLanguage = 'en' | 'ja';

const ENGLISH = {
  title: 'Translation review report',
  project: 'Project',
  generated: 'Generated',
  languages: 'Languages',
  tool: 'Tool',
  scorecard: 'MQM scorecard',
  verdict: 'Verdict',
  pass: 'Pass',
  fail: 'Fail',
  penaltyPerThousandWords: 'Penalty points per 1,000 source words',
  notScored: 'not scored (no source words)',
  passMark: 'Pass mark (at most)',
  penaltyPoints: 'Penalty points',
  sourceWords: 'Source words',
  countedIssues: 'Issues counted',
  rejectedIssues: 'Rejected issues (not counted)',
  bySeverity: 'Issues by severity',
  byDimension: 'Issues by dimension',
  severity: 'Severity',
  dimension: 'Dimension',
  count: 'Issues',
  penalty: 'Penalty',
  total: 'Total',
  textAndIssues: 'Texts and issues',
  rowsShown: '{shown} of {total} rows shown (rows with issues only).',
  allRowsShown: 'All {total} rows shown.',
  clause: 'Clause {number}',
  row: 'Row',
  sourceColumn: 'Source ({lang})',
  targetColumn: 'Translation ({lang})',
  confirmed: 'confirmed',
  confidence: 'confidence {percent}%',
  emptySide: '(no text)',
  issue: 'Issue {number}',
  category: 'Category',
  status: 'Status',
  author: 'Author',
  automaticCheck: 'automatic check {check}',
  created: 'Created',
  updated: 'Updated',
  quote: 'Quote',
  comment: 'Comment',
  suggestion: 'Suggestion',
  noIssues: 'No issues were flagged.',
  unanchoredIssues: 'Issues no longer anchored to the text',
  noRows: 'No rows to show.',
} as const;

/** The keys of the catalogue. */
export type ReportWordKey = keyof typeof ENGLISH;

/** The catalogue: for each language, every key. */
export const REPORT_WORDS: Readonly<
  Record<ReportLanguage, Readonly<Record<ReportWordKey, string>>>
> = {
  en: ENGLISH,
  ja: {
    title: '翻訳レビュー報告書',
    project: 'プロジェクト',
    generated: '作成日時',
    languages: '言語',
    tool: 'ツール',
    scorecard: 'MQM スコアカード',
    verdict: '判定',
    pass: '合格',
    fail: '不合格',
    penaltyPerThousandWords: '原文1,000語あたりのペナルティ点',
    notScored: '算出不可（原文の語数が0）',
    passMark: '合格基準（以下）',
    penaltyPoints: 'ペナルティ点',
    sourceWords: '原文の語数',
    countedIssues: '集計対象の指摘',
    rejectedIssues: '却下された指摘（集計対象外）',
    bySeverity: '重大度別の指摘',
    byDimension: '分野別の指摘',
    severity: '重大度',
    dimension: '分野',
    count: '件数',
    penalty: 'ペナルティ',
    total: '合計',
    textAndIssues: '本文と指摘',
    rowsShown: '全{total}行のうち{shown}行を表示（指摘のある行のみ）。',
    allRowsShown: '全{total}行を表示。',
    clause: '第{number}節',
    row: '行',
    sourceColumn: '原文（{lang}）',
    targetColumn: '訳文（{lang}）',
    confirmed: '確認済み',
    confidence: '信頼度 {percent}%',
    emptySide: '（テキストなし）',
    issue: '指摘 {number}',
    category: 'カテゴリー',
    status: '状態',
    author: '作成者',
    automaticCheck: '自動チェック {check}',
    created: '作成',
    updated: '更新',
    quote: '引用',
    comment: 'コメント',
    suggestion: '修正案',
    noIssues: '指摘はありません。',
    unanchoredIssues: '本文との対応が失われた指摘',
    noRows: '表示する行がありません。',
  },
};

/** The word for `key` in `language`, with each `{name}` replaced by `values[name]` (as given: escape afterwards). */
export function fillWords(
  language: ReportLanguage,
  key: ReportWordKey,
  values: Readonly<Record<string, string | number>> = {},
): string {
  return REPORT_WORDS[language][key].replace(/\{(\w+)\}/g, (placeholder, name: string) =>
    values[name] === undefined ? placeholder : String(values[name]),
  );
}

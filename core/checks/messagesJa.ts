import type { Finding, FindingCode, FindingParams } from './types';

/**
 * Finding messages in Japanese, from the same `code` and `params` as the English ones of `messages.ts`. A code without
 * a Japanese template here (a check newer than this table) is shown with its English message.
 */
export const JAPANESE_FINDING_MESSAGES: Readonly<
  Partial<Record<FindingCode, (params: FindingParams) => string>>
> = {
  'number-missing-in-translation': (p) => `原文の数値 ${p.source} に一致する値が訳文にありません。`,
  'number-missing-in-source': (p) => `訳文の数値 ${p.target} に一致する値が原文にありません。`,
  'date-missing-in-translation': (p) => `原文の日付 ${p.source} に一致するものが訳文にありません。`,
  'date-missing-in-source': (p) => `訳文の日付 ${p.target} に一致するものが原文にありません。`,
  'weekday-mismatch': (p) => `原文は ${p.source}、訳文は ${p.target} です。`,
  'tense-past-rendered-non-past': (p) =>
    `原文の主動詞「${p.source}」は過去または現在完了ですが、訳文の述語「${p.target}」は非過去です。`,
  'tense-non-past-rendered-past': (p) =>
    `原文の主動詞「${p.source}」は現在または未来ですが、訳文の述語「${p.target}」は過去です。`,
  'tense-ill-formed-ending': (p) =>
    `原文の主動詞「${p.source}」は過去ですが、訳文の述語「${p.target}」は正しい活用形ではありません（非過去に読めます）。`,
  'omission-short-translation': (p) =>
    `訳文が想定よりかなり短く（英語 1 文字あたり日本語 ${p.ratio} 文字、想定は約 ${p.expected}）、原文の一部が抜けている可能性があります。`,
  'omission-incomplete-sentence': (p) =>
    `訳文が文の途中の形「${p.target}」で終わっています。原文の残りが抜けている可能性があります。`,
  'omission-source-span-uncovered': (p) =>
    `原文の「${p.source}」に対応する部分が訳文に見当たりません。`,
  'addition-long-translation': (p) =>
    `訳文が想定よりかなり長く（英語 1 文字あたり日本語 ${p.ratio} 文字、想定は約 ${p.expected}）、内容が付け加えられている可能性があります。`,
  'entity-missing-in-translation': (p) =>
    `原文の名前「${p.source}」に対応するものが訳文にありません。`,
  'entity-unmatched-in-translation': (p) =>
    `訳文の名前「${p.target}」（${p.reading}）は原文のどの名前とも一致しません。`,
  'term-missing-in-translation': (p) =>
    `用語集の「${p.source}」の訳語（${p.expected}）が訳文にありません。`,
  'term-forbidden-in-translation': (p) =>
    `訳文の「${p.target}」は用語集で「${p.source}」に使わない訳語です（${p.expected} を使用）。`,
  'term-missing-in-source': (p) =>
    `訳文の用語「${p.target}」は ${p.expected} の訳語ですが、原文にありません。`,
  'consistency-source-variants': (p) =>
    `原文はここで「${p.source}」、ほかでは「${p.main}」と書いています。`,
  'consistency-target-variants': (p) =>
    `訳文はここで「${p.target}」、ほかでは「${p.main}」と書いています。`,
  'style-convention': (p) => `${p.rule}：${p.advice}`,
};

/** A finding's message in `language`: Japanese from the table above where it has the code, else the English one. */
export function findingMessageIn(
  finding: Pick<Finding, 'code' | 'params' | 'message'>,
  language: 'en' | 'ja',
): string {
  const template = language === 'ja' ? JAPANESE_FINDING_MESSAGES[finding.code] : undefined;
  return template ? template(finding.params) : finding.message;
}

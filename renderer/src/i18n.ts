/** UI strings in English and Japanese. Keys are stable; components read them through `useMessages`. */
export const messages = {
  en: {
    appName: 'Taiyaku',
    sample: 'Sample',
    source: 'English (source)',
    target: 'Japanese (translation)',
    clause: 'Clause',
    unnumbered: 'Heading',
    confidence: 'Alignment confidence',
    loading: 'Opening the document…',
    loadFailed: 'The document could not be opened',
    beads: 'rows',
    omitted: 'Nothing on this side',
    alignedText: 'Aligned text',
    confidenceHigh: 'high',
    confidenceMedium: 'medium',
    confidenceLow: 'low',
  },
  ja: {
    appName: '対訳',
    sample: 'サンプル',
    source: '英語（原文）',
    target: '日本語（訳文）',
    clause: '項',
    unnumbered: '見出し',
    confidence: '対応付けの確信度',
    loading: '文書を開いています…',
    loadFailed: '文書を開けませんでした',
    beads: '行',
    omitted: 'この側に対応する文はありません',
    alignedText: '対訳表示',
    confidenceHigh: '高',
    confidenceMedium: '中',
    confidenceLow: '低',
  },
} as const;

export type UiLanguage = keyof typeof messages;
export type MessageKey = keyof (typeof messages)['en'];

import { describe, expect, it } from 'vitest';
import { FINDING_TEMPLATES, renderFindingMessage } from './messages';
import { findingMessageIn, JAPANESE_FINDING_MESSAGES } from './messagesJa';
import type { FindingCode } from './types';

const params = {
  source: 'was',
  target: '行われる',
  ratio: 0.2,
  expected: 0.5,
  reading: 'テスト',
  main: 'SmartJAMP',
  rule: '2.1.8.算用数字',
  advice: '算用数字は「半角」で表記します。',
};

describe('finding messages in Japanese', () => {
  it('has a template for every code of messages.ts, filling in every parameter it uses', () => {
    for (const code of Object.keys(FINDING_TEMPLATES) as FindingCode[]) {
      const template = JAPANESE_FINDING_MESSAGES[code];
      expect(template, code).toBeDefined();
      const japanese = template!(params);
      expect(japanese, code).not.toContain('undefined');
      // Whatever the English message quotes from the parameters, the Japanese one quotes too.
      const english = renderFindingMessage(code, params);
      for (const value of Object.values(params).map(String))
        if (english.includes(value)) expect(japanese, `${code}: ${value}`).toContain(value);
    }
  });

  it('falls back to the English message for a code it does not know, and in the English UI', () => {
    const finding = { code: 'tense-past-rendered-non-past' as const, params, message: 'English' };
    expect(findingMessageIn(finding, 'en')).toBe('English');
    expect(findingMessageIn(finding, 'ja')).toContain('行われる');
    const unknown = { ...finding, code: 'something-new' as FindingCode };
    expect(findingMessageIn(unknown, 'ja')).toBe('English');
  });
});

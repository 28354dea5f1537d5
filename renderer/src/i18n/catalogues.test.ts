// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { en } from './en';
import { ja } from './ja';

const placeholders = (message: string) =>
  [...message.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the UI catalogues', () => {
  it('have the same keys in English and Japanese, both ways', () => {
    const englishKeys = Object.keys(en).sort();
    const japaneseKeys = Object.keys(ja).sort();
    expect(englishKeys.filter((key) => !(key in ja))).toEqual([]);
    expect(japaneseKeys.filter((key) => !(key in en))).toEqual([]);
  });

  it('have no empty message', () => {
    for (const catalogue of [en, ja]) {
      const empty = Object.entries(catalogue).filter(([, message]) => message.trim() === '');
      expect(empty).toEqual([]);
    }
  });

  it('fill the same placeholders in both languages', () => {
    for (const [key, message] of Object.entries(en)) {
      expect([key, placeholders(ja[key as keyof typeof en])]).toEqual([key, placeholders(message)]);
    }
  });
});

describe('the Japanese wording', () => {
  it('calls a resolved issue 対応済み everywhere (the status and the R shortcut)', () => {
    expect(ja['status.resolved']).toBe('対応済み');
    expect(ja.shortcutResolveIssue).toContain('対応済み');
    expect(ja.shortcutResolveIssue).not.toContain('解決済み');
    expect(ja.resolve).toContain('対応済み');
  });

  it('names the person who wrote an issue its author, not its assignee', () => {
    expect(ja.author).not.toBe('担当者');
    expect(['作成者', '記入者']).toContain(ja.author);
  });
});

// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { bytesToBase64, nameFromFileName } from './base64';

describe('bytesToBase64', () => {
  it('matches Node for small and chunk-crossing inputs', () => {
    for (const length of [0, 1, 2, 3, 100, 0x8000 + 7, 100_000]) {
      const bytes = new Uint8Array(length).map((_, index) => (index * 31 + 7) % 256);
      expect(bytesToBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
    }
  });
});

describe('nameFromFileName', () => {
  it('drops the extension and a language tag', () => {
    expect(nameFromFileName('report.en.txt')).toBe('report');
    expect(nameFromFileName('契約書_ja.txt')).toBe('契約書');
    expect(nameFromFileName('notes')).toBe('notes');
  });
});

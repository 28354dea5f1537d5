import { describe, expect, it } from 'vitest';
import { JTF_RULE_IDS, checkJapaneseStyle } from './styleCheck';

describe('Japanese style check (JTF Style Guide through textlint)', () => {
  it('finds JTF problems with the span of the offending text and the fix as evidence', async () => {
    const ja = '会合は２０２２年に行われた。';
    const findings = await checkJapaneseStyle(ja, { enabled: true, disabledRules: [] });
    const digits = findings.find((finding) => finding.params.rule === '2.1.8.算用数字');
    expect(digits?.check).toBe('style');
    expect(ja.slice(digits!.ja!.start, digits!.ja!.end)).toBe('２０２２');
    expect(digits?.evidence).toContain('"２０２２" → "2022"');
  });

  it('is off by default and leaves out disabled rules', async () => {
    const ja = '会合は２０２２年に行われた。';
    expect(await checkJapaneseStyle(ja, { enabled: false, disabledRules: [] })).toEqual([]);
    expect(
      await checkJapaneseStyle(ja, { enabled: true, disabledRules: ['2.1.8.算用数字'] }),
    ).toEqual([]);
    expect(JTF_RULE_IDS).toContain('2.1.8.算用数字');
  });

  it('leaves text that follows the guide alone', async () => {
    expect(
      await checkJapaneseStyle('会合は2022年12月4日に行われた。', {
        enabled: true,
        disabledRules: [],
      }),
    ).toEqual([]);
  });
});

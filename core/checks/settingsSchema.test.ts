import { describe, expect, it } from 'vitest';
import { resolveCheckSettings } from './settings';
import { CheckSettingsOverridesSchema, isCheckEnabled, withCheckEnabled } from './settingsSchema';
import { CHECK_NAMES } from './types';

describe('per-project check settings', () => {
  it('turns each check off and on again through the switch the checks read', () => {
    // Every check is on by default but the Japanese style rules (house styles differ).
    for (const check of CHECK_NAMES)
      expect(isCheckEnabled(undefined, check), check).toBe(check !== 'style');
    for (const check of CHECK_NAMES) {
      const off = withCheckEnabled(undefined, check, false);
      expect(isCheckEnabled(off, check), check).toBe(false);
      expect(CheckSettingsOverridesSchema.parse(off)).toEqual(off);
      const others = CHECK_NAMES.filter((other) => other !== check);
      for (const other of others)
        expect(isCheckEnabled(off, other), `${check} ${other}`).toBe(other !== 'style');
      expect(isCheckEnabled(withCheckEnabled(off, check, true), check)).toBe(true);
    }
    // Dates are the number check's `dates`; the number check itself stays on.
    const noDates = resolveCheckSettings(withCheckEnabled(undefined, 'date', false));
    expect(noDates.number).toMatchObject({ enabled: true, dates: false });
    expect(resolveCheckSettings(withCheckEnabled(undefined, 'tense', false)).tense.enabled).toBe(
      false,
    );
  });

  it('keeps the thresholds already set when a switch changes', () => {
    const tuned = { omission: { shortFactor: 0.5 }, number: { conversionTolerance: 0.05 } };
    expect(withCheckEnabled(tuned, 'omission', false)).toEqual({
      omission: { shortFactor: 0.5, enabled: false },
      number: { conversionTolerance: 0.05 },
    });
    expect(withCheckEnabled(tuned, 'date', false).number).toEqual({
      conversionTolerance: 0.05,
      dates: false,
    });
  });

  it('refuses unknown fields and out-of-range values', () => {
    expect(CheckSettingsOverridesSchema.safeParse({ tense: { enabled: 'no' } }).success).toBe(
      false,
    );
    expect(CheckSettingsOverridesSchema.safeParse({ omission: { shortFactor: -1 } }).success).toBe(
      false,
    );
    expect(CheckSettingsOverridesSchema.safeParse({ mood: {} }).success).toBe(false);
    expect(CheckSettingsOverridesSchema.safeParse({ style: { rules: [] } }).success).toBe(false);
  });
});

import { z } from 'zod';
import {
  DEFAULT_CHECK_SETTINGS,
  type CheckSettings,
  type CheckSettingsOverrides,
} from './settings';
import type { CheckName } from './types';

/**
 * The stored form of per-project check settings (a project file's `settings.checks`): any field of `CheckSettings`
 * (core/checks/settings.ts) may be given; the ones left out take their defaults (`resolveCheckSettings`). Ratios and
 * factors are plain numbers, lengths are characters.
 */
export const CheckSettingsOverridesSchema = z
  .object({
    number: z
      .object({
        enabled: z.boolean(),
        dates: z.boolean(),
        conversionTolerance: z.number().min(0).max(1),
      })
      .partial()
      .strict(),
    tense: z.object({ enabled: z.boolean() }).partial().strict(),
    omission: z
      .object({
        enabled: z.boolean(),
        expectedRatio: z.number().positive().max(10),
        shortFactor: z.number().positive().max(10),
        nounEndingFactor: z.number().positive().max(10),
        incompleteFactor: z.number().positive().max(10),
        subordinateEndingFactor: z.number().positive().max(10),
        spokenEndingFactor: z.number().positive().max(10),
        longFactor: z.number().positive().max(100),
        minimumSourceLength: z.number().int().nonnegative(),
        documentMinimumPairs: z.number().int().nonnegative(),
      })
      .partial()
      .strict(),
    addition: z.object({ enabled: z.boolean() }).partial().strict(),
    entity: z
      .object({ enabled: z.boolean(), minimumKatakanaLength: z.number().int().positive() })
      .partial()
      .strict(),
    term: z.object({ enabled: z.boolean(), reverse: z.boolean() }).partial().strict(),
    consistency: z.object({ enabled: z.boolean() }).partial().strict(),
    style: z
      .object({
        enabled: z.boolean(),
        disabledRules: z.array(z.string().min(1).max(200)).max(200).readonly(),
      })
      .partial()
      .strict(),
  })
  .partial()
  .strict() satisfies z.ZodType<CheckSettingsOverrides>;

/** Per-project check settings as stored (see `CheckSettingsOverridesSchema`). */
export type StoredCheckSettings = z.infer<typeof CheckSettingsOverridesSchema>;

/** Each check family's field names. */
type FieldNames<T> = { [K in keyof T]-?: keyof NonNullable<T[K]> };
/** True when A and B are assignable both ways. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Holds<T extends true> = T;
/**
 * The stored shape names every check family and every setting of `CheckSettings`, and nothing else: a setting added to
 * settings.ts without its schema entry here (or the reverse) stops the build at this line.
 */
export type SchemaNamesEverySetting = Holds<
  Same<FieldNames<StoredCheckSettings>, FieldNames<CheckSettings>>
>;

/**
 * Which settings switch turns a check family off: `date` findings come from the number check (`number.dates`), every
 * other family has its own `enabled`.
 */
export function isCheckEnabled(
  overrides: CheckSettingsOverrides | undefined,
  check: CheckName,
): boolean {
  if (check === 'date') return overrides?.number?.dates ?? DEFAULT_CHECK_SETTINGS.number.dates;
  return overrides?.[check]?.enabled ?? DEFAULT_CHECK_SETTINGS[check].enabled;
}

/** `overrides` with check family `check` turned on or off (see `isCheckEnabled`); the input is not changed. */
export function withCheckEnabled(
  overrides: CheckSettingsOverrides | undefined,
  check: CheckName,
  enabled: boolean,
): CheckSettingsOverrides {
  const current = overrides ?? {};
  if (check === 'date') return { ...current, number: { ...current.number, dates: enabled } };
  return { ...current, [check]: { ...current[check], enabled } };
}

import type { ConsistencyCheckSettings } from './consistency';
import type { TermCheckSettings } from './termCheck';

/**
 * Switches and thresholds of the discrepancy checks, in one object. Every field has a documented default in
 * {@link DEFAULT_CHECK_SETTINGS}; callers override what they need with {@link resolveCheckSettings}.
 */

/** Settings of the number and date check. */
export interface NumberCheckSettings {
  readonly enabled: boolean;
  /** Also compare years, months, days and weekdays (reported as `date`). Default true. */
  readonly dates: boolean;
  /** Relative tolerance for converted units (miles ↔ km, °F ↔ °C…). Default 0.08. */
  readonly conversionTolerance: number;
}

/** Settings of the tense check. */
export interface TenseCheckSettings {
  readonly enabled: boolean;
}

/** Settings of the omission and addition checks. */
export interface LengthCheckSettings {
  readonly enabled: boolean;
  /**
   * Expected weighted Japanese characters (see `japaneseLength`) per English character. Default 0.5,
   * about the median of news and business text; in document mode the document's own median ratio is used when it has
   * at least `documentMinimumPairs` pairs.
   */
  readonly expectedRatio: number;
  /** A pair whose ratio is below expected × this is an omission candidate. Default 0.58. */
  readonly shortFactor: number;
  /**
   * A Japanese sentence that stops on a form no sentence ends on (a continuative verb 〜し。, a binding particle 〜は。)
   * is an omission candidate when its ratio is below expected × this. Default 1.2.
   */
  readonly incompleteFactor: number;
  /** The same for a noun heading a subordinate clause after a predicate (〜したため。). Default 1. */
  readonly subordinateEndingFactor: number;
  /**
   * The same for endings that speech closes sentences on (〜ですが。, 〜けど。, 〜会議室に。), which need a clearly
   * shorter translation. Default 0.75.
   */
  readonly spokenEndingFactor: number;
  /**
   * The shortness that flags a full English sentence rendered by a Japanese one stopping on a plain noun (体言止め,
   * which a cut list leaves). Default 0.8.
   */
  readonly nounEndingFactor: number;
  /** A pair whose ratio is above expected × this is an addition candidate. Default 2.2. */
  readonly longFactor: number;
  /** Shorter English sentences (in characters) are not judged by length. Default 40. */
  readonly minimumSourceLength: number;
  /** Pairs needed before a document's own ratio replaces `expectedRatio`. Default 20. */
  readonly documentMinimumPairs: number;
}

/** Settings of the name (entity) check. */
export interface EntityCheckSettings {
  readonly enabled: boolean;
  /** Shortest katakana word (in characters) treated as a name candidate. Default 3. */
  readonly minimumKatakanaLength: number;
}

/** Settings of the Japanese style check (JTF Style Guide rules through textlint, run on the Node side). */
export interface StyleCheckSettings {
  /** Off by default: house styles differ, and the JTF rules are noisy on texts that follow another guide. */
  readonly enabled: boolean;
  /** JTF rule ids to leave out (e.g. `3.1.1.全角文字と半角文字の間`). */
  readonly disabledRules: readonly string[];
}

/** All check settings. */
export interface CheckSettings {
  readonly number: NumberCheckSettings;
  readonly tense: TenseCheckSettings;
  readonly omission: LengthCheckSettings;
  readonly addition: { readonly enabled: boolean };
  readonly entity: EntityCheckSettings;
  readonly term: TermCheckSettings;
  readonly consistency: ConsistencyCheckSettings;
  readonly style: StyleCheckSettings;
}

/** The defaults: every check on but the Japanese style check. */
export const DEFAULT_CHECK_SETTINGS: CheckSettings = {
  number: { enabled: true, dates: true, conversionTolerance: 0.08 },
  tense: { enabled: true },
  omission: {
    enabled: true,
    expectedRatio: 0.5,
    shortFactor: 0.58,
    nounEndingFactor: 0.8,
    incompleteFactor: 1.2,
    subordinateEndingFactor: 1,
    spokenEndingFactor: 0.75,
    longFactor: 2.2,
    minimumSourceLength: 40,
    documentMinimumPairs: 20,
  },
  addition: { enabled: true },
  entity: { enabled: true, minimumKatakanaLength: 3 },
  term: { enabled: true, reverse: true },
  consistency: { enabled: true },
  style: { enabled: false, disabledRules: [] },
};

/** Partial settings: any field may be left out and takes its default. */
export type CheckSettingsOverrides = {
  readonly [K in keyof CheckSettings]?: Partial<CheckSettings[K]>;
};

/** Fills in defaults for every field not given. */
export function resolveCheckSettings(overrides: CheckSettingsOverrides = {}): CheckSettings {
  return {
    number: { ...DEFAULT_CHECK_SETTINGS.number, ...overrides.number },
    tense: { ...DEFAULT_CHECK_SETTINGS.tense, ...overrides.tense },
    omission: { ...DEFAULT_CHECK_SETTINGS.omission, ...overrides.omission },
    addition: { ...DEFAULT_CHECK_SETTINGS.addition, ...overrides.addition },
    entity: { ...DEFAULT_CHECK_SETTINGS.entity, ...overrides.entity },
    term: { ...DEFAULT_CHECK_SETTINGS.term, ...overrides.term },
    consistency: { ...DEFAULT_CHECK_SETTINGS.consistency, ...overrides.consistency },
    style: { ...DEFAULT_CHECK_SETTINGS.style, ...overrides.style },
  };
}

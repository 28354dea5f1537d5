import type { JapaneseToken } from '../alignment/resources';
import { makeFinding } from './messages';
import type { PairAnalysis } from './pairAnalysis';
import type { LengthCheckSettings } from './settings';
import type { Finding } from './types';

/**
 * Omission and addition by length: a translation much shorter (or longer) than the source predicts is flagged, with
 * the ratio as evidence. The expected ratio is a setting (document mode passes the document's own median).
 */

/** English length measure: characters with runs of white space counted once. */
export function englishLength(text: string): number {
  return text.trim().replace(/\s+/g, ' ').length;
}

/**
 * Japanese length measure, weighted by how much a character carries: a kanji counts 1.6 (kanji-dense official prose
 * would otherwise look short), Latin letters and digits 0.5 (copied names and figures stand for about as many English
 * characters), other characters 1; white space 0.
 */
export function japaneseLength(text: string): number {
  let length = 0;
  for (const character of text) {
    if (/\s/.test(character)) continue;
    if (/[\u3400-\u9fff\uf900-\ufaff々]/.test(character)) length += 1.6;
    else if (/[A-Za-z0-9\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]/.test(character)) length += 0.5;
    else length += 1;
  }
  return length;
}

/** Japanese characters per English character for one pair, or undefined when the English is empty. */
export function lengthRatio(en: string, ja: string): number | undefined {
  const english = englishLength(en);
  return english === 0 ? undefined : japaneseLength(ja) / english;
}

/** Auxiliary forms that continue a sentence (連用形 and conditional): あり, ず, で, たら… */
const CONTINUATIVE_AUXILIARIES = new Set([
  'あり',
  'ず',
  'で',
  'たら',
  'なく',
  'られ',
  'れ',
  'せ',
  'させ',
  'まし',
  'でし',
  'たり',
]);

/** Case particles that speech ends sentences on by inversion (行きましょう、会議室に。) or quotation (〜って。). */
const SPOKEN_CASE_PARTICLES = new Set([
  'に',
  'で',
  'と',
  'って',
  'っと',
  'にかけて',
  'まで',
  'から',
]);

/** Verbs whose continuative-looking forms are imperatives, which end sentences: ください, なさい, 来い, くれ. */
const IMPERATIVE_LOOKALIKES = new Set([
  'くださる',
  '下さる',
  'なさる',
  'いらっしゃる',
  'ござる',
  '来る',
  'くる',
  'くれる',
]);

/**
 * Nouns that head a subordinate clause (〜したため, 〜した後, 〜する際): after a verb or auxiliary they leave the
 * sentence waiting for its main clause.
 */
const SUBORDINATING_NOUNS = new Set(
  `ため 為 後 あと 際 間 中 うち 場合 時 とき ところ まま 限り 一方 結果 上 前 以来 途中 最中 直後 直前 矢先 ほか 他 反面 以上 際し`.split(
    /\s+/,
  ),
);

/**
 * How strongly a hanging ending suggests a cut: `ungrammatical` endings (a verb in its continuative form, a binding
 * or parallel particle, 〜し。, 〜ており。) end no sentence in any register; `subordinate` endings leave a clause
 * waiting for its main clause (〜したため。); `spoken` endings close sentences in speech (〜ですが。, 〜けど。,
 * 〜会議室に。).
 */
export type HangingStrength = 'ungrammatical' | 'subordinate' | 'spoken';

/** A Japanese sentence's last morpheme when it cannot end a sentence. */
export interface HangingEnding {
  readonly token: JapaneseToken;
  readonly strength: HangingStrength;
}

/** True for an inflected verb in its continuative (連用形) form, by the surface and dictionary forms. */
function isContinuativeVerb(token: JapaneseToken): boolean {
  const surface = token.surface;
  if (surface === token.basicForm || IMPERATIVE_LOOKALIKES.has(token.basicForm)) return false;
  // Ichidan: the continuative is the stem (与え ← 与える, い ← いる); the imperative adds ろ or よ.
  if (token.basicForm === `${surface}る`) return true;
  // Godan: the continuative ends in the i-row (行い, 言い, おり, しまい); the imperative in the e-row.
  return /[いきぎしちにびみり]$/.test(surface);
}

/**
 * The token a Japanese sentence stops on when that token cannot end a sentence: a case, binding or conjunctive
 * particle (は, を, が, て, ので), a conjunction, a verb, adjective or auxiliary in a continuative form (行い, 高く,
 * であり), or a noun heading a subordinate clause after a predicate (〜したため). A translation cut short leaves
 * such an ending before its full stop.
 * @returns the token and how strongly it suggests a cut, or undefined when the sentence ends in a form that can end one
 */
export function incompleteEnding(
  tokens: readonly JapaneseToken[],
  text: string,
): HangingEnding | undefined {
  if (!/[。．.]\s*$/.test(text)) return undefined;
  const content = tokens.filter((token) => token.partOfSpeech !== '記号' && token.surface.trim());
  const last = content[content.length - 1];
  if (!last) return undefined;
  const before = content[content.length - 2];
  const detail = last.partOfSpeechDetail ?? '';
  const ungrammatical = { token: last, strength: 'ungrammatical' } as const;
  const spoken = { token: last, strength: 'spoken' } as const;
  if (last.partOfSpeech === '助詞') {
    if (detail === '接続助詞') return spoken;
    // 「…」と。 has lost its reporting verb; speech ends on 〜って。 and inverted 〜会議室に。.
    if (detail === '格助詞')
      return SPOKEN_CASE_PARTICLES.has(last.surface) &&
        !/[」』]\s*$/.test(text.slice(0, last.start))
        ? spoken
        : ungrammatical;
    // A topic left without its comment (〜は。) ends nothing; answers end on も and こそ (私も。, こちらこそ。).
    if (detail === '係助詞') return last.surface === 'は' ? ungrammatical : spoken;
    return detail === '並立助詞' ? spoken : undefined;
  }
  if (last.partOfSpeech === '接続詞') return spoken;
  if (last.partOfSpeech === '助動詞')
    return CONTINUATIVE_AUXILIARIES.has(last.surface) ? ungrammatical : undefined;
  if (last.partOfSpeech === '動詞') return isContinuativeVerb(last) ? ungrammatical : undefined;
  if (last.partOfSpeech === '形容詞' && last.surface !== last.basicForm && /く$/.test(last.surface))
    return ungrammatical;
  if (
    last.partOfSpeech === '名詞' &&
    SUBORDINATING_NOUNS.has(last.surface) &&
    (before?.partOfSpeech === '動詞' || before?.partOfSpeech === '助動詞')
  )
    return { token: last, strength: 'subordinate' };
  return undefined;
}

/** An English sentence that ends like one: headlines and captions are compressed by other rules. */
const FULL_SENTENCE = /[a-z0-9)%]["'”’)]?[.!?]["'”’)]*\s*$/;

/** True when the last morpheme before the final punctuation is a plain noun (体言止め): `…の広告。`, `…日曜日。`. */
function endsOnPlainNoun(tokens: readonly JapaneseToken[]): boolean {
  const content = tokens.filter((token) => token.partOfSpeech !== '記号' && token.surface.trim());
  const last = content[content.length - 1];
  return (
    last?.partOfSpeech === '名詞' &&
    ['一般', '固有名詞', '接尾', '非自立', '副詞可能'].includes(last.partOfSpeechDetail ?? '')
  );
}

/**
 * Flags pairs whose length ratio is far from the expected one.
 * @param expectedRatio Japanese characters per English character expected here (document or default)
 */
export function checkLength(
  pair: PairAnalysis,
  settings: LengthCheckSettings,
  additionEnabled: boolean,
  expectedRatio = settings.expectedRatio,
): Finding[] {
  const english = englishLength(pair.en);
  const ratio = english === 0 ? 1 : japaneseLength(pair.ja) / english;
  // A cut leaves the sentence hanging; speech hangs sentences too (〜ですが。), so how much shorter than expected the
  // translation must be depends on how strongly the ending suggests a cut.
  const hanging = settings.enabled ? incompleteEnding(pair.jaTokens, pair.ja) : undefined;
  const hangingFactor =
    hanging?.strength === 'ungrammatical'
      ? settings.incompleteFactor
      : hanging?.strength === 'subordinate'
        ? settings.subordinateEndingFactor
        : settings.spokenEndingFactor;
  const ending = hanging && ratio < expectedRatio * hangingFactor ? hanging.token : undefined;
  if (ending)
    return [
      makeFinding(
        'omission-incomplete-sentence',
        { target: ending.surface },
        `Japanese sentence ends on "${ending.surface}" (${ending.partOfSpeech}${ending.partOfSpeechDetail ? `/${ending.partOfSpeechDetail}` : ''}), which continues a sentence; length ratio ${ratio.toFixed(2)}, expected ${expectedRatio.toFixed(2)}`,
        { ja: { start: ending.start, end: ending.start + ending.surface.length } },
      ),
    ];
  if (english < settings.minimumSourceLength) return [];
  // A full English sentence rendered by a Japanese one that stops on a plain noun (a list or a clause cut at a 、) needs
  // less shortfall than a translation whose ending is complete.
  const shortFactor =
    endsOnPlainNoun(pair.jaTokens) && FULL_SENTENCE.test(pair.en)
      ? settings.nounEndingFactor
      : settings.shortFactor;
  const params = { ratio: ratio.toFixed(2), expected: expectedRatio.toFixed(2) };
  const evidence = `${japaneseLength(pair.ja).toFixed(0)} weighted Japanese characters / ${english} English characters = ${ratio.toFixed(2)}; expected ${expectedRatio.toFixed(2)}`;
  if (settings.enabled && ratio < expectedRatio * shortFactor)
    return [
      makeFinding('omission-short-translation', params, evidence, {
        en: { start: 0, end: pair.en.length },
        ja: { start: 0, end: pair.ja.length },
      }),
    ];
  if (additionEnabled && ratio > expectedRatio * settings.longFactor)
    return [
      makeFinding('addition-long-translation', params, evidence, {
        en: { start: 0, end: pair.en.length },
        ja: { start: 0, end: pair.ja.length },
      }),
    ];
  return [];
}

/**
 * The median length ratio of a batch of pairs (a document's beads or a file of pairs), to use as the expected ratio
 * for that batch: genres differ (dialogue runs shorter in Japanese than news).
 * @returns the median, or undefined when fewer than `minimumPairs` pairs have an English side
 */
export function medianLengthRatio(
  pairs: readonly { readonly en: string; readonly ja: string }[],
  minimumPairs: number,
): number | undefined {
  const ratios = pairs
    .map((pair) => lengthRatio(pair.en, pair.ja))
    .filter((ratio): ratio is number => ratio !== undefined && ratio > 0)
    .sort((a, b) => a - b);
  return ratios.length >= minimumPairs ? ratios[Math.floor(ratios.length / 2)] : undefined;
}

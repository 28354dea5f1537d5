import type { JapaneseToken } from '../alignment/resources';
import type { TextSpan } from '../alignment/types';

/**
 * The tense of a Japanese sentence's main predicate, read from morphemes (kuromoji/IPADIC tokens). Japanese marks
 * tense on the last predicate of the sentence; predicates inside relative and subordinate clauses carry relative
 * tense and are not looked at.
 */

/** Tense of a Japanese main predicate. `none` for sentences ending in a noun (headlines, 体言止め) or a fragment. */
export type JapaneseTense = 'past' | 'non-past' | 'conjecture' | 'none';

/** The main predicate found. */
export interface JapanesePredicate {
  readonly tense: JapaneseTense;
  /** The predicate's span in the tokenized text (UTF-16 code units), from its head word to its last auxiliary. */
  readonly span: TextSpan;
  /** True when the predicate is progressive or resultative (〜ている / 〜ていた / 〜てある). */
  readonly progressive: boolean;
  /** True when the sentence marks a plan, forecast or future time (予定, 見込み, 来年, 今後…). */
  readonly future: boolean;
}

/** Words that put a non-past predicate in the future: plans, forecasts, future times. */
const FUTURE_MARKERS =
  /予定|見込み|見通し|計画|方針|つもり|見られる|みられる|来年|来月|来週|明日|あす|明後日|今後|将来|近く|近日|目指|目標|準備|意向|検討|予想|予測|可能性|かもしれ|だろう|でしょう|はず|べき|ように|ことになる|次回|次の|これから|来季|来シーズン|年内|月内|週内|今年中|今月中|後日/;

/** Final particles, punctuation and closing brackets that follow the predicate. */
function isTrailing(token: JapaneseToken): boolean {
  if (token.partOfSpeech === '記号') return true;
  if (token.partOfSpeech === '助詞' && token.partOfSpeechDetail === '終助詞') return true;
  return /^[\s」』）)】"”’!！?？。．.、…]+$/.test(token.surface);
}

/** Hearsay and quotation endings whose own tense is not the reported event's: 〜という, 〜とのことだ, 〜とされる. */
function hearsayStart(tokens: readonly JapaneseToken[], end: number): number | undefined {
  // Look for と + いう / 言う / される / のこと within the predicate tail.
  for (let index = end; index >= Math.max(1, end - 4); index--) {
    const token = tokens[index]!;
    const previous = tokens[index - 1]!;
    if (
      previous.surface === 'と' &&
      previous.partOfSpeech === '助詞' &&
      (token.basicForm === 'いう' ||
        token.basicForm === '言う' ||
        token.surface === 'の' ||
        (token.basicForm === 'する' && tokens[index + 1]?.basicForm === 'れる'))
    )
      return index - 1;
  }
  return undefined;
}

/**
 * Finds the main predicate of one Japanese sentence and its tense.
 * @param tokens the sentence's morphemes, in order, with `start` offsets into the sentence
 * @param text the sentence as tokenized (used for future markers)
 * @returns the predicate, or undefined when the sentence has no tokens
 */
export function japaneseMainPredicate(
  tokens: readonly JapaneseToken[],
  text: string,
): JapanesePredicate | undefined {
  let end = tokens.length - 1;
  while (end >= 0 && isTrailing(tokens[end]!)) end--;
  if (end < 0) return undefined;
  // 〜したという / 〜したとされる: the reported predicate before と carries the tense.
  const hearsay = hearsayStart(tokens, end);
  if (hearsay !== undefined && hearsay > 0) {
    end = hearsay - 1;
    while (end >= 0 && isTrailing(tokens[end]!)) end--;
    if (end < 0) return undefined;
  }
  // 〜したのだ / 〜するんです: the explanatory の + copula takes the tense of what precedes it.
  if (
    end >= 2 &&
    (tokens[end]!.basicForm === 'だ' || tokens[end]!.basicForm === 'です') &&
    (tokens[end - 1]!.surface === 'の' || tokens[end - 1]!.surface === 'ん')
  )
    end -= 2;
  const last = tokens[end]!;
  // The predicate's head: walk back over auxiliaries, suffixes and non-independent verbs.
  let head = end;
  while (head > 0) {
    const token = tokens[head]!;
    const dependent =
      token.partOfSpeech === '助動詞' ||
      (token.partOfSpeech === '動詞' &&
        (token.partOfSpeechDetail === '非自立' || token.partOfSpeechDetail === '接尾')) ||
      (token.partOfSpeech === '形容詞' && token.partOfSpeechDetail === '非自立') ||
      (token.partOfSpeech === '助詞' &&
        token.partOfSpeechDetail === '接続助詞' &&
        token.surface === 'て') ||
      (token.partOfSpeech === '助詞' &&
        token.surface === 'で' &&
        tokens[head + 1]?.partOfSpeech === '動詞');
    if (!dependent) break;
    head--;
  }
  const chunk = tokens.slice(head, end + 1);
  const span = { start: tokens[head]!.start, end: last.start + last.surface.length };
  const progressive = chunk.some(
    (token, index) =>
      (token.surface === 'て' || token.surface === 'で') &&
      (chunk[index + 1]?.basicForm === 'いる' || chunk[index + 1]?.basicForm === 'ある'),
  );
  const future = FUTURE_MARKERS.test(text);
  let tense: JapaneseTense;
  const previous = tokens[end - 1];
  if (last.partOfSpeech === '助動詞' && last.basicForm === 'た') tense = 'past';
  // 読んだ, 泳いだ: だ after a verb is the past auxiliary, not the copula.
  else if (
    last.partOfSpeech === '助動詞' &&
    last.surface === 'だ' &&
    previous?.partOfSpeech === '動詞'
  )
    tense = 'past';
  else if (
    last.partOfSpeech === '助動詞' &&
    (last.basicForm === 'う' || last.basicForm === 'よう' || last.basicForm === 'まい')
  )
    tense = 'conjecture';
  else if (
    last.partOfSpeech === '動詞' ||
    last.partOfSpeech === '形容詞' ||
    last.partOfSpeech === '助動詞'
  )
    tense = 'non-past';
  else tense = 'none';
  return { tense, span, progressive, future };
}

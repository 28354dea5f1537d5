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
  /**
   * True for a state rather than an event: an adjective, a negation (ない), an evidential (ようだ, らしい). Japanese
   * states a past situation that still holds in the non-past.
   */
  readonly stative: boolean;
  /**
   * True for a verb of reporting used in the narrative present of feature writing (語る, 述べる, 説明する…):
   * 〜と語る reports a past quote as often as 〜と語った. Not 言う: a past "said" rendered 〜と言う is proposed.
   */
  readonly reporting: boolean;
  /**
   * True when the predicate is not a well-formed Japanese form: the volitional う after a noun or a verb not in its
   * お-row stem (語う, できなかう), the classical る after a verb's dictionary form (示する). Such a predicate is
   * neither a narrative present nor a state; it reads as a non-past and is a slip in any case.
   */
  readonly illFormed: boolean;
}

/** Future times: a non-past predicate with one of these is a future, not a tense error. */
const FUTURE_TIMES =
  /来年|来月|来週|明日|あす|明後日|今後|将来|近く|近日|年内|月内|週内|今年中|今月中|後日|次回|これから|来季|来シーズン|今夜|今晩|来春|来夏|来秋|来冬|来年度|以降も/;
/** Nouns that make a predicate a plan or forecast: 〜する予定だ, 〜する見込み, 〜する方針. */
const PLAN_NOUNS =
  /^(?:予定|見込み|見通し|方針|計画|つもり|意向|構え|考え|方向|見通し|公算|可能性|恐れ|おそれ|模様)$/;

/** Verbs of reporting whose non-past is the feature writer's narrative present (dictionary forms). */
const REPORTING_VERBS = new Set(
  `語る 話す 述べる 振り返る 明かす 説明する 付け加える 強調する 答える`.split(/\s+/),
);

/** Kana of the お row: a verb stem before the volitional う ends in one of them (行こう, 見よう, しよう). */
const VOLITIONAL_STEM = /[おこごそぞとどのほぼぽもよろょ]$/;

/**
 * The volitional う with nothing it can follow, or the auxiliary る after a finished verb: see `illFormed`. The う of
 * でしょう, ましょう, だろう and たろう follows an auxiliary's お-row stem (でしょ, ましょ) and is well formed.
 */
function isIllFormedEnding(last: JapaneseToken, previous: JapaneseToken | undefined): boolean {
  if (!previous || last.partOfSpeech !== '助動詞') return false;
  if (last.surface === 'う')
    return !(
      (previous.partOfSpeech === '助動詞' &&
        (VOLITIONAL_STEM.test(previous.surface) ||
          ['です', 'ます', 'だ', 'た'].includes(previous.basicForm))) ||
      (previous.partOfSpeech === '動詞' && VOLITIONAL_STEM.test(previous.surface))
    );
  return (
    last.surface === 'る' &&
    previous.partOfSpeech === '動詞' &&
    previous.surface === previous.basicForm
  );
}

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
  // 〜したという / 〜するとされる: reported content carries relative tense, and the hearsay verb is conventionally
  // non-past whatever the time of the report: nothing to compare.
  const hearsay = hearsayStart(tokens, end);
  if (hearsay !== undefined) {
    const last = tokens[end]!;
    const span = { start: tokens[hearsay]!.start, end: last.start + last.surface.length };
    return {
      tense: 'none',
      span,
      progressive: false,
      future: false,
      stative: false,
      reporting: true,
      illFormed: false,
    };
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
  // 開催される: a suru-verb's noun belongs to the predicate.
  if (
    head > 0 &&
    tokens[head]!.basicForm === 'する' &&
    tokens[head - 1]!.partOfSpeechDetail === 'サ変接続'
  )
    head--;
  const chunk = tokens.slice(head, end + 1);
  const span = { start: tokens[head]!.start, end: last.start + last.surface.length };
  const progressive = chunk.some(
    (token, index) =>
      // Spoken contractions: してる, 読んでる, してます.
      token.basicForm === 'てる' ||
      token.basicForm === 'でる' ||
      ((token.surface === 'て' || token.surface === 'で') &&
        token.partOfSpeech === '助詞' &&
        chunk[index + 1]?.basicForm === 'ます') ||
      ((token.surface === 'て' || token.surface === 'で') &&
        token.partOfSpeech === '助詞' &&
        (chunk[index + 1]?.basicForm === 'いる' || chunk[index + 1]?.basicForm === 'ある')),
  );
  const future =
    FUTURE_TIMES.test(text) ||
    tokens.slice(Math.max(0, head - 2), end + 1).some((token) => PLAN_NOUNS.test(token.surface)) ||
    /ことにな|ようにな|ことを決め|ことにし/.test(
      text.slice(Math.max(0, tokens[Math.max(0, head - 3)]!.start)),
    );
  let tense: JapaneseTense;
  const previous = tokens[end - 1];
  const headToken = tokens[head]!;
  const stative =
    chunk.some(
      (token) =>
        token.partOfSpeech === '形容詞' ||
        (token.partOfSpeech === '助動詞' &&
          (token.basicForm === 'ない' || token.basicForm === 'ぬ')) ||
        token.basicForm === 'ようだ' ||
        token.basicForm === 'らしい' ||
        token.basicForm === 'そうだ' ||
        (token.surface === 'よう' && token.partOfSpeech === '名詞') ||
        // A noun with the copula (教師だ, 方法です) states what something is.
        ((token.basicForm === 'だ' || token.basicForm === 'です') &&
          tokens[tokens.indexOf(token) - 1]?.partOfSpeech === '名詞'),
    ) ||
    headToken.partOfSpeech === '形容詞' ||
    tokens[head - 1]?.surface === 'よう';
  const reporting =
    REPORTING_VERBS.has(headToken.basicForm) ||
    (headToken.partOfSpeech === '名詞' && REPORTING_VERBS.has(`${headToken.basicForm}する`));
  const chunkText = text.slice(span.start, span.end);
  // Requests, invitations and thanks (ください, しましょう, ありがとうございます) carry no tense to compare.
  if (/ください|下さい|なさい|ましょう|ませんか|ありがとう|おめでとう|すみません/.test(chunkText))
    tense = 'none';
  else if (last.partOfSpeech === '助動詞' && last.basicForm === 'た') tense = 'past';
  // 面白かったです, 行ったのだ: a copula after a past form.
  else if (
    last.partOfSpeech === '助動詞' &&
    (last.basicForm === 'です' || last.basicForm === 'だ') &&
    previous?.basicForm === 'た'
  )
    tense = 'past';
  // 読んだ, 泳いだ: だ after a verb is the past auxiliary, not the copula.
  else if (
    last.partOfSpeech === '助動詞' &&
    last.surface === 'だ' &&
    previous?.partOfSpeech === '動詞'
  )
    tense = 'past';
  // 出発したでしょう, 間違いだったろう: a guess about the past is a past.
  else if (
    last.partOfSpeech === '助動詞' &&
    last.basicForm === 'う' &&
    (((previous?.basicForm === 'です' || previous?.basicForm === 'だ') &&
      tokens[end - 2]?.basicForm === 'た') ||
      (previous?.basicForm === 'た' && previous.surface === 'たろ'))
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
  // A form that is no form reads as a non-past; a past or a request stays what it is.
  const illFormed = tense !== 'past' && tense !== 'none' && isIllFormedEnding(last, previous);
  if (illFormed) tense = 'non-past';
  return { tense, span, progressive, future, stative, reporting, illFormed };
}

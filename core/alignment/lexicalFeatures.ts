import { consonantSkeleton, foldRomaji, romanizeKana } from '../anchors/readings';
import { isKatakanaText } from '../text/script';
import {
  extractEnglishNumbers,
  extractJapaneseNumbers,
  foldWidth,
  numberMatchKeys,
} from '../anchors/numbers';
import { ENGLISH_STOPWORDS, englishWordTexts, stemEnglish } from '../anchors/englishWords';
import type { Lexicon } from '../anchors/lexicon';
import type { JapaneseToken, JapaneseTokenizer } from './resources';

/**
 * Per-sentence lexical features for the aligner. Each sentence becomes a list of "units" (content words, numbers),
 * each unit a small set of interned keys; two units on opposite sides match when they share a key. Key families:
 * `w:` English stem (English words; gloss words of Japanese words), `l:` Latin token, `r:` folded romaji (names),
 * `k:` consonant skeleton (katakana loanwords), `n:` number keys.
 */

/**
 * What one Japanese token contributes to its sentence's features; the same wherever the token occurs, so it is worked
 * out once per key table (see {@link japaneseTokenContribution}).
 */
type TokenContribution =
  /** Punctuation, particles, numerals…: nothing, and a run of name tokens ends. */
  | { readonly kind: 'break' }
  /** Function verbs and short kana: nothing, and a run of name tokens goes on. */
  | { readonly kind: 'skip' }
  /** A Latin token: a unit of its own (it ends a run of name tokens). */
  | { readonly kind: 'latin'; readonly keys: readonly number[] }
  /**
   * A content word: a unit (dropped when `keepUnit` is false: a suffix without glosses); `nameReading`, the romaji
   * the token adds to a run of proper nouns or katakana words, when it is one.
   */
  | {
      readonly kind: 'content';
      readonly keys: readonly number[];
      readonly nameReading?: string;
      readonly keepUnit: boolean;
    };

/**
 * Interns string keys to small integers, shared by both sides of one alignment. Also remembers the interned keys of
 * every English word and Japanese token seen with it: words repeat heavily, so most are worked out once per document.
 */
export class KeyTable {
  private readonly ids = new Map<string, number>();
  /** English word as written → interned keys, or null for a stopword. */
  readonly englishWords = new Map<string, readonly number[] | null>();
  /** Japanese token signature (see {@link tokenSignature}) → its contribution. */
  readonly japaneseTokens = new Map<string, TokenContribution>();

  /** @returns the key's id, assigning the next one on first sight */
  intern(key: string): number {
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(key, id);
    }
    return id;
  }
}

/** The features of one sentence. */
export interface SentenceFeatures {
  /** Length in UTF-16 units, whitespace excluded. */
  readonly length: number;
  /** Key ids of each content unit. */
  readonly units: readonly (readonly number[])[];
}

/**
 * Reporting verbs that EDICT glosses do not tie to their everyday English renderings ("he said"),
 * frequent enough in news and minutes to matter for short sentences.
 */
const EXTRA_GLOSSES: Readonly<Record<string, readonly string[]>> = {
  述べる: ['say', 'said', 'state'],
  語る: ['say', 'said', 'tell', 'told'],
  話す: ['say', 'said', 'tell', 'told', 'speak'],
  言う: ['say', 'said', 'tell'],
  伝える: ['tell', 'told', 'report'],
  説明: ['explain', 'said'],
};

/**
 * Everyday words that dialogue writes in kana while the lexicon (EDICT headwords) holds them in kanji: looked up under
 * the kanji spelling when the kana form has no entry. Greetings, thanks, apologies and assent are the only words many
 * short turns have ("ありがとうございます。" / "Thank you.").
 */
const KANJI_SPELLINGS: Readonly<Record<string, string>> = {
  ありがとう: '有難う',
  すみません: '済みません',
  わかる: '分かる',
  なるほど: '成程',
  もちろん: '勿論',
  さようなら: '左様なら',
  ちょっと: '一寸',
  すぐ: '直ぐ',
  たぶん: '多分',
  ごめん: '御免',
  ごめんなさい: '御免',
  たしか: '確か',
  ほんとう: '本当',
  ほんと: '本当',
};

const JAPANESE_FUNCTION_VERBS = new Set([
  'する',
  'ある',
  'いる',
  'なる',
  'れる',
  'られる',
  'せる',
  'できる',
  'おる',
  'いう',
  'くる',
  'いく',
  'よる',
  'ない',
]);
// Interjections (はい, ありがとう, すみません) count: in dialogue they are often a turn's only word. Adverb-like nouns
// (明日, 今日, 来週: 副詞可能) count too; only those of them the lexicon glosses make units (see keepUnit).
const JAPANESE_CONTENT_POS = new Set([
  '名詞',
  '動詞',
  '形容詞',
  '副詞',
  '接頭詞',
  '感動詞',
  'latin',
]);
const JAPANESE_SKIPPED_DETAILS = new Set(['非自立', '代名詞', '数', '接尾']);

const MAY_HOLD_NUMBER =
  /\d|january|february|march|april|may|june|july|august|september|october|november|december|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|thirty|forty|fifty|hundred|thousand|dozen|half)\b/i;
const MEMO_LIMIT = 200_000;
const englishMemo = new Map<string, readonly string[]>();
const romajiMemo = new Map<string, string>();

/** Memoises a pure string function (words repeat heavily within and across documents). */
function memoized<T>(memo: Map<string, T>, key: string, compute: () => T): T {
  let value = memo.get(key);
  if (value === undefined) {
    if (memo.size >= MEMO_LIMIT) memo.clear();
    value = compute();
    memo.set(key, value);
  }
  return value;
}

function internAll(keys: KeyTable, list: readonly string[]): number[] {
  return list.map((key) => keys.intern(key));
}

function englishWordKeys(text: string): readonly string[] {
  return memoized(englishMemo, text, () => {
    const lower = text.toLowerCase();
    const list = [`w:${stemEnglish(text)}`, `l:${lower}`];
    if (/^[A-Z]/.test(text) && lower.length >= 3) list.push(`r:${foldRomaji(lower)}`);
    const skeleton = consonantSkeleton(lower);
    if (skeleton.length >= 3) list.push(`k:${skeleton}`);
    return list;
  });
}

/** Interned keys of an English word (stem, Latin form, romaji fold when capitalised, skeleton); null for a stopword. */
function englishWordUnit(text: string, keys: KeyTable): readonly number[] | null {
  let unit = keys.englishWords.get(text);
  if (unit === undefined) {
    unit = ENGLISH_STOPWORDS.has(text.toLowerCase())
      ? null
      : internAll(keys, englishWordKeys(text));
    keys.englishWords.set(text, unit);
  }
  return unit;
}

function romanizeMemoized(kana: string): string {
  return memoized(romajiMemo, kana, () => romanizeKana(kana));
}

/** Token keys per lexicon (they hold its glosses), so that aligning with another lexicon never reuses them. */
const japaneseMemos = new WeakMap<object, Map<string, readonly string[]>>();
const NO_LEXICON = {};

/** Keys of one Japanese content token: lexicon glosses, romaji of katakana and of proper-noun readings. */
function japaneseTokenKeys(token: JapaneseToken, lexicon: Lexicon | undefined): readonly string[] {
  const memoKey = `${token.surface}\t${token.basicForm}\t${token.partOfSpeechDetail ?? ''}\t${token.reading ?? ''}`;
  const lexiconKey: object = lexicon ?? NO_LEXICON;
  let japaneseMemo = japaneseMemos.get(lexiconKey);
  if (japaneseMemo === undefined) {
    japaneseMemo = new Map();
    japaneseMemos.set(lexiconKey, japaneseMemo);
  }
  return memoized(japaneseMemo, memoKey, () => {
    const list: string[] = [];
    const kanji = KANJI_SPELLINGS[token.basicForm];
    const glosses =
      lexicon?.glosses(token.basicForm) ??
      lexicon?.glosses(token.surface) ??
      (kanji === undefined ? undefined : lexicon?.glosses(kanji));
    if (glosses) for (const gloss of glosses) list.push(`w:${stemEnglish(gloss)}`);
    const extra = EXTRA_GLOSSES[token.basicForm];
    if (extra) for (const gloss of extra) list.push(`w:${stemEnglish(gloss)}`);
    const katakana = isKatakanaText(token.surface);
    if (katakana) {
      const romaji = romanizeMemoized(token.surface);
      list.push(`r:${foldRomaji(romaji)}`);
      const skeleton = consonantSkeleton(romaji);
      if (skeleton.length >= 3) list.push(`k:${skeleton}`);
    }
    if (token.partOfSpeechDetail === '固有名詞' && token.reading && !katakana) {
      const romaji = romanizeMemoized(token.reading);
      if (romaji.length >= 3) list.push(`r:${foldRomaji(romaji)}`);
    }
    return list;
  });
}

function visibleLength(text: string): number {
  let length = 0;
  for (let index = 0; index < text.length; index++) if (text.charCodeAt(index) > 32) length++;
  return length;
}

const HAS_CAPITAL = /[A-Z]/;

/**
 * Features of an English sentence: each non-stopword word (stem, Latin form, romaji fold for capitalised words,
 * consonant skeleton) and each number.
 */
export function englishSentenceFeatures(text: string, keys: KeyTable): SentenceFeatures {
  const units: (readonly number[])[] = [];
  // The previous word, while it is a content word right before this one.
  let previous: string | undefined;
  for (const word of englishWordTexts(text)) {
    const unit = englishWordUnit(word, keys);
    if (!unit) {
      previous = undefined;
      continue;
    }
    if (previous !== undefined && HAS_CAPITAL.test(word) && HAS_CAPITAL.test(previous)) {
      // Japanese often writes a spaced English name solid (Smart JAMP → SmartJAMP): the joined form is a key of both.
      // Units are shared memo entries: extend copies.
      const joined = keys.intern(`l:${(previous + word).toLowerCase()}`);
      units[units.length - 1] = [...units[units.length - 1]!, joined];
      units.push([...unit, joined]);
    } else units.push(unit);
    previous = word;
  }
  // The number pattern is costly; most sentences without a digit or a month name have no number worth matching.
  const numbers = MAY_HOLD_NUMBER.test(text) ? extractEnglishNumbers(text) : [];
  for (const number of numbers) {
    units.push(numberMatchKeys(number).map((key) => keys.intern(`n:${key}`)));
  }
  return { length: visibleLength(text), units };
}

/** Everything {@link japaneseTokenContribution} reads from a token, joined into one memo key. */
function tokenSignature(token: JapaneseToken): string {
  const { partOfSpeech, partOfSpeechDetail, surface, basicForm, reading } = token;
  return `${partOfSpeech}\t${partOfSpeechDetail ?? ''}\t${surface}\t${basicForm}\t${reading ?? ''}`;
}

/** Works out what a token contributes (see {@link TokenContribution}); pure apart from interning. */
function japaneseTokenContribution(
  token: JapaneseToken,
  keys: KeyTable,
  lexicon: Lexicon | undefined,
): TokenContribution {
  const surface = foldWidth(token.surface);
  if (/^[A-Za-z][A-Za-z0-9.'&-]*$/.test(surface)) {
    const lower = surface.toLowerCase();
    const unit = [keys.intern(`l:${lower}`), keys.intern(`w:${stemEnglish(lower)}`)];
    if (lower.length >= 3) unit.push(keys.intern(`r:${foldRomaji(lower)}`));
    return { kind: 'latin', keys: unit };
  }
  if (!JAPANESE_CONTENT_POS.has(token.partOfSpeech)) return { kind: 'break' };
  // Suffixes such as 市 or 省 still carry meaning: look them up but do not start a unit without glosses.
  const suffix = token.partOfSpeechDetail === '接尾';
  if (
    token.partOfSpeechDetail &&
    JAPANESE_SKIPPED_DETAILS.has(token.partOfSpeechDetail) &&
    !suffix
  ) {
    return { kind: 'break' };
  }
  if (JAPANESE_FUNCTION_VERBS.has(token.basicForm)) return { kind: 'skip' };
  // Short kana are mostly inflection debris; short interjections (はい, うん, ええ) are words.
  const interjection = token.partOfSpeech === '感動詞';
  if (!interjection && /^[\u3041-\u309f]{1,2}$/.test(token.surface)) return { kind: 'skip' };
  const unit = internAll(keys, japaneseTokenKeys(token, lexicon));
  // An interjection or adverb-like noun the lexicon does not gloss (ああ, えっ, 時) would only be a unit nothing can
  // cover: it says nothing about the pairing.
  if ((interjection || token.partOfSpeechDetail === '副詞可能') && unit.length === 0)
    return { kind: 'skip' };
  const name = token.partOfSpeechDetail === '固有名詞' || isKatakanaText(token.surface);
  // A content word the lexicon cannot gloss (and no name) could never be covered: it says nothing about a pairing, so
  // it is not counted, lest it make every bead it sits in look unsupported. Names stay: a run may join them.
  const keepUnit = unit.length > 0 || (name && !suffix);
  if (!name) return { kind: 'content', keys: unit, keepUnit };
  const nameReading = romanizeMemoized(token.reading || token.surface);
  return { kind: 'content', keys: unit, nameReading, keepUnit };
}

/**
 * Features of a Japanese sentence from its morphemes: Latin tokens, lexicon glosses of content words, romaji of
 * katakana words and proper nouns (runs of proper nouns also as one joined reading), and numbers.
 */
export function japaneseSentenceFeatures(
  text: string,
  tokens: readonly JapaneseToken[],
  keys: KeyTable,
  lexicon: Lexicon | undefined,
): SentenceFeatures {
  const units: (readonly number[])[] = [];
  // A run of proper nouns and katakana words (会津 若松, ジョー バイデン): their joined reading is one more key of each.
  let nameRun: { reading: string; units: number[][] } = { reading: '', units: [] };
  const closeNameRun = (): void => {
    if (nameRun.units.length > 1 && nameRun.reading.length >= 3) {
      const id = keys.intern(`r:${foldRomaji(nameRun.reading)}`);
      for (const unit of nameRun.units) unit.push(id);
    }
    if (nameRun.units.length) nameRun = { reading: '', units: [] };
  };
  for (const token of tokens) {
    const signature = tokenSignature(token);
    let contribution = keys.japaneseTokens.get(signature);
    if (!contribution) {
      contribution = japaneseTokenContribution(token, keys, lexicon);
      keys.japaneseTokens.set(signature, contribution);
    }
    switch (contribution.kind) {
      case 'break':
        closeNameRun();
        break;
      case 'skip':
        break;
      case 'latin':
        closeNameRun();
        units.push(contribution.keys);
        break;
      case 'content': {
        let unit = contribution.keys;
        if (contribution.nameReading !== undefined) {
          // Copied: closing the run may add the joined reading to it, and the memoised list is shared.
          const copy = unit.slice();
          nameRun.reading += contribution.nameReading;
          nameRun.units.push(copy);
          unit = copy;
        } else closeNameRun();
        if (contribution.keepUnit) units.push(unit);
        break;
      }
    }
  }
  closeNameRun();
  for (const number of extractJapaneseNumbers(text)) {
    units.push(numberMatchKeys(number).map((key) => keys.intern(`n:${key}`)));
  }
  return { length: visibleLength(text), units };
}

/**
 * Features of many English sentences, in order. A sentence that recurs (headings, boilerplate, short dialogue turns) is
 * worked out once: its features depend only on its text and the key table, and every key of a repeat is interned
 * already, so sharing them changes nothing.
 */
export function englishFeatures(sentences: readonly string[], keys: KeyTable): SentenceFeatures[] {
  const distinct = new Map<string, SentenceFeatures>();
  return sentences.map((sentence) => {
    let features = distinct.get(sentence);
    if (!features) {
      features = englishSentenceFeatures(sentence, keys);
      distinct.set(sentence, features);
    }
    return features;
  });
}

/**
 * Tokenizes and featurizes many Japanese sentences, in order: one tokenizer call per distinct sentence (a repeat shares
 * the features of its first occurrence, as in {@link englishFeatures}).
 */
export function japaneseFeatures(
  sentences: readonly string[],
  tokenizer: JapaneseTokenizer,
  keys: KeyTable,
  lexicon: Lexicon | undefined,
): SentenceFeatures[] {
  const distinct = new Map<string, SentenceFeatures>();
  return sentences.map((sentence) => {
    let features = distinct.get(sentence);
    if (!features) {
      features = japaneseSentenceFeatures(sentence, tokenizer.tokenize(sentence), keys, lexicon);
      distinct.set(sentence, features);
    }
    return features;
  });
}

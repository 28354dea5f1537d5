import type { TextSpan } from '../alignment/types';
import { stemEnglish } from '../anchors/englishWords';
import { kanjiSpell, normalizeNameSpelling } from '../anchors/kanjiReadings';
import { foldRomaji, romanizeKana } from '../anchors/readings';
import { makeFinding } from './messages';
import type { Lexicon } from '../anchors/lexicon';
import type { PairAnalysis } from './pairAnalysis';
import type { EntityCheckSettings } from './settings';
import type { Finding } from './types';

/**
 * Name check: Japanese katakana names against the English words, compared by reading. The katakana is romanised
 * (Hepburn) and reduced to a name key (consonants, l/r and nasals merged), as is the English spelling read the ways a
 * name is transcribed (silent r or gh, soft or hard g). Only name-like katakana counts: a proper noun or a word the
 * tokenizer does not know, and not in the lexicon (loanwords such as ビジネス are a terminology matter). A katakana
 * name that matches no English word is reported, with the English names that found no counterpart (kanji proper
 * nouns are matched by their dictionary reading) as the likely intended name.
 */

const KATAKANA_RUN = /[\u30a1-\u30fa\u30fc]+(?:[・＝=][\u30a1-\u30fa\u30fc]+)*/g;
const ENGLISH_WORD = /[A-Za-z][A-Za-z'’]*/g;

/** Levenshtein distance, for short strings. */
function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}

/**
 * A consonant key for comparing a name's katakana reading with its English spelling: vowels, h, w and y dropped, l and
 * r merged, nasals merged, voiced/unvoiced pairs kept apart. English spellings are read non-rhotically (an r before
 * a consonant or at the end is silent: Geiger ガイガー), with silent gh (Willoughby), ph as f, th as s, ds as z.
 */
export function nameKey(word: string, english: boolean): string {
  let text = word.toLowerCase().replace(/[^a-z]/g, '');
  if (english)
    text = text
      .replace(/gh(?![aeiou])/g, '')
      .replace(/ph/g, 'f')
      .replace(/ch/g, 'sy')
      .replace(/th/g, 's')
      .replace(/ds$/g, 's')
      .replace(/r+(?![aeiouy])/g, '')
      .replace(/ck/g, 'k')
      .replace(/c(?=[eiy])/g, 's')
      .replace(/x/g, 'ks')
      .replace(/q/g, 'k');
  else
    text = text.replace(/tsu/g, 'ts').replace(/ch/g, 'sy').replace(/sh/g, 'sy').replace(/j/g, 'zy');
  return text
    .replace(/c/g, 'k')
    .replace(/[vf]/g, 'b')
    .replace(/z/g, 's')
    .replace(/j/g, 's')
    .replace(/l/g, 'r')
    .replace(/m/g, 'n')
    .replace(/[aeiouyhw]/g, '')
    .replace(/(.)\1+/g, '$1');
}

/**
 * Other ways an English (or European) spelling is read when a name is transcribed into katakana: r before a
 * consonant sounded (Erdogan エルドアン), soft g (Gerrard ジェラード), final ng as n (Pyongyang ピョンヤン), ch as k
 * (Michael マイケル), w as v (Auschwitz アウシュビッツ), j as y (Bjorn ビヨン), ll as y (Villarreal ビジャレアル),
 * gh as g (Pittsburgh ピッツバーグ), pf as f and z as ts (Pfalz ファルツ), cz as ts (Czeisler ツァイスラー), ture as
 * cha (Ventures ベンチャーズ), a silent l before k (Suffolk サフォーク) and cester as ster (Worcester ウースター).
 */
const SPELLING_VARIANTS: readonly (readonly [RegExp, string])[] = [
  [/r(?![aeiouy])/g, 'ru'],
  [/g(?=[eiy])/g, 'j'],
  [/ng(?![aeiou])/g, 'n'],
  [/ch/g, 'k'],
  [/w/g, 'v'],
  [/j/g, 'y'],
  [/ll/g, 'j'],
  [/gh/g, 'g'],
  [/pf/g, 'f'],
  [/cz/g, 'ts'],
  [/(?<!t)z/g, 'ts'],
  [/ture/g, 'cha'],
  [/(?<=[aeiou])l(?=k)/g, ''],
  [/cester/g, 'ster'],
];

/** The comparison forms of one spelling, computed once per word (the check compares every pair of words). */
interface SpellingForms {
  readonly folded: string;
  readonly keys: readonly string[];
}

/**
 * Memo of spelling forms by word and side. NOTE module-level cache: pure (same word, same forms), bounded by
 * clearing when it grows past 200,000 entries.
 */
const formsCache = new Map<string, SpellingForms>();

function spellingForms(word: string, english: boolean): SpellingForms {
  const cacheKey = `${english ? 'e' : 'j'}:${word}`;
  const cached = formsCache.get(cacheKey);
  if (cached) return cached;
  let keys: string[];
  if (english) {
    // Spelling variants: r before a consonant silent (Geiger ガイガー) or sounded (Erdogan エルドアン), g before
    // e/i soft (Gerrard ジェラード) or hard, final ng as n (Pyongyang ピョンヤン).
    let spellings = new Set([word.toLowerCase()]);
    for (const [pattern, replacement] of SPELLING_VARIANTS) {
      const next = new Set(spellings);
      for (const spelling of spellings)
        if (pattern.test(spelling)) next.add(spelling.replace(pattern, replacement));
      spellings = next;
    }
    const variants = new Set([...spellings].map((spelling) => nameKey(spelling, true)));
    keys = [...variants];
  } else keys = [nameKey(word, false)];
  const forms = { folded: foldRomaji(word), keys };
  if (formsCache.size > 200_000) formsCache.clear();
  formsCache.set(cacheKey, forms);
  return forms;
}

/** True when a romanised reading and an English spelling sound alike. */
export function readingsAgree(romaji: string, english: string): boolean {
  const japaneseForms = spellingForms(romaji, false);
  const englishForms = spellingForms(english, true);
  const folded = japaneseForms.folded;
  const englishFolded = englishForms.folded;
  if (folded.length === 0 || englishFolded.length === 0) return false;
  if (folded === englishFolded) return true;
  const a = japaneseForms.keys[0]!;
  if (englishForms.keys.includes(a)) return true;
  const longer = Math.max(folded.length, englishFolded.length);
  const lengthGap = Math.abs(folded.length - englishFolded.length);
  // Edit distances are at least the length gap: skip them when the gap already rules a match out.
  const distance =
    lengthGap <= Math.ceil(0.4 * longer) ? editDistance(folded, englishFolded) : longer;
  const close = distance <= Math.ceil(0.4 * longer);
  // Long names spelled alike once folded (Worcestershire ウースターシャー): at most a third of the letters differ.
  if (distance <= Math.floor(longer / 3) && Math.min(folded.length, englishFolded.length) >= 7)
    return true;
  if (a.length < 3 || !(close || a.length >= 4)) return false;
  return englishForms.keys.some(
    (b) => b.length >= 3 && Math.abs(a.length - b.length) <= 1 && editDistance(a, b) <= 1,
  );
}

/**
 * Country and region names whose usual katakana is not a reading of the English name (ドイツ for Germany), with the
 * English words that stand for them (country, people, adjective).
 */
const EXONYMS: Readonly<Record<string, readonly string[]>> = {
  アメリカ: ['america', 'american', 'americans', 'us', 'usa', 'u.s', 'united states', 'washington'],
  イギリス: ['britain', 'british', 'uk', 'u.k', 'england', 'english', 'united kingdom', 'brexit'],
  イングランド: ['england', 'english'],
  ドイツ: ['germany', 'german', 'germans'],
  オランダ: ['netherlands', 'dutch', 'holland'],
  スイス: ['switzerland', 'swiss'],
  トルコ: ['turkey', 'turkish', 'turk', 'turks'],
  ギリシャ: ['greece', 'greek', 'athens'],
  スペイン: ['spain', 'spanish', 'madrid'],
  ヨーロッパ: ['europe', 'european', 'eu'],
  ユダヤ: ['jew', 'jews', 'jewish', 'judaism', 'antisemitism'],
  イスラム: ['islam', 'islamic', 'muslim', 'muslims'],
  キリスト: ['christ', 'christian', 'christians', 'christianity'],
  フィリピン: ['philippines', 'filipino'],
  ロシア: ['russia', 'russian', 'moscow'],
  フランス: ['france', 'french', 'paris'],
  デンマーク: ['denmark', 'danish'],
  ポーランド: ['poland', 'polish'],
  スウェーデン: ['sweden', 'swedish'],
  ノルウェー: ['norway', 'norwegian'],
  フィンランド: ['finland', 'finnish'],
  ウェールズ: ['wales', 'welsh'],
  スコットランド: ['scotland', 'scottish', 'scots'],
  アイルランド: ['ireland', 'irish'],
  カタルーニャ: ['catalonia', 'catalan'],
  ソビエト: ['soviet', 'ussr'],
  ウィーン: ['vienna'],
  ワシントン: ['washington', 'd.c'],
  モスクワ: ['moscow'],
  ローマ: ['rome', 'roman'],
  ベネチア: ['venice'],
  ミュンヘン: ['munich'],
  ケルン: ['cologne'],
};

/** Part of a katakana word the tokenizer calls a proper noun or does not know: the name-like part. */
interface KatakanaPart {
  readonly text: string;
  readonly romaji: string;
  /** True when the tokenizer's dictionary does not know the word (no reading): a foreign name more often than not. */
  readonly unknown: boolean;
}

/** A katakana word of the Japanese side and its reading keys. */
interface KatakanaName {
  readonly text: string;
  readonly span: TextSpan;
  readonly romaji: string;
  /** Name-like parts (split at ・ and at the tokenizer's word boundaries). */
  readonly parts: readonly KatakanaPart[];
}

/** Romanises katakana with ウィ/ウェ/ウォ read as wi/we/wo (wanakana reads them ui/ue/uo). */
function readKatakana(kana: string): string {
  return romanizeKana(kana.replace(/ウィ/g, 'ヰ').replace(/ウェ/g, 'ヱ').replace(/ウォ/g, 'ヲ'));
}

/**
 * True when a katakana word is a compound of known words (ライディングチーム, デザートアイランドディスク): lexicon
 * loanwords or country names of two characters or more, covering it whole. Such a compound is a common noun or a
 * title made of common words, not a name to read against the English.
 */
function isLoanwordCompound(word: string, lexicon: Lexicon | undefined): boolean {
  if (!lexicon) return false;
  const letters = word.replace(/[・＝=]/g, '');
  // pieces[i]: fewest known words covering letters[0, i), or undefined when none does.
  const pieces: (number | undefined)[] = [0];
  for (let end = 2; end <= letters.length; end++)
    for (let start = Math.max(0, end - 12); start <= end - 2; start++) {
      const before = pieces[start];
      if (before === undefined) continue;
      const piece = letters.slice(start, end);
      if (!lexicon.glosses(piece) && !(piece in EXONYMS)) continue;
      if (pieces[end] === undefined || pieces[end]! > before + 1) pieces[end] = before + 1;
    }
  return (pieces[letters.length] ?? 0) >= 2;
}

/** Katakana words with at least one name-like part: a proper noun or a word the tokenizer and lexicon do not know. */
function katakanaNames(pair: PairAnalysis, minimumLength: number): KatakanaName[] {
  const names: KatakanaName[] = [];
  for (const match of pair.ja.matchAll(KATAKANA_RUN)) {
    const written = match[0];
    if (written.replace(/[・＝=ー]/g, '').length < minimumLength) continue;
    const span = { start: match.index, end: match.index + written.length };
    if (pair.lexicon?.glosses(written) || isLoanwordCompound(written, pair.lexicon)) continue;
    // ビジネス, チーム are loanwords (a terminology matter, not a name): only unknown words and proper nouns count.
    const parts: KatakanaPart[] = [];
    for (const token of pair.jaTokens) {
      const tokenEnd = token.start + token.surface.length;
      if (tokenEnd <= span.start || token.start >= span.end) continue;
      const nameLike = token.partOfSpeechDetail === '固有名詞' || !token.reading;
      if (!nameLike || pair.lexicon?.glosses(token.surface)) continue;
      for (const piece of token.surface.split(/[・＝=]/))
        if (piece.replace(/ー/g, '').length >= 2)
          parts.push({ text: piece, romaji: readKatakana(piece), unknown: !token.reading });
    }
    if (parts.length === 0) continue;
    names.push({ text: written, span, romaji: readKatakana(written), parts });
  }
  return names;
}

interface EnglishName {
  readonly text: string;
  readonly span: TextSpan;
}

/** Capitalised words that are not names: days, months, titles, pronouns. */
const NOT_NAMES = new Set(
  `monday tuesday wednesday thursday friday saturday sunday january february march april may june july august
  september october november december mr mrs ms dr sen rep gov gen prof president minister prime secretary chairman
  chief director king queen prince princess lord sir lady the this that there these those it he she we they you his
  her their our my its i a an and but or if when while as in on at of for to by with from after before`.split(
    /\s+/,
  ),
);

/** English words without a possessive ending. */
function englishWordList(text: string): EnglishName[] {
  return [...text.matchAll(ENGLISH_WORD)].map((match) => {
    const word = match[0].replace(/['’]s?$/, '');
    return { text: word, span: { start: match.index, end: match.index + word.length } };
  });
}

/** Capitalised English words: proper-name candidates. */
function englishNames(text: string): EnglishName[] {
  return englishWordList(text).filter(
    (word) =>
      /^[A-Z][a-z]/.test(word.text) &&
      word.text.length >= 3 &&
      !NOT_NAMES.has(word.text.toLowerCase()),
  );
}

/** Spellings of an English word to try: as written, and without a demonym ending (Belgian → Belgi). */
function englishForms(word: string): string[] {
  const stripped = word.replace(/(?:ians?|ans?|ese|ish|s)$/i, '');
  return stripped.length >= 3 && stripped !== word ? [word, stripped] : [word];
}

/**
 * Compares the names of one pair by reading.
 * @returns one finding per Japanese katakana name that matches no English word, and per kanji proper noun that reads
 *   as no English word while a Japanese-spelled English name (Tanaka, HAYASHI) finds no counterpart
 */
export function checkEntities(pair: PairAnalysis, settings: EntityCheckSettings): Finding[] {
  if (!settings.enabled) return [];
  return [...checkKatakanaNames(pair, settings), ...checkKanjiNames(pair)];
}

/** True when `word` can be read as Hepburn romaji of a Japanese name (Tanaka, HAYASHI, Ohno, Ōno, Kenichi). */
function isJapaneseSpelling(word: string): boolean {
  return /^(?:(?:[kgsztdnhbpmrfj]|sh|ch|ts|[kgnhbpmr]y|w|y)?[aeiou]|n(?![aeiouy])|([kstpc])(?=\1|h))+$/.test(
    normalizeNameSpelling(word),
  );
}

/** A kanji proper noun of the Japanese side, as one token of the tokenizer. */
interface KanjiName {
  readonly text: string;
  readonly span: TextSpan;
  /** The tokenizer's reading, romanised, when it has one. */
  readonly reading?: string;
  /**
   * The name with the kanji tokens right after it, up to four kanji in all: a given name the tokenizer cut (晋 + 三
   * for 晋三) is read whole.
   */
  readonly extensions: readonly string[];
}

const KANJI_ONLY = /^\p{Script=Han}+$/u;

/** Kanji tokens the tokenizer takes for a person's name (surname or given name: 林, 俊行, 長澤). */
function kanjiNames(pair: PairAnalysis): KanjiName[] {
  const tokens = pair.jaTokens;
  const names: KanjiName[] = [];
  tokens.forEach((token, index) => {
    if (!KANJI_ONLY.test(token.surface) || token.properNounKind !== '人名') return;
    const extensions: string[] = [];
    let text = token.surface;
    for (let next = index + 1; next < tokens.length; next++) {
      const following = tokens[next]!;
      const previous = tokens[next - 1]!;
      if (following.start !== previous.start + previous.surface.length) break;
      if (!KANJI_ONLY.test(following.surface) || [...(text + following.surface)].length > 4) break;
      text += following.surface;
      extensions.push(text);
    }
    names.push({
      text: token.surface,
      span: { start: token.start, end: token.start + token.surface.length },
      ...(token.reading ? { reading: romanizeKana(token.reading) } : {}),
      extensions,
    });
  });
  return names;
}

/** True when a kanji name reads as `word`: by the tokenizer's reading, or one KANJIDIC reading per kanji. */
function kanjiNameReads(name: KanjiName, word: string, pair: PairAnalysis): boolean {
  if (name.reading && foldRomaji(name.reading) === foldRomaji(word)) return true;
  const table = pair.kanjiReadings;
  if (!table) return false;
  return [name.text, ...name.extensions].some((kanji) => kanjiSpell(kanji, word, table));
}

/**
 * Kanji names against Japanese-spelled English names: a kanji person's name that reads as no English word (by the
 * tokenizer's reading or one KANJIDIC reading per kanji) is reported when an English surname spelled like Japanese
 * (after a title, or in capitals) is left without a counterpart: 佐藤氏 where the English says Mr. Tanaka. A kanji
 * name the English does not give at all (the translator named someone the English calls "he") is left alone.
 */
function checkKanjiNames(pair: PairAnalysis): Finding[] {
  const names = kanjiNames(pair);
  if (names.length === 0) return [];
  const words = englishWordList(pair.en).filter((word) => /^[A-Z]/.test(word.text));
  const glossStems = new Set<string>();
  for (const name of names)
    for (const gloss of pair.lexicon?.glosses(name.text) ?? [])
      for (const word of gloss.split(/\s+/)) glossStems.add(stemEnglish(word));
  const unmatchedNames = names.filter(
    (name) =>
      !words.some((word) => kanjiNameReads(name, word.text, pair)) &&
      !words.some((word) => glossStems.has(stemEnglish(word.text))),
  );
  if (unmatchedNames.length === 0) return [];
  const japaneseFolded = pair.ja.normalize('NFKC').toLowerCase();
  const katakanaReadings = [...pair.ja.matchAll(KATAKANA_RUN)].map((match) =>
    readKatakana(match[0]),
  );
  // A surname the English gives as such: after a title (Mr. Tanaka) or in capitals beside the given name (HAYASHI
  // Toshiyuki). A given name alone (Kaname) is often rendered by the surname (長澤さん), which is no error; a word in
  // capitals alone is a dateline or an acronym (TOKYO (Reuters), NASA).
  const beside = (word: EnglishName, other: EnglishName | undefined): boolean =>
    other !== undefined &&
    /^[A-Z][a-z]/.test(other.text) &&
    /^\s+$/.test(
      pair.en.slice(
        Math.min(word.span.end, other.span.end),
        Math.max(word.span.start, other.span.start),
      ),
    );
  const surnameLike = (word: EnglishName, index: number): boolean =>
    (/^[A-Z]{3,}$/.test(word.text) &&
      (beside(word, words[index - 1]) || beside(word, words[index + 1]))) ||
    /\b(?:Mr|Mrs|Ms|Dr|Prof|Sen|Rep|Gov|Mayor|Minister|Ambassador)\.?\s+$/.test(
      pair.en.slice(0, word.span.start),
    );
  // Readings of every Japanese word: a capitalised English word one of them reads as (TOKYO ↔ 東京) is not left over.
  const tokenReadings = new Set(
    pair.jaTokens.flatMap((token) =>
      token.reading ? [foldRomaji(romanizeKana(token.reading))] : [],
    ),
  );
  const leftOver = words.filter(
    (word, index) =>
      word.text.length >= 3 &&
      !NOT_NAMES.has(word.text.toLowerCase()) &&
      surnameLike(word, index) &&
      !tokenReadings.has(foldRomaji(word.text)) &&
      isJapaneseSpelling(word.text) &&
      !japaneseFolded.includes(word.text.toLowerCase()) &&
      !names.some((name) => kanjiNameReads(name, word.text, pair)) &&
      !katakanaReadings.some((reading) => foldRomaji(reading) === foldRomaji(word.text)),
  );
  if (leftOver.length === 0) return [];
  const englishList = leftOver.map((word) => word.text).join(', ');
  return unmatchedNames.map((name) => {
    const reading = name.reading ?? readingList(name.text, pair);
    return makeFinding(
      'entity-unmatched-in-translation',
      { target: name.text, reading },
      `Japanese ${name.text} reads "${reading}"; English names without a counterpart: ${englishList}`,
      { ja: name.span, en: leftOver[0]!.span },
    );
  });
}

/** A kanji name's readings by KANJIDIC, for the evidence when the tokenizer has none (一つ目 + …). */
function readingList(kanji: string, pair: PairAnalysis): string {
  const readings = [...kanji].map((character) => pair.kanjiReadings?.readings(character)[0] ?? '?');
  return readings.join('');
}

/** Katakana names against the English words (see `checkEntities`). */
function checkKatakanaNames(pair: PairAnalysis, settings: EntityCheckSettings): Finding[] {
  const katakana = katakanaNames(pair, settings.minimumKatakanaLength);
  if (katakana.length === 0) return [];
  const englishWords = englishWordList(pair.en).map((word) => word.text);
  const englishLower = new Set(englishWords.map((word) => word.toLowerCase()));
  const englishText = pair.en.toLowerCase();
  // Two readings of the English. Strict: capitalised words and runs holding one (New York ↔ ニューヨーク), and single
  // lower-case words (loanwords). Loose: also runs of lower-case words (paragliding community ↔
  // パラグライディングコミュニティ), which a name reads like now and then by chance ("something" ~ ジョンソン).
  const isCapitalised = (word: string): boolean => /^[A-Z]/.test(word);
  const strictKeys = new Set<string>();
  const looseKeys = new Set<string>();
  englishWords.forEach((word, index) => {
    for (const form of englishForms(word)) strictKeys.add(form);
    const run = [word];
    for (let next = index + 1; next < Math.min(englishWords.length, index + 3); next++) {
      run.push(englishWords[next]!);
      (run.some(isCapitalised) ? strictKeys : looseKeys).add(run.join(''));
    }
  });
  const englishStems = new Set(englishWords.map((word) => stemEnglish(word)));
  const strictWords = [...strictKeys];
  const looseWords = [...looseKeys];
  const matchesStrictly = (romaji: string): boolean =>
    strictWords.some((word) => readingsAgree(romaji, word));
  const matchesLoosely = (romaji: string): boolean =>
    matchesStrictly(romaji) || looseWords.some((word) => readingsAgree(romaji, word));
  const exonymMatches = (name: KatakanaName): boolean =>
    Object.entries(EXONYMS).some(
      ([japanese, english]) =>
        name.text.includes(japanese) &&
        english.some((word) =>
          /[ .]/.test(word) ? englishText.includes(word) : englishLower.has(word),
        ),
    );
  const lexiconMatches = (name: KatakanaName): boolean =>
    (pair.lexicon?.glosses(name.text) ?? []).some((gloss) =>
      gloss.split(/\s+/).some((word) => englishStems.has(stemEnglish(word))),
    );
  const unmatchedKatakana = katakana.filter(
    (name) =>
      !exonymMatches(name) &&
      !lexiconMatches(name) &&
      !matchesStrictly(name.romaji) &&
      !name.parts.some((part) => matchesStrictly(part.romaji)),
  );
  if (unmatchedKatakana.length === 0) return [];
  // Readings of Japanese words the English names may stand for: katakana, and kanji proper nouns (安倍 → abe).
  const japaneseReadings = [
    ...[...pair.ja.matchAll(KATAKANA_RUN)].flatMap((match) => [
      readKatakana(match[0]),
      ...match[0].split(/[・＝=]/).map(readKatakana),
    ]),
    ...pair.jaTokens
      .filter((token) => token.reading && token.partOfSpeechDetail === '固有名詞')
      .map((token) => romanizeKana(token.reading!)),
  ];
  const japaneseFolded = pair.ja.normalize('NFKC').toLowerCase();
  const kanji = kanjiNames(pair);
  // English words the Japanese words' dictionary glosses stand for (Parliament ↔ 議会).
  const glossStems = new Set<string>();
  for (const token of pair.jaTokens)
    for (const gloss of pair.lexicon?.glosses(token.basicForm) ?? [])
      for (const word of gloss.split(/\s+/)) glossStems.add(stemEnglish(word));
  const exonymWords = new Set(
    Object.entries(EXONYMS)
      .filter(([japanese]) => pair.ja.includes(japanese))
      .flatMap(([, english]) => english),
  );
  const unmatchedEnglish = englishNames(pair.en).filter(
    (name) =>
      !japaneseFolded.includes(name.text.toLowerCase()) &&
      !glossStems.has(stemEnglish(name.text)) &&
      !exonymWords.has(name.text.toLowerCase()) &&
      !japaneseReadings.some((reading) =>
        englishForms(name.text).some((form) => readingsAgree(reading, form)),
      ) &&
      !kanji.some((kanjiName) => kanjiNameReads(kanjiName, name.text, pair)),
  );
  // A name matched only by the loose reading stands unless an English name (not just a capitalised first word) is
  // left without a counterpart: then the loose match was most likely chance.
  const sentenceInitial = (name: EnglishName): boolean =>
    /(?:^|[.!?:;]\s+|["“‘'(]\s*)$/.test(pair.en.slice(0, name.span.start));
  const nameLeftOver = unmatchedEnglish.some((name) => !sentenceInitial(name));
  const reported = unmatchedKatakana.filter(
    (name) =>
      nameLeftOver ||
      !(matchesLoosely(name.romaji) || name.parts.some((part) => matchesLoosely(part.romaji))),
  );
  const englishList = unmatchedEnglish.map((name) => name.text).join(', ') || 'none';
  return reported.map((name) =>
    makeFinding(
      'entity-unmatched-in-translation',
      { target: name.text, reading: name.romaji },
      `Japanese ${name.text} reads "${name.romaji}"; English names without a counterpart: ${englishList}`,
      unmatchedEnglish[0] ? { ja: name.span, en: unmatchedEnglish[0].span } : { ja: name.span },
    ),
  );
}

import { romanizeKana } from './readings';

/**
 * Readings of single kanji (from KANJIDIC: name readings, kun and on), for reading a kanji name the tokenizer's
 * dictionary does not know, or knows with another reading (俊行 トシユキ or シュンコウ): the name check asks whether
 * an English word can be spelled by one reading of each kanji in turn. Pure: the table is parsed from text that the
 * Node side reads (data/kanjidic/kanji-readings.tsv).
 */

/** Readings by kanji, in Hepburn romaji (lower case). */
export interface KanjiReadings {
  /**
   * The romaji forms of one kanji's readings (empty when the table does not have it): each reading as romanised, and
   * with a final long vowel written short as English spellings of names do (藤 tou, to; 大 oo, o).
   */
  readings(kanji: string): readonly string[];
  /**
   * Readings ending in つ/ち/く/き with that syllable clipped, as before a doubled consonant in compounds (一平
   * ip-pei, 吉川 kik-kawa).
   */
  clipped(kanji: string): readonly string[];
}

/** A reading and, when it ends in a long vowel (ou, uu, oo, ei…), the same written short. */
function withShortEnding(romaji: string): string[] {
  const short = romaji.replace(/(?:ou|oo|uu|aa|ii)$/, (long) => long[0]!);
  return short === romaji ? [romaji] : [romaji, short];
}

/** Voiced forms of a reading's first consonant, as in compounds (山田 yama + da, 中島 naka + jima). */
function withRendaku(reading: string): string[] {
  const voiced = reading
    .replace(/^k/, 'g')
    .replace(/^sh/, 'j')
    .replace(/^s/, 'z')
    .replace(/^ch/, 'j')
    .replace(/^ts/, 'z')
    .replace(/^t/, 'd')
    .replace(/^h/, 'b')
    .replace(/^f/, 'b');
  const half = reading.replace(/^[hf]/, 'p');
  return [...new Set([reading, voiced, half])];
}

/**
 * An English spelling of a Japanese name as the readings are written: lower case, macrons dropped (Ōno → ono), oh
 * before a consonant or at the end written o (Ohno, Satoh), m before b, m or p written n (Homma, Sampei).
 */
export function normalizeNameSpelling(word: string): string {
  return word
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '')
    .replace(/oh(?![aeiouy])/g, 'o')
    .replace(/m(?=[bmp])/g, 'n');
}

/**
 * Parses the table: one kanji a line, a tab, its readings in kana separated by spaces; `#` lines are comments.
 * @param text the file's text
 */
export function parseKanjiReadings(text: string): KanjiReadings {
  const table = new Map<string, string[]>();
  const clippedTable = new Map<string, string[]>();
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const [kanji, readings] = line.split('\t');
    if (!kanji || !readings) continue;
    const forms = new Set<string>();
    const clipped = new Set<string>();
    for (const reading of readings.split(' ')) {
      const romaji = romanizeKana(reading).replace(/[^a-z]/g, '');
      if (!romaji) continue;
      for (const form of withShortEnding(romaji)) forms.add(form);
      const stem = romaji.replace(/(?:tsu|chi|ku|ki)$/, '');
      if (stem !== romaji && stem.length > 0) clipped.add(stem);
    }
    table.set(kanji, [...forms]);
    if (clipped.size > 0) clippedTable.set(kanji, [...clipped]);
  }
  return {
    readings: (kanji) => table.get(kanji) ?? [],
    clipped: (kanji) => clippedTable.get(kanji) ?? [],
  };
}

/**
 * True when `word` (an English-spelled Japanese name: `Toshiyuki`, `HAYASHI`, `Yamada`, `Ohno`) can be read as the
 * kanji of `kanji` in order, one reading each (a later kanji may take its voiced form, a clipped reading doubles the
 * next consonant), the word normalised by `normalizeNameSpelling`.
 * @param kanji a run of kanji (a surname, a given name, or both)
 * @param word romaji as written in English
 */
export function kanjiSpell(kanji: string, word: string, table: KanjiReadings): boolean {
  const target = normalizeNameSpelling(word);
  const characters = [...kanji];
  if (target.length === 0 || characters.length === 0) return false;
  // Offsets into `target` the kanji so far can spell; a clipped reading leaves the next one to start doubled.
  let reachable = new Set([0]);
  let doubled = new Set<number>();
  for (const [index, character] of characters.entries()) {
    const readings = table.readings(character);
    if (readings.length === 0) return false;
    const next = new Set<number>();
    const nextDoubled = new Set<number>();
    const forms = readings.flatMap((reading) => (index === 0 ? [reading] : withRendaku(reading)));
    for (const form of forms) {
      for (const start of reachable)
        if (target.startsWith(form, start)) next.add(start + form.length);
      for (const start of doubled)
        if (target[start] === form[0] && target.startsWith(form, start + 1))
          next.add(start + 1 + form.length);
    }
    if (index + 1 < characters.length)
      for (const stem of table.clipped(character))
        for (const start of reachable)
          if (target.startsWith(stem, start)) nextDoubled.add(start + stem.length);
    if (next.size === 0 && nextDoubled.size === 0) return false;
    reachable = next;
    doubled = nextDoubled;
  }
  return reachable.has(target.length);
}

import { foldRomaji, romanizeKana } from './readings';

/**
 * Readings of single kanji (from KANJIDIC: name readings, kun and on), for reading a kanji name the tokenizer's
 * dictionary does not know, or knows with another reading (俊行 トシユキ or シュンコウ): the name check asks whether
 * an English word can be spelled by one reading of each kanji in turn. Pure: the table is parsed from text that the
 * Node side reads (data/kanjidic/kanji-readings.tsv).
 */

/** Readings by kanji, romanised and folded (`foldRomaji`). */
export interface KanjiReadings {
  /** The folded romaji readings of one kanji (empty when the table does not have it). */
  readings(kanji: string): readonly string[];
  /**
   * Readings ending in つ/ち/く/き with that syllable clipped, as before a doubled consonant in compounds (一平
   * ip-pei, 吉川 kik-kawa).
   */
  clipped(kanji: string): readonly string[];
}

/** Voiced forms of a reading's first consonant, as in compounds (山田 yama + da, 中島 naka + jima). */
function withRendaku(reading: string): string[] {
  const voiced = reading
    .replace(/^k/, 'g')
    .replace(/^s/, 'z')
    .replace(/^t/, 'd')
    .replace(/^h/, 'b');
  const half = reading.replace(/^h/, 'p');
  return [...new Set([reading, voiced, half])];
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
    const folded = new Set<string>();
    const clipped = new Set<string>();
    for (const reading of readings.split(' ')) {
      const romaji = foldRomaji(romanizeKana(reading));
      if (romaji) folded.add(romaji);
      if (/(?:tu|ti|ku|ki)$/.test(romaji) && romaji.length > 2) clipped.add(romaji.slice(0, -2));
    }
    table.set(kanji, [...folded]);
    if (clipped.size > 0) clippedTable.set(kanji, [...clipped]);
  }
  return {
    readings: (kanji) => table.get(kanji) ?? [],
    clipped: (kanji) => clippedTable.get(kanji) ?? [],
  };
}

/**
 * True when `word` (an English-spelled Japanese name: `Toshiyuki`, `HAYASHI`, `Yamada`) can be read as the kanji of
 * `kanji` in order, one reading each (a later kanji may take its voiced form), after both are folded the same way.
 * @param kanji a run of kanji (a surname, a given name, or both)
 * @param word romaji as written in English
 */
export function kanjiSpell(kanji: string, word: string, table: KanjiReadings): boolean {
  const target = foldRomaji(word);
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

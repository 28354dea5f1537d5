/**
 * The bilingual keyword lexicon (derived from EDICT; see data/lexicon/README.md): Japanese headword → English words.
 * Pure: the caller reads the file and passes its text.
 */

/** Looks up English gloss words for a Japanese word. */
export interface Lexicon {
  /**
   * @param headword a Japanese word in dictionary form (`開催`, `スマート`, `確認`)
   * @returns lower-case English content words, or undefined when the word is not in the lexicon
   */
  glosses(headword: string): readonly string[] | undefined;
  /** Number of headwords. */
  readonly size: number;
  /** Length of the longest headword, in UTF-16 code units (bounds longest-match lookups). */
  readonly longestHeadword: number;
  /**
   * Longest-match lookup for dictionary tokenizing.
   * @param text the text being split
   * @param index UTF-16 offset in `text` where the match must start
   * @param maxLength longest match wanted, in UTF-16 code units
   * @returns the length (UTF-16 code units) of the longest headword equal to `text.slice(index, index + length)`
   *   with length ≤ maxLength, or 0 when none is
   */
  longestHeadwordAt(text: string, index: number, maxLength: number): number;
}

/**
 * Which headword lengths exist for each two-character start (and which single characters are headwords), so that a
 * longest-match lookup only tries lengths that can match: most positions in a text then cost one integer-keyed map
 * lookup instead of one string lookup per candidate length. Lengths above 31 are not indexed (headwords are ≤ 6).
 */
class HeadwordStarts {
  /** Key: first code unit × 65536 + second; value: bit L set when a headword of length L ≥ 2 starts so. */
  private readonly lengthsByStart = new Map<number, number>();
  private readonly singles = new Set<number>();

  constructor(headwords: Iterable<string>) {
    for (const headword of headwords) {
      if (headword.length === 1) this.singles.add(headword.charCodeAt(0));
      else if (headword.length <= 31) {
        const start = headword.charCodeAt(0) * 65536 + headword.charCodeAt(1);
        this.lengthsByStart.set(
          start,
          (this.lengthsByStart.get(start) ?? 0) | (1 << headword.length),
        );
      }
    }
  }

  longestAt(
    text: string,
    index: number,
    maxLength: number,
    isHeadword: (word: string) => boolean,
  ): number {
    if (maxLength <= 0 || index >= text.length) return 0;
    if (maxLength >= 2 && index + 1 < text.length) {
      const start = text.charCodeAt(index) * 65536 + text.charCodeAt(index + 1);
      const usable = maxLength >= 31 ? -1 : (1 << (maxLength + 1)) - 1;
      let lengths = (this.lengthsByStart.get(start) ?? 0) & usable;
      while (lengths !== 0) {
        const length = 31 - Math.clz32(lengths);
        if (isHeadword(text.slice(index, index + length))) return length;
        lengths &= ~(1 << length);
      }
    }
    return this.singles.has(text.charCodeAt(index)) ? 1 : 0;
  }
}

/**
 * Parses the lexicon file format: one `HEADWORD<TAB>word word…` a line, `#` comment lines ignored.
 * Gloss lists are split on first lookup.
 */
export function parseLexicon(fileText: string): Lexicon {
  const raw = new Map<string, string>();
  let longestHeadword = 0;
  let position = 0;
  while (position < fileText.length) {
    let lineEnd = fileText.indexOf('\n', position);
    if (lineEnd < 0) lineEnd = fileText.length;
    if (fileText.charCodeAt(position) !== 35 /* # */) {
      const tab = fileText.indexOf('\t', position);
      if (tab > position && tab < lineEnd) {
        const headword = fileText.slice(position, tab);
        raw.set(headword, fileText.slice(tab + 1, lineEnd));
        if (headword.length > longestHeadword) longestHeadword = headword.length;
      }
    }
    position = lineEnd + 1;
  }
  const split = new Map<string, readonly string[]>();
  const starts = new HeadwordStarts(raw.keys());
  const isHeadword = (word: string): boolean => raw.has(word);
  return {
    size: raw.size,
    longestHeadword,
    longestHeadwordAt: (text, index, maxLength) =>
      starts.longestAt(text, index, maxLength, isHeadword),
    glosses(headword: string): readonly string[] | undefined {
      const cached = split.get(headword);
      if (cached) return cached;
      const words = raw.get(headword);
      if (words === undefined) return undefined;
      const list = words.split(' ').filter(Boolean);
      split.set(headword, list);
      return list;
    },
  };
}

/** Builds a lexicon from entries in memory (tests, small custom glossaries). */
export function lexiconFromEntries(entries: Readonly<Record<string, readonly string[]>>): Lexicon {
  const map = new Map(Object.entries(entries));
  const starts = new HeadwordStarts(map.keys());
  const isHeadword = (word: string): boolean => map.has(word);
  return {
    size: map.size,
    longestHeadword: Math.max(0, ...[...map.keys()].map((key) => key.length)),
    longestHeadwordAt: (text, index, maxLength) =>
      starts.longestAt(text, index, maxLength, isHeadword),
    glosses: (headword) => map.get(headword),
  };
}

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
  return {
    size: raw.size,
    longestHeadword,
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
  return {
    size: map.size,
    longestHeadword: Math.max(0, ...[...map.keys()].map((key) => key.length)),
    glosses: (headword) => map.get(headword),
  };
}

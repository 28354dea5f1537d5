import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cachedTokenizer } from '../../../core/anchors/japaneseTokens';
import { parseKanjiReadings, type KanjiReadings } from '../../../core/anchors/kanjiReadings';
import { parseLexicon } from '../../../core/anchors/lexicon';
import { projectRoot } from '../appInfo';
import type { CheckResources } from '../../../core/checks/pairAnalysis';
import { ServiceError } from '../serviceError';
import type {
  AlignmentResources,
  JapaneseToken,
  JapaneseTokenizer,
} from '../../../core/alignment/resources';
import { buildKuromojiSync, createFastKuromoji, kuromojiDictionaryPath } from './kuromojiTokenizer';

/**
 * Node-side loading of the aligner's resources: the kuromoji tokenizer (its IPADIC dictionary: ~0.5 s and ~300 MB to
 * load) and the EDICT keyword lexicon (data/lexicon/edict-keywords.tsv, ~0.2 s). Loaded once per process and cached.
 * The kuromoji dictionary is loaded only when a text is first tokenized with it. Tokens come from the fast lattice
 * builder of kuromojiTokenizer.ts (kuromoji's tokens, several times faster), and the tokens of the texts tokenized
 * last are kept, so that realigning or checking the same document does not tokenize it again.
 */

/**
 * Where the lexicon file lives. Found from the package root, not from this module's folder: bundled into the Electron
 * main (out/main/index.js) this module sits at another depth than in the source tree.
 */
export const lexiconPath = join(projectRoot(), 'data/lexicon/edict-keywords.tsv');

/**
 * How many characters of Japanese text the tokenizer keeps the tokens of: a 10,000-sentence document (~600,000
 * characters) and more; tokens take ~65 bytes a character, so at most ~65 MB.
 */
const TOKEN_CACHE_CHARACTERS = 1_000_000;

/** Set once kuromoji's dictionary is loaded in this thread. */
let kuromojiLoaded = false;

/** A kuromoji tokenizer that loads its dictionary on the first call to `tokenize` (then keeps it). */
function lazyKuromoji(): JapaneseTokenizer {
  let tokenizer: JapaneseTokenizer | undefined;
  return {
    tokenize(text: string): readonly JapaneseToken[] {
      if (!tokenizer) {
        const { tokenizer: kuromoji, trie } = buildKuromojiSync(kuromojiDictionaryPath());
        tokenizer = cachedTokenizer(createFastKuromoji(kuromoji, trie), TOKEN_CACHE_CHARACTERS);
        kuromojiLoaded = true;
      }
      return tokenizer.tokenize(text);
    },
  };
}

/** True once this thread has loaded kuromoji's dictionary (the lexicon loads before it). */
export function japaneseDictionaryLoaded(): boolean {
  return kuromojiLoaded;
}

let cached: Promise<AlignmentResources> | undefined;

/**
 * Loads (once) and returns the lexicon and the kuromoji tokenizer (whose dictionary loads on first use). Safe to call
 * many times: every caller shares one promise. If the lexicon file is missing the aligner still works, with numbers,
 * names and Latin tokens only.
 */
export function loadAlignmentResources(): Promise<AlignmentResources> {
  cached ??= (async () => {
    const lexicon = existsSync(lexiconPath)
      ? parseLexicon(readFileSync(lexiconPath, 'utf8'))
      : undefined;
    return { japaneseTokenizer: lazyKuromoji(), ...(lexicon ? { lexicon } : {}) };
  })();
  cached.catch(() => {
    cached = undefined;
  });
  return cached;
}

/** Where the kanji reading table (derived from KANJIDIC) lives; found from the package root like the lexicon. */
export const kanjiReadingsPath = join(projectRoot(), 'data/kanjidic/kanji-readings.tsv');

let kanjiReadings: KanjiReadings | undefined;

/**
 * The automatic checks' resources: the aligner's tokenizer and lexicon (`loadAlignmentResources`), so a process or
 * worker that aligns and checks loads kuromoji's dictionary once, and the kanji reading table (~0.1 MB, read once).
 * Throws when there is no Japanese tokenizer; without the kanji table, kanji names are read by the tokenizer only.
 */
export async function loadCheckResources(): Promise<CheckResources> {
  const resources = await loadAlignmentResources();
  if (!resources.japaneseTokenizer)
    throw new ServiceError('failed', 'the Japanese tokenizer could not be loaded');
  kanjiReadings ??= existsSync(kanjiReadingsPath)
    ? parseKanjiReadings(readFileSync(kanjiReadingsPath, 'utf8'))
    : undefined;
  return {
    japaneseTokenizer: resources.japaneseTokenizer,
    ...(resources.lexicon ? { lexicon: resources.lexicon } : {}),
    ...(kanjiReadings ? { kanjiReadings } : {}),
  };
}

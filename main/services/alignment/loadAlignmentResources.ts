import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import kuromoji from 'kuromoji';
import { parseLexicon } from '../../../core/anchors/lexicon';
import type { AlignmentResources, JapaneseToken, JapaneseTokenizer } from '../../../core/alignment/resources';

/**
 * Node-side loading of the aligner's resources: the kuromoji tokenizer (its IPADIC dictionary, ~1 s to load) and the
 * EDICT keyword lexicon (data/lexicon/edict-keywords.tsv). Loaded once per process, lazily, and cached.
 */

const here = dirname(fileURLToPath(import.meta.url));
const repositoryRoot = resolve(here, '../../..');

/** Where the lexicon file lives. */
export const lexiconPath = join(repositoryRoot, 'data/lexicon/edict-keywords.tsv');

function kuromojiDictionaryPath(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('kuromoji/package.json')), 'dict');
}

/** Wraps a kuromoji tokenizer in core's interface. */
function adaptKuromoji(tokenizer: kuromoji.Tokenizer<kuromoji.IpadicFeatures>): JapaneseTokenizer {
  return {
    tokenize(text: string): JapaneseToken[] {
      return tokenizer.tokenize(text).map((token) => ({
        surface: token.surface_form,
        start: Math.max(0, token.word_position - 1),
        basicForm: token.basic_form === '*' ? token.surface_form : token.basic_form,
        ...(token.reading && token.reading !== '*' ? { reading: token.reading } : {}),
        partOfSpeech: token.pos,
        ...(token.pos_detail_1 && token.pos_detail_1 !== '*' ? { partOfSpeechDetail: token.pos_detail_1 } : {}),
      }));
    },
  };
}

let cached: Promise<AlignmentResources> | undefined;

/**
 * Loads (once) and returns the kuromoji tokenizer and the lexicon. Safe to call many times: every caller shares one
 * promise. If the lexicon file is missing the aligner still works, with numbers, names and Latin tokens only.
 */
export function loadAlignmentResources(): Promise<AlignmentResources> {
  cached ??= (async () => {
    const lexicon = existsSync(lexiconPath) ? parseLexicon(readFileSync(lexiconPath, 'utf8')) : undefined;
    const tokenizer = await new Promise<kuromoji.Tokenizer<kuromoji.IpadicFeatures>>((resolvePromise, reject) => {
      kuromoji.builder({ dicPath: kuromojiDictionaryPath() }).build((error, built) => {
        if (error) reject(error);
        else resolvePromise(built);
      });
    });
    return { japaneseTokenizer: adaptKuromoji(tokenizer), ...(lexicon ? { lexicon } : {}) };
  })();
  cached.catch(() => {
    cached = undefined;
  });
  return cached;
}

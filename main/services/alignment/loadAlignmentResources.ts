import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type kuromoji from 'kuromoji';
import { parseLexicon } from '../../../core/anchors/lexicon';
import { projectRoot } from '../appInfo';
import type { CheckResources } from '../../../core/checks/pairAnalysis';
import { ServiceError } from '../serviceError';
import type {
  AlignmentResources,
  JapaneseToken,
  JapaneseTokenizer,
} from '../../../core/alignment/resources';

/**
 * Node-side loading of the aligner's resources: the kuromoji tokenizer (its IPADIC dictionary: ~1 s and ~350 MB to
 * load) and the EDICT keyword lexicon (data/lexicon/edict-keywords.tsv, ~0.2 s). Loaded once per process and cached.
 * The kuromoji dictionary is loaded only when a text is first tokenized with it: documents above the morphology limit
 * (see `AlignmentResources.morphologyCharacterLimit`) use the fast dictionary split and never need it.
 */

/**
 * Where the lexicon file lives. Found from the package root, not from this module's folder: bundled into the Electron
 * main (out/main/index.js) this module sits at another depth than in the source tree.
 */
export const lexiconPath = join(projectRoot(), 'data/lexicon/edict-keywords.tsv');

// Not named `require`: electron-vite's ESM output declares its own `require` shim in the bundle, and a second
// module-level declaration of that name is a syntax error that stops the desktop app at startup.
const requireKuromoji = createRequire(import.meta.url);

function kuromojiDictionaryPath(): string {
  return join(dirname(requireKuromoji.resolve('kuromoji/package.json')), 'dict');
}

/** kuromoji's dictionary loader and tokenizer classes (internal modules, not in its typings). */
interface KuromojiDictionaryLoader {
  loadArrayBuffer(
    file: string,
    callback: (error: Error | null, buffer?: ArrayBuffer) => void,
  ): void;
  load(callback: (error: Error | null, dictionaries?: unknown) => void): void;
}
type KuromojiTokenizer = kuromoji.Tokenizer<kuromoji.IpadicFeatures>;

/**
 * Builds the kuromoji tokenizer synchronously, so that it can be built on first use inside a synchronous `tokenize`.
 * kuromoji only offers an asynchronous builder, but its loader merely chains callbacks (async.parallel / async.map
 * call back at once when every task does): with a loader that reads and gunzips each file synchronously, the whole
 * build completes before `load` returns. Checked below, so a kuromoji upgrade that changes this fails loudly.
 */
function buildKuromojiSync(dictionaryPath: string): KuromojiTokenizer {
  const DictionaryLoader = requireKuromoji('kuromoji/src/loader/DictionaryLoader') as new (
    path: string,
  ) => KuromojiDictionaryLoader;
  const Tokenizer = requireKuromoji('kuromoji/src/Tokenizer') as new (
    dictionaries: unknown,
  ) => KuromojiTokenizer;
  const loader = new DictionaryLoader(dictionaryPath);
  loader.loadArrayBuffer = (file, callback) => {
    let buffer: ArrayBuffer;
    try {
      const data = gunzipSync(readFileSync(file));
      // kuromoji wants an ArrayBuffer holding exactly the file: copy only when the Buffer is a view into a larger one.
      const whole = data.byteOffset === 0 && data.byteLength === data.buffer.byteLength;
      buffer = whole ? (data.buffer as ArrayBuffer) : new Uint8Array(data).buffer;
    } catch (error) {
      callback(error as Error);
      return;
    }
    callback(null, buffer);
  };
  let tokenizer: KuromojiTokenizer | undefined;
  let failure: unknown;
  loader.load((error, dictionaries) => {
    if (error) failure = error;
    else tokenizer = new Tokenizer(dictionaries);
  });
  if (failure) throw failure instanceof Error ? failure : new Error(String(failure));
  if (!tokenizer) throw new Error('the kuromoji dictionary did not load synchronously');
  return tokenizer;
}

/** Set once kuromoji's dictionary is loaded in this thread. */
let kuromojiLoaded = false;

/** A kuromoji tokenizer that loads its dictionary on the first call to `tokenize` (then keeps it). */
function lazyKuromoji(): JapaneseTokenizer {
  let tokenizer: JapaneseTokenizer | undefined;
  return {
    tokenize(text: string): readonly JapaneseToken[] {
      if (!tokenizer) {
        tokenizer = adaptKuromoji(buildKuromojiSync(kuromojiDictionaryPath()));
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

/** Wraps a kuromoji tokenizer in core's interface. */
function adaptKuromoji(tokenizer: KuromojiTokenizer): JapaneseTokenizer {
  return {
    tokenize(text: string): JapaneseToken[] {
      return tokenizer.tokenize(text).map((token) => ({
        surface: token.surface_form,
        start: Math.max(0, token.word_position - 1),
        basicForm: token.basic_form === '*' ? token.surface_form : token.basic_form,
        ...(token.reading && token.reading !== '*' ? { reading: token.reading } : {}),
        partOfSpeech: token.pos,
        ...(token.pos_detail_1 && token.pos_detail_1 !== '*'
          ? { partOfSpeechDetail: token.pos_detail_1 }
          : {}),
      }));
    },
  };
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

/**
 * The automatic checks' resources: the aligner's tokenizer and lexicon (`loadAlignmentResources`), so a process or
 * worker that aligns and checks loads kuromoji's dictionary once. Throws when there is no Japanese tokenizer.
 */
export async function loadCheckResources(): Promise<CheckResources> {
  const resources = await loadAlignmentResources();
  if (!resources.japaneseTokenizer)
    throw new ServiceError('failed', 'the Japanese tokenizer could not be loaded');
  return {
    japaneseTokenizer: resources.japaneseTokenizer,
    ...(resources.lexicon ? { lexicon: resources.lexicon } : {}),
  };
}

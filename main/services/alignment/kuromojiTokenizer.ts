import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type kuromoji from 'kuromoji';
import type { JapaneseToken, JapaneseTokenizer } from '../../../core/alignment/resources';

/**
 * kuromoji (IPADIC) for the aligner: the dictionary built synchronously, and a lattice builder that gives exactly
 * kuromoji's tokens several times faster.
 *
 * kuromoji's own lattice builder (ViterbiBuilder.build) is quadratic in the length of each 、/。-delimited piece: at
 * every character it copies the rest of the piece, encodes all of it to UTF-8 for the trie's common-prefix search, and
 * scans it again for surrogate pairs. {@link buildLattice} walks the trie one character at a time and stops where the
 * trie ends, and works out character classes once per piece; it makes the same lattice nodes in the same order, and the
 * best path is then found by kuromoji's own ViterbiSearcher. `kuromojiTokenizer.test.ts` checks the tokens against
 * kuromoji's on the seed documents and on edge cases (surrogate pairs, long unknown runs, Latin, digits, symbols).
 */

// Not named `require`: electron-vite's ESM output declares its own `require` shim in the bundle, and a second
// module-level declaration of that name is a syntax error that stops the desktop app at startup.
const requireKuromoji = createRequire(import.meta.url);

/** Where kuromoji's IPADIC files are. */
export function kuromojiDictionaryPath(): string {
  return join(dirname(requireKuromoji.resolve('kuromoji/package.json')), 'dict');
}

/** kuromoji's dictionary loader (an internal module, not in its typings). */
interface KuromojiDictionaryLoader {
  loadArrayBuffer(
    file: string,
    callback: (error: Error | null, buffer?: ArrayBuffer) => void,
  ): void;
  load(callback: (error: Error | null, dictionaries?: unknown) => void): void;
}

/** kuromoji's tokenizer with the internals the fast path reads (not in its typings). */
export interface KuromojiTokenizer {
  tokenize(text: string): kuromoji.IpadicFeatures[];
  readonly viterbi_builder: { build(text: string): KuromojiLattice };
  readonly viterbi_searcher: { search(lattice: KuromojiLattice): KuromojiNode[] };
  readonly token_info_dictionary: KuromojiWordDictionary;
  readonly unknown_dictionary: KuromojiUnknownDictionary;
}

interface KuromojiByteBuffer {
  getShort(index: number): number;
}

interface KuromojiWordDictionary {
  /** Trie record → word ids (numbers, or numeric strings). */
  readonly target_map: Record<number, readonly (number | string)[]>;
  readonly dictionary: KuromojiByteBuffer;
  getFeatures(wordId: number | string): string | null;
}

interface KuromojiCharacterClass {
  readonly class_id: number;
  readonly class_name: string;
  readonly is_always_invoke: number;
  readonly is_grouping: number;
}

interface KuromojiUnknownDictionary extends KuromojiWordDictionary {
  lookup(character: string): KuromojiCharacterClass;
}

interface KuromojiLattice {
  append(node: KuromojiNode): void;
  appendEos(): void;
}

interface KuromojiNode {
  readonly name: number;
  readonly start_pos: number;
  readonly type: string;
  readonly surface_form: string;
}

/** The double-array trie of the dictionary's surface forms (doublearray's internals). */
interface KuromojiTrie {
  readonly bc: { getBaseBuffer(): Int32Array; getCheckBuffer(): Int32Array };
}

type NodeConstructor = new (
  name: number,
  cost: number,
  startPosition: number,
  length: number,
  type: string,
  leftId: number,
  rightId: number,
  surface: string,
) => KuromojiNode;

/**
 * Builds the kuromoji tokenizer synchronously, so that it can be built on first use inside a synchronous `tokenize`.
 * kuromoji only offers an asynchronous builder, but its loader merely chains callbacks (async.parallel / async.map
 * call back at once when every task does): with a loader that reads and gunzips each file synchronously, the whole
 * build completes before `load` returns. Checked below, so a kuromoji upgrade that changes this fails loudly.
 * @returns the tokenizer and its dictionaries (the trie is needed by {@link createFastKuromoji})
 */
export function buildKuromojiSync(dictionaryPath: string): {
  tokenizer: KuromojiTokenizer;
  trie: KuromojiTrie;
} {
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
  let built: { tokenizer: KuromojiTokenizer; trie: KuromojiTrie } | undefined;
  let failure: unknown;
  loader.load((error, dictionaries) => {
    if (error) failure = error;
    else
      built = {
        tokenizer: new Tokenizer(dictionaries),
        trie: (dictionaries as { trie: KuromojiTrie }).trie,
      };
  });
  if (failure) throw failure instanceof Error ? failure : new Error(String(failure));
  if (!built) throw new Error('the kuromoji dictionary did not load synchronously');
  return built;
}

/** kuromoji's sentence split (Tokenizer.splitByPunctuation): pieces ending after each 、 or 。. */
function splitByPunctuation(text: string): string[] {
  const pieces: string[] = [];
  let start = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 0x3001 || code === 0x3002) {
      pieces.push(text.slice(start, index + 1));
      start = index + 1;
    }
  }
  if (start < text.length) pieces.push(text.slice(start));
  return pieces;
}

const isHighSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff;

/** Whether the text has a high surrogate without its low half (kuromoji's trie search fails on it). */
function hasLoneHighSurrogate(text: string): boolean {
  for (let index = 0; index < text.length; index++) {
    if (!isHighSurrogate(text.charCodeAt(index))) continue;
    if (!isLowSurrogate(text.charCodeAt(index + 1))) return true;
    index++;
  }
  return false;
}

/** Thrown by the trie walk where kuromoji's own search would behave in a way not reproduced here. */
class NotReproduced extends Error {}

/** One dictionary word's fields in core's shape: a token without its position. */
interface WordTemplate {
  readonly surface: string;
  readonly basicForm: string;
  readonly reading: string | undefined;
  readonly partOfSpeech: string;
  readonly partOfSpeechDetail: string | undefined;
  readonly properNounKind: string | undefined;
}

/** Core's token from kuromoji's fields (the mapping the aligner has always used). */
function template(
  surface: string,
  features: readonly string[],
  withReading: boolean,
): WordTemplate {
  const basicForm = features[7]!;
  const reading = withReading ? features[8] : undefined;
  const detail = features[2];
  const kind = detail === '固有名詞' ? features[3] : undefined;
  return {
    surface,
    basicForm: basicForm === '*' ? surface : basicForm,
    reading: reading && reading !== '*' ? reading : undefined,
    partOfSpeech: features[1]!,
    partOfSpeechDetail: detail && detail !== '*' ? detail : undefined,
    properNounKind: kind && kind !== '*' ? kind : undefined,
  };
}

function token(word: WordTemplate, start: number): JapaneseToken {
  // Optional fields are left out rather than set to undefined, as kuromoji's adapter always did.
  const result: {
    surface: string;
    start: number;
    basicForm: string;
    reading?: string;
    partOfSpeech: string;
    partOfSpeechDetail?: string;
    properNounKind?: string;
  } = { surface: word.surface, start, basicForm: word.basicForm, partOfSpeech: word.partOfSpeech };
  if (word.reading !== undefined) result.reading = word.reading;
  if (word.partOfSpeechDetail !== undefined) result.partOfSpeechDetail = word.partOfSpeechDetail;
  if (word.properNounKind !== undefined) result.properNounKind = word.properNounKind;
  return result;
}

/**
 * kuromoji's own `tokenize`, mapped to core's shape: what the aligner used before the fast builder, and still uses for
 * a text the fast builder does not reproduce. `start` is kuromoji's `word_position` less one.
 */
export function plainKuromojiTokens(tokenizer: KuromojiTokenizer, text: string): JapaneseToken[] {
  return tokenizer.tokenize(text).map((word) => ({
    surface: word.surface_form,
    start: Math.max(0, word.word_position - 1),
    basicForm: word.basic_form === '*' ? word.surface_form : word.basic_form,
    ...(word.reading && word.reading !== '*' ? { reading: word.reading } : {}),
    partOfSpeech: word.pos,
    ...(word.pos_detail_1 && word.pos_detail_1 !== '*'
      ? { partOfSpeechDetail: word.pos_detail_1 }
      : {}),
    ...(word.pos_detail_1 === '固有名詞' && word.pos_detail_2 && word.pos_detail_2 !== '*'
      ? { properNounKind: word.pos_detail_2 }
      : {}),
  }));
}

/**
 * Wraps a kuromoji tokenizer in core's interface, tokenizing with the fast lattice builder.
 * @param tokenizer from {@link buildKuromojiSync}
 * @param trie the dictionary's trie, from {@link buildKuromojiSync}
 * @returns a tokenizer whose tokens equal those of kuromoji's `tokenize`, mapped to core's shape
 */
export function createFastKuromoji(
  tokenizer: KuromojiTokenizer,
  trie: KuromojiTrie,
): JapaneseTokenizer {
  const ViterbiLattice = requireKuromoji(
    'kuromoji/src/viterbi/ViterbiLattice',
  ) as new () => KuromojiLattice;
  const ViterbiNode = requireKuromoji('kuromoji/src/viterbi/ViterbiNode') as NodeConstructor;
  const words = tokenizer.token_info_dictionary;
  const unknown = tokenizer.unknown_dictionary;
  const base = trie.bc.getBaseBuffer();
  const check = trie.bc.getCheckBuffer();
  /**
   * Trie transition (doublearray's traverse): the child, or -1. Read from the arrays directly: where doublearray's
   * getCheck answers a negative number for an index past the end, the array answers undefined, which no parent equals.
   */
  const traverse = (parent: number, code: number): number => {
    const child = base[parent]! + code;
    return check[child] === parent ? child : -1;
  };
  // Dictionary fields per word id, decoded once: most words recur many times.
  const knownWords = new Map<number, WordTemplate>();
  const unknownFeatures = new Map<number, readonly string[]>();
  const classes = new Map<string, KuromojiCharacterClass>();
  const characterClass = (character: string): KuromojiCharacterClass => {
    let found = classes.get(character);
    if (!found) {
      found = unknown.lookup(character);
      classes.set(character, found);
    }
    return found;
  };
  const wordIds = (ids: readonly (number | string)[]): readonly number[] =>
    ids.map((id) => (typeof id === 'number' ? id : parseInt(id, 10)));

  /**
   * The lattice of one piece, node for node as ViterbiBuilder.build makes it: at each character (surrogate pairs
   * count as one) every dictionary word that starts there, then the unknown-word nodes when no word starts there or
   * the character's class always invokes them.
   */
  const buildLattice = (piece: string): KuromojiLattice => {
    const lattice = new ViterbiLattice();
    // UTF-16 offset of each character; a trailing sentinel at the end.
    const offsets: number[] = [];
    for (let index = 0; index < piece.length; index++) {
      offsets.push(index);
      if (isHighSurrogate(piece.charCodeAt(index))) index++;
    }
    const count = offsets.length;
    offsets.push(piece.length);
    const characters = offsets
      .slice(0, count)
      .map((offset, index) => piece.slice(offset, offsets[index + 1]));
    const characterClasses = characters.map(characterClass);
    // Where the run of characters of the same class name as character i ends (exclusive).
    const runEnd = new Array<number>(count);
    for (let index = count - 1; index >= 0; index--) {
      runEnd[index] =
        index + 1 < count &&
        characterClasses[index + 1]!.class_name === characterClasses[index]!.class_name
          ? runEnd[index + 1]!
          : index + 1;
    }
    // The piece in UTF-8, as the trie is keyed (kuromoji's stringToUtf8Bytes), and where each character's bytes start.
    const bytes = new Uint8Array(piece.length * 3);
    const byteStarts = new Array<number>(count + 1);
    let byteCount = 0;
    for (let character = 0; character < count; character++) {
      byteStarts[character] = byteCount;
      const offset = offsets[character]!;
      let code = piece.charCodeAt(offset);
      if (isHighSurrogate(code)) {
        code = (code - 0xd800) * 0x400 + 0x10000 + (piece.charCodeAt(offset + 1) - 0xdc00);
      }
      if (code < 0x80) bytes[byteCount++] = code;
      else if (code < 0x800) {
        bytes[byteCount++] = (code >>> 6) | 0xc0;
        bytes[byteCount++] = (code & 0x3f) | 0x80;
      } else if (code < 0x10000) {
        bytes[byteCount++] = (code >>> 12) | 0xe0;
        bytes[byteCount++] = ((code >> 6) & 0x3f) | 0x80;
        bytes[byteCount++] = (code & 0x3f) | 0x80;
      } else {
        bytes[byteCount++] = (code >>> 18) | 0xf0;
        bytes[byteCount++] = ((code >> 12) & 0x3f) | 0x80;
        bytes[byteCount++] = ((code >> 6) & 0x3f) | 0x80;
        bytes[byteCount++] = (code & 0x3f) | 0x80;
      }
    }
    byteStarts[count] = byteCount;
    for (let position = 0; position < count; position++) {
      let found = 0;
      // Common-prefix search from this character: down the trie byte by byte until it has no branch for the next.
      let parent = 0;
      let character = position;
      for (let byte = byteStarts[position]!; byte < byteCount; byte++) {
        const child = traverse(parent, bytes[byte]!);
        if (child === -1) break;
        parent = child;
        const characterEnds = byte + 1 === byteStarts[character + 1];
        const terminal = traverse(child, 0);
        if (terminal !== -1) {
          // A word ending inside a character: kuromoji would decode half a character. Never so in IPADIC.
          if (!characterEnds) throw new NotReproduced();
          const record = base[terminal]!;
          // kuromoji records a word only at leaves (base ≤ 0); an inner node would give `undefined` ids and throw.
          if (record > 0) throw new NotReproduced();
          const surface = piece.slice(offsets[position], offsets[character + 1]);
          for (const id of wordIds(words.target_map[-record - 1]!)) {
            lattice.append(
              new ViterbiNode(
                id,
                words.dictionary.getShort(id + 4),
                position + 1,
                surface.length,
                'KNOWN',
                words.dictionary.getShort(id),
                words.dictionary.getShort(id + 2),
                surface,
              ),
            );
          }
          found++;
        }
        if (characterEnds) character++;
      }
      const headClass = characterClasses[position]!;
      if (found > 0 && headClass.is_always_invoke !== 1) continue;
      let surface = characters[position]!;
      // A single character counts as length 1 even when it is a surrogate pair; a grouped run, in UTF-16 units.
      let length = 1;
      if (headClass.is_grouping === 1 && runEnd[position]! > position + 1) {
        surface = piece.slice(offsets[position], offsets[runEnd[position]!]);
        length = surface.length;
      }
      for (const id of wordIds(unknown.target_map[headClass.class_id]!)) {
        lattice.append(
          new ViterbiNode(
            id,
            unknown.dictionary.getShort(id + 4),
            position + 1,
            length,
            'UNKNOWN',
            unknown.dictionary.getShort(id),
            unknown.dictionary.getShort(id + 2),
            surface,
          ),
        );
      }
    }
    lattice.appendEos();
    return lattice;
  };

  const knownWord = (id: number): WordTemplate => {
    let word = knownWords.get(id);
    if (!word) {
      const features = (words.getFeatures(id) ?? '').split(',');
      word = template(features[0]!, features, true);
      knownWords.set(id, word);
    }
    return word;
  };
  const unknownWord = (id: number, surface: string): WordTemplate => {
    let features = unknownFeatures.get(id);
    if (!features) {
      features = (unknown.getFeatures(id) ?? '').split(',');
      unknownFeatures.set(id, features);
    }
    return template(surface, features, false);
  };

  return {
    tokenize(text: string): readonly JapaneseToken[] {
      if (hasLoneHighSurrogate(text)) return plainKuromojiTokens(tokenizer, text);
      const tokens: JapaneseToken[] = [];
      // kuromoji's word_position: 1-based, counted from the position of the previous piece's last token.
      let lastPosition = 0;
      try {
        for (const piece of splitByPunctuation(text)) {
          const path = tokenizer.viterbi_searcher.search(buildLattice(piece));
          let pieceLast = lastPosition;
          for (const node of path) {
            const position = lastPosition + node.start_pos;
            const word =
              node.type === 'KNOWN'
                ? knownWord(node.name)
                : unknownWord(node.name, node.surface_form);
            tokens.push(token(word, Math.max(0, position - 1)));
            pieceLast = position;
          }
          lastPosition = pieceLast;
        }
      } catch (error) {
        if (error instanceof NotReproduced) return plainKuromojiTokens(tokenizer, text);
        throw error;
      }
      return tokens;
    },
  };
}

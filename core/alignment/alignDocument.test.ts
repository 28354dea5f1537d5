import { describe, expect, it } from 'vitest';
import { createDictionaryTokenizer } from '../anchors/dictionaryTokenizer';
import { lexiconFromEntries } from '../anchors/lexicon';
import type { JapaneseToken } from '../anchors/japaneseTokens';
import { segmentPresegmented } from '../text/segmentDocument';
import { alignSegmentedDocument, chooseTokenizer } from './alignDocument';
import {
  KeyTable,
  englishFeatures,
  englishSentenceFeatures,
  japaneseFeatures,
  japaneseSentenceFeatures,
} from './lexicalFeatures';
import { realign } from './realign';

const lexicon = lexiconFromEntries({ 猫: ['cat'], 犬: ['dog'], 鳥: ['bird'] });
const morphological = createDictionaryTokenizer(lexicon);

describe('the Japanese tokenizer path', () => {
  it('is the morphological tokenizer whenever one is given, however long the text, and says so', () => {
    const { tokenizer, path } = chooseTokenizer({ lexicon, japaneseTokenizer: morphological });
    expect(tokenizer).toBe(morphological);
    expect(path).toBe('morphological');
    expect(chooseTokenizer({ lexicon }).path).toBe('dictionary');
  });

  it('is reported by every alignment and realignment', () => {
    const source = segmentPresegmented('The cat sleeps.\nThe dog runs.\n', 'en');
    const target = segmentPresegmented('猫が寝る。\n犬が走る。\n', 'ja');
    const aligned = alignSegmentedDocument(source, target, {
      lexicon,
      japaneseTokenizer: morphological,
    });
    expect(aligned.tokenizerPath).toBe('morphological');
    expect(alignSegmentedDocument(source, target, { lexicon }).tokenizerPath).toBe('dictionary');
    expect(realign(aligned, [], { lexicon }).tokenizerPath).toBe('dictionary');
  });
});

describe('features of repeated sentences', () => {
  const english = ['The cat sleeps.', 'The dog runs 3 km.', 'The cat sleeps.', 'A bird.'];
  const japanese = ['猫が寝る。', '犬が3km走る。', '猫が寝る。', '鳥。', '犬が3km走る。'];

  it('are worked out once per distinct sentence, and equal those worked out one by one', () => {
    const calls: string[] = [];
    const counting = {
      tokenize(text: string): readonly JapaneseToken[] {
        calls.push(text);
        return morphological.tokenize(text);
      },
    };
    const keys = new KeyTable();
    const shared = [
      ...englishFeatures(english, keys),
      ...japaneseFeatures(japanese, counting, keys, lexicon),
    ];
    const oneByOneKeys = new KeyTable();
    const oneByOne = [
      ...english.map((sentence) => englishSentenceFeatures(sentence, oneByOneKeys)),
      ...japanese.map((sentence) =>
        japaneseSentenceFeatures(sentence, morphological.tokenize(sentence), oneByOneKeys, lexicon),
      ),
    ];
    expect(shared).toEqual(oneByOne);
    expect(calls).toEqual(['猫が寝る。', '犬が3km走る。', '鳥。']);
  });
});

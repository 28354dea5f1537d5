import { describe, expect, it } from 'vitest';
import { createDictionaryTokenizer } from '../anchors/dictionaryTokenizer';
import { lexiconFromEntries } from '../anchors/lexicon';
import type { JapaneseToken } from '../anchors/japaneseTokens';
import { segmentPresegmented } from '../text/segmentDocument';
import {
  alignDocument,
  alignSegmentedDocument,
  chooseTokenizer,
  type AlignmentProgress,
} from './alignDocument';
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
  const englishSentences = ['The cat sleeps.', 'The dog runs 3 km.', 'The cat sleeps.', 'A bird.'];
  const japaneseSentences = ['猫が寝る。', '犬が3km走る。', '猫が寝る。', '鳥。', '犬が3km走る。'];

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
      ...englishFeatures(englishSentences, keys),
      ...japaneseFeatures(japaneseSentences, counting, keys, lexicon),
    ];
    const oneByOneKeys = new KeyTable();
    const oneByOne = [
      ...englishSentences.map((sentence) => englishSentenceFeatures(sentence, oneByOneKeys)),
      ...japaneseSentences.map((sentence) =>
        japaneseSentenceFeatures(sentence, morphological.tokenize(sentence), oneByOneKeys, lexicon),
      ),
    ];
    expect(shared).toEqual(oneByOne);
    expect(calls).toEqual(['猫が寝る。', '犬が3km走る。', '鳥。']);
  });
});

const english =
  '1. The meeting opened. It was long.\n\n2. The report was read.\n\n3. The meeting closed.';
const japanese = '1. 会議が開かれた。長かった。\n\n2. 報告書が読まれた。\n\n3. 会議が閉じた。';

describe('alignDocument progress', () => {
  it('reports its steps in order, and each clause pair as it aligns it, without changing the result', () => {
    const seen: AlignmentProgress[] = [];
    const aligned = alignDocument(english, japanese, {}, {}, (progress) => seen.push(progress));
    expect(aligned).toEqual(alignDocument(english, japanese, {}));
    const total = aligned.clauseBeads.length;
    expect(total).toBeGreaterThan(1);
    expect(seen.map((progress) => progress.phase)).toEqual([
      'segmenting',
      'analysing',
      'clauses',
      ...Array.from({ length: total + 1 }, () => 'sentences'),
    ]);
    expect(seen.filter((progress) => progress.phase === 'sentences')).toEqual(
      Array.from({ length: total + 1 }, (_, done) => ({ phase: 'sentences', done, total })),
    );
  });
});

import { describe, expect, it } from 'vitest';
import { createSession } from '../../../../core/review/session';
import { findingOn, twoRowAlignment } from './suggestionFixtures.testkit';
import { sharedSuggestions, suggestionSpanIndex, suggestionsOfSentence } from './suggestionSpans';

const alignment = twoRowAlignment;

describe('the words a suggestion underlines', () => {
  const session = createSession(alignment);
  const tense = findingOn('tense', 'tense-past-rendered-non-past', 'was', '行われる', 0, 'neutral');
  // A length finding spans its sentences whole: it names no words, so nothing is underlined.
  const short = findingOn(
    'omission',
    'omission-short-translation',
    'It ends.',
    '終わる。',
    1,
    'neutral',
  );

  it('indexes a finding by the sentences its spans lie in, on both sides', () => {
    const index = suggestionSpanIndex(alignment, sharedSuggestions([tense, short], session));
    const source = suggestionsOfSentence(index, 'source', 0);
    expect(source.map((entry) => alignment.source.text.slice(entry.start, entry.end))).toEqual([
      'was',
    ]);
    const target = suggestionsOfSentence(index, 'target', 0);
    expect(target.map((entry) => alignment.target.text.slice(entry.start, entry.end))).toEqual([
      '行われる',
    ]);
    expect(suggestionsOfSentence(index, 'source', 1)).toEqual([]);
    expect(suggestionsOfSentence(index, 'target', 1)).toEqual([]);
  });

  it('shares one list and one index per findings and session', () => {
    const findings = [tense];
    const suggestions = sharedSuggestions(findings, session);
    expect(sharedSuggestions(findings, session)).toBe(suggestions);
    expect(suggestionSpanIndex(alignment, suggestions)).toBe(
      suggestionSpanIndex(alignment, suggestions),
    );
  });
});

import { describe, expect, it } from 'vitest';
import type { DocumentFinding } from '../../../../core/checks/checkDocument';
import { alignmentFromSentences } from '../../../../core/review/alignmentFromSentences';
import { createSession } from '../../../../core/review/session';
import { sharedSuggestions, suggestionSpanIndex, suggestionsOfSentence } from './suggestionSpans';

const alignment = alignmentFromSentences({
  source: { clauses: [['The meeting was held on 5 May.', 'It ends.']] },
  target: { clauses: [['会合は5月6日に行われる。', '終わる。']] },
  clauseBeads: [[2, 2]],
  sentenceBeads: [
    [1, 1],
    [1, 1],
  ],
});

function finding(
  code: DocumentFinding['code'],
  english: string,
  japanese: string,
): DocumentFinding {
  const en = alignment.source.text.indexOf(english);
  const ja = alignment.target.text.indexOf(japanese);
  return {
    check: code.startsWith('tense') ? 'tense' : 'omission',
    code,
    params: {},
    category: 'accuracy/mistranslation',
    itsType: 'mistranslation',
    severity: 'neutral',
    message: `${english} / ${japanese}`,
    evidence: '',
    en: { start: en, end: en + english.length },
    ja: { start: ja, end: ja + japanese.length },
    bead: english === 'It ends.' ? 1 : 0,
    clause: 1,
  };
}

describe('the words a suggestion underlines', () => {
  const session = createSession(alignment);
  const tense = finding('tense-past-rendered-non-past', 'was', '行われる');
  // A length finding spans its sentences whole: it names no words, so nothing is underlined.
  const short = finding('omission-short-translation', 'It ends.', '終わる。');

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

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSelector } from './annotation';
import { alignmentFromSentences } from './alignmentFromSentences';
import { createSession } from './session';
import { annotationSuggestionDiff, diffSuggestion, diffsByCharacter } from './suggestionDiff';
import type { DiffPart } from './suggestionDiff';
import { makeAnnotation } from './arbitraries.testkit';

function render(parts: readonly DiffPart[]): string {
  return parts
    .map((part) =>
      part.added ? `[+${part.value}]` : part.removed ? `[-${part.value}]` : part.value,
    )
    .join('');
}

describe('diffSuggestion', () => {
  it('diffs Japanese by character', () => {
    expect(render(diffSuggestion('会議は行われる。', '会議は行われた。', 'ja'))).toBe(
      '会議は行われ[-る][+た]。',
    );
    expect(diffsByCharacter('ja-JP')).toBe(true);
    expect(diffsByCharacter('zh_Hant')).toBe(true);
  });

  it('diffs English by word, keeping whitespace', () => {
    expect(
      render(diffSuggestion('The meeting is held today.', 'The meeting was held today.', 'en')),
    ).toBe('The meeting [-is][+was] held today.');
    expect(diffsByCharacter('en-GB')).toBe(false);
  });

  it('rebuilds both texts from its parts (property)', () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.string(),
        fc.constantFrom('en', 'ja'),
        (original, suggestion, lang) => {
          const parts = diffSuggestion(original, suggestion, lang);
          expect(
            parts
              .filter((part) => !part.added)
              .map((part) => part.value)
              .join(''),
          ).toBe(original);
          expect(
            parts
              .filter((part) => !part.removed)
              .map((part) => part.value)
              .join(''),
          ).toBe(suggestion);
          for (const part of parts)
            expect(Object.keys(part).sort()).toEqual(['added', 'removed', 'value']);
        },
      ),
    );
  });
});

describe('annotationSuggestionDiff', () => {
  it('diffs against the target quote in the target language, or returns null', () => {
    const session = createSession(
      alignmentFromSentences({
        source: { clauses: [['It was held.']] },
        target: { clauses: [['行われる。']] },
        clauseBeads: [[1, 1]],
        sentenceBeads: [[1, 1]],
      }),
    );
    const annotation = makeAnnotation('a', createSelector('target', '行われる。', 0, 4), {
      selectors: [
        createSelector('source', 'It was held.', 3, 11),
        createSelector('target', '行われる。', 0, 4),
      ],
      suggestion: '行われた',
    });
    const diff = annotationSuggestionDiff(session, annotation);
    expect(diff?.side).toBe('target');
    expect(render(diff!.parts)).toBe('行われ[-る][+た]');
    const { suggestion: _none, ...without } = annotation;
    expect(annotationSuggestionDiff(session, without)).toBeNull();
  });
});

import { findEnglishTerms, findJapaneseTerms, type Glossary } from './glossary';
import { makeFinding } from './messages';
import type { Finding } from './types';

/**
 * Terminology against the project glossary, both ways: an English glossary term whose concept has none of its
 * Japanese renderings in the translation; a forbidden rendering used; a Japanese glossary term whose concept has none
 * of its English terms in the source. Synonyms count as the concept; a term inside a longer glossary term is that
 * longer term.
 */

/** Settings of the terminology check. */
export interface TermCheckSettings {
  readonly enabled: boolean;
  /** Also report Japanese glossary terms whose English term is missing from the source. Default true. */
  readonly reverse: boolean;
}

/**
 * Checks one sentence pair against the glossary.
 * @returns findings with spans in UTF-16 code units of `en` and `ja`
 */
export function checkTerms(
  en: string,
  ja: string,
  glossary: Glossary | undefined,
  settings: TermCheckSettings,
): Finding[] {
  if (!settings.enabled || !glossary || glossary.concepts.length === 0) return [];
  const english = findEnglishTerms(glossary, en);
  const japanese = findJapaneseTerms(glossary, ja);
  const findings: Finding[] = [];
  const renderedConcepts = new Set(
    japanese.filter((found) => !found.forbidden).map((found) => found.concept),
  );
  const sourceConcepts = new Set(english.map((found) => found.concept));
  const reported = new Set<unknown>();
  for (const occurrence of english) {
    const { concept } = occurrence;
    if (renderedConcepts.has(concept) || reported.has(concept) || concept.ja.length === 0) continue;
    reported.add(concept);
    const forbidden = japanese.find((found) => found.forbidden && found.concept === concept);
    const expected = concept.ja.join(' / ');
    const note = concept.note ? ` (${concept.note})` : '';
    if (forbidden)
      findings.push(
        makeFinding(
          'term-forbidden-in-translation',
          { source: occurrence.term, target: forbidden.term, expected },
          `glossary: ${occurrence.term} → ${expected}${note}; the translation uses ${forbidden.term}, which the glossary forbids`,
          { en: occurrence.span, ja: forbidden.span },
        ),
      );
    else
      findings.push(
        makeFinding(
          'term-missing-in-translation',
          { source: occurrence.term, expected },
          `glossary: ${occurrence.term} → ${expected}${note}; none of these is in the translation`,
          { en: occurrence.span },
        ),
      );
  }
  for (const occurrence of japanese) {
    const { concept } = occurrence;
    if (reported.has(concept)) continue;
    if (occurrence.forbidden) {
      reported.add(concept);
      findings.push(
        makeFinding(
          'term-forbidden-in-translation',
          {
            source: concept.en[0] ?? '',
            target: occurrence.term,
            expected: concept.ja.join(' / '),
          },
          `glossary: ${occurrence.term} is a forbidden rendering of ${concept.en.join(' / ')}`,
          { ja: occurrence.span },
        ),
      );
      continue;
    }
    if (!settings.reverse || sourceConcepts.has(concept)) continue;
    reported.add(concept);
    findings.push(
      makeFinding(
        'term-missing-in-source',
        { target: occurrence.term, expected: concept.en.join(' / ') },
        `glossary: ${occurrence.term} stands for ${concept.en.join(' / ')}; none of these is in the source`,
        { ja: occurrence.span },
      ),
    );
  }
  return findings;
}

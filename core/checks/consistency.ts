import type { TextSpan } from '../alignment/types';
import {
  findEnglishTerms,
  findJapaneseTerms,
  type Glossary,
  type GlossaryConcept,
} from './glossary';
import { makeFinding } from './messages';
import type { Finding } from './types';

/**
 * Consistency across a whole document: the same term written two ways on either side. Source side: spacing, hyphen
 * and CamelCase variants of a term (Smart JAMP / SmartJAMP, High Level / High-Level) and British/American spellings
 * used together (realise / realize). Translation side: katakana spelling variants (サーバー / サーバ, ヴァ / バ,
 * with or without ・), full-width and half-width Latin (ＡＳＥＡＮ / ASEAN), and one English glossary term rendered by
 * two of its synonyms. The less frequent forms are reported, each with every form and its count as evidence.
 */

/** Settings of the consistency check. */
export interface ConsistencyCheckSettings {
  readonly enabled: boolean;
}

/** A finding of the consistency check, placed at one pair of the document. */
export interface PairFinding {
  /** Index of the pair in the list given. */
  readonly pair: number;
  readonly finding: Finding;
}

interface Occurrence {
  readonly pair: number;
  readonly surface: string;
  readonly span: TextSpan;
}

const ENGLISH_WORD = /[A-Za-z][A-Za-z0-9]*(?:['’][A-Za-z]+)?/g;

/** Words that are one word or two in standard English (every day / everyday): never reported. */
const LOWERCASE_ONLY = /^[a-z\s'’]+$/;

/** True when a form is written like a term: a capital inside or at the start of a word, or a hyphen. */
function termLike(surface: string): boolean {
  return /-/.test(surface) || /[A-Z]/.test(surface);
}

/**
 * English word sequences of one to three words (joined by spaces or hyphens, nothing else) with their comparison
 * key: lower case without spaces and hyphens.
 */
function englishSequences(text: string, pair: number): Map<string, Occurrence[]> {
  const words = [...text.matchAll(ENGLISH_WORD)].map((match) => ({
    start: match.index,
    end: match.index + match[0].length,
  }));
  const byKey = new Map<string, Occurrence[]>();
  for (let first = 0; first < words.length; first++)
    for (let last = first; last < Math.min(words.length, first + 3); last++) {
      if (last > first && !/^[ -]$/.test(text.slice(words[last - 1]!.end, words[last]!.start)))
        break;
      const span = { start: words[first]!.start, end: words[last]!.end };
      const surface = text.slice(span.start, span.end);
      const key = surface.toLowerCase().replace(/[\s-]/g, '');
      if (key.length < 4) continue;
      const list = byKey.get(key) ?? [];
      list.push({ pair, surface, span });
      byKey.set(key, list);
    }
  return byKey;
}

/** British spellings and their American forms: realise → realize, colour → color, centre → center. */
const BRITISH_TO_AMERICAN: readonly (readonly [RegExp, string])[] = [
  [/is(e|es|ed|ing|ation|ations|er|ers)$/, 'iz$1'],
  [/ys(e|es|ed|ing)$/, 'yz$1'],
  [/our(s|ed|ing|able|ite|ites)?$/, 'or$1'],
  [/tre(s)?$/, 'ter$1'],
  [/ogue(s)?$/, 'og$1'],
  [/ll(ed|ing|er|ers)$/, 'l$1'],
];
/** The American forms the rules above produce: such a word is its own key. */
const AMERICAN =
  /(?:iz(?:e|es|ed|ing|ation|ations|er|ers)|yz(?:e|es|ed|ing)|or(?:s|ed|ing|able|ite|ites)?|ter(?:s)?|og(?:s)?|[^l]l(?:ed|ing|er|ers))$/;

/**
 * The American spelling of a word, as the key that groups its British and American spellings, or undefined when the
 * word has neither pattern. Only groups where both spellings occur are reported, so words that merely look British
 * (promise, killed) pair with nothing.
 */
function spellingKey(word: string): string | undefined {
  const lower = word.toLowerCase();
  if (lower.length < 6) return undefined;
  for (const [pattern, replacement] of BRITISH_TO_AMERICAN)
    if (pattern.test(lower)) return lower.replace(pattern, replacement);
  return AMERICAN.test(lower) ? lower : undefined;
}

/** Katakana and Latin runs of a Japanese text with a spelling key that folds the usual variants. */
function japaneseForms(text: string, pair: number): Map<string, Occurrence[]> {
  const byKey = new Map<string, Occurrence[]>();
  const add = (key: string, surface: string, start: number): void => {
    const list = byKey.get(key) ?? [];
    list.push({ pair, surface, span: { start, end: start + surface.length } });
    byKey.set(key, list);
  };
  for (const match of text.matchAll(/[\u30a1-\u30fa\u30fc]+(?:[・＝=][\u30a1-\u30fa\u30fc]+)*/g)) {
    const surface = match[0];
    if (surface.replace(/[・＝=ー]/g, '').length < 2) continue;
    const key = surface
      .replace(/[・＝=]/g, '')
      .replace(/ヴァ/g, 'バ')
      .replace(/ヴィ/g, 'ビ')
      .replace(/ヴェ/g, 'ベ')
      .replace(/ヴォ/g, 'ボ')
      .replace(/ヴ/g, 'ブ')
      .replace(/ウィ/g, 'ウイ')
      .replace(/ウェ/g, 'ウエ')
      .replace(/ウォ/g, 'ウオ')
      .replace(/ー$/, '');
    add(`kana:${key}`, surface, match.index);
  }
  for (const match of text.matchAll(
    /[A-Za-z\uff21-\uff3a\uff41-\uff5a][A-Za-z0-9\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]+/g,
  ))
    add(`latin:${match[0].normalize('NFKC').toLowerCase()}`, match[0], match.index);
  return byKey;
}

function merge(into: Map<string, Occurrence[]>, from: Map<string, Occurrence[]>): void {
  for (const [key, list] of from) into.set(key, [...(into.get(key) ?? []), ...list]);
}

/** The forms of one group by count, most frequent first (ties: first seen first). */
function formCounts(occurrences: readonly Occurrence[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const occurrence of occurrences)
    counts.set(occurrence.surface, (counts.get(occurrence.surface) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1]);
}

/** The occurrences of the less frequent forms of a group, with the evidence naming every form. */
function minorityOccurrences(
  occurrences: readonly Occurrence[],
): { occurrences: Occurrence[]; evidence: string; main: string } | undefined {
  const forms = formCounts(occurrences);
  if (forms.length < 2) return undefined;
  const main = forms[0]![0];
  return {
    occurrences: occurrences.filter((occurrence) => occurrence.surface !== main),
    evidence: forms.map(([form, count]) => `${form} (${count}×)`).join(' / '),
    main,
  };
}

/**
 * Checks a document's pairs for terms written two ways.
 * @param pairs the document's sentence pairs in order (English and Japanese of each bead)
 * @returns findings with spans in UTF-16 code units of the pair's strings
 */
export function checkConsistency(
  pairs: readonly { readonly en: string; readonly ja: string }[],
  glossary: Glossary | undefined,
  settings: ConsistencyCheckSettings,
): PairFinding[] {
  if (!settings.enabled) return [];
  const findings: PairFinding[] = [];
  const english = new Map<string, Occurrence[]>();
  const spellings = new Map<string, Occurrence[]>();
  const japanese = new Map<string, Occurrence[]>();
  pairs.forEach((pair, index) => {
    merge(english, englishSequences(pair.en, index));
    for (const match of pair.en.matchAll(ENGLISH_WORD)) {
      const key = spellingKey(match[0]);
      if (!key) continue;
      const list = spellings.get(key) ?? [];
      list.push({
        pair: index,
        surface: match[0].toLowerCase(),
        span: { start: match.index, end: match.index + match[0].length },
      });
      spellings.set(key, list);
    }
    merge(japanese, japaneseForms(pair.ja, index));
  });
  const reportedSpans: { side: string; pair: number; span: TextSpan }[] = [];
  // One finding per place: a variant inside a longer variant (SmartJAMP in the SmartJAMP team) is reported once.
  const report = (side: 'en' | 'ja', occurrence: Occurrence, finding: Finding): void => {
    if (
      reportedSpans.some(
        (other) =>
          other.side === side &&
          other.pair === occurrence.pair &&
          other.span.start < occurrence.span.end &&
          occurrence.span.start < other.span.end,
      )
    )
      return;
    reportedSpans.push({ side, pair: occurrence.pair, span: occurrence.span });
    findings.push({ pair: occurrence.pair, finding });
  };
  // The less frequent forms of a group, each reported with every form and its count.
  const reportMinority = (
    side: 'en' | 'ja',
    occurrences: readonly Occurrence[],
    describe: (forms: string) => string,
  ): void => {
    const minority = minorityOccurrences(occurrences);
    if (!minority) return;
    for (const occurrence of minority.occurrences)
      report(
        side,
        occurrence,
        side === 'en'
          ? makeFinding(
              'consistency-source-variants',
              { source: occurrence.surface, main: minority.main },
              describe(minority.evidence),
              { en: occurrence.span },
            )
          : makeFinding(
              'consistency-target-variants',
              { target: occurrence.surface, main: minority.main },
              describe(minority.evidence),
              { ja: occurrence.span },
            ),
      );
  };
  const shortestFirst = [...english]
    .sort((a, b) => a[0].length - b[0].length)
    .map(([, list]) => list);
  for (const occurrences of shortestFirst) {
    const surfaces = new Set(occurrences.map((occurrence) => occurrence.surface));
    // Case alone differs at the start of a sentence; every day / everyday are both English.
    const spellingsOnly = new Set([...surfaces].map((surface) => surface.replace(/[\s-]/g, '')));
    if (surfaces.size < 2 || spellingsOnly.size === surfaces.size) continue;
    if ([...surfaces].every((surface) => LOWERCASE_ONLY.test(surface))) continue;
    if (![...surfaces].every(termLike)) continue;
    reportMinority('en', occurrences, (forms) => `source writes ${forms}`);
  }
  for (const occurrences of spellings.values())
    reportMinority('en', occurrences, (forms) => `source spells ${forms}`);
  for (const occurrences of japanese.values())
    reportMinority('ja', occurrences, (forms) => `translation writes ${forms}`);
  if (glossary) {
    // Each pair's glossary terms are found once; a concept's renderings count where its English term is in the source.
    const rendered = new Map<GlossaryConcept, Occurrence[]>();
    pairs.forEach((pair, index) => {
      const inSource = new Set(findEnglishTerms(glossary, pair.en).map((found) => found.concept));
      for (const found of findJapaneseTerms(glossary, pair.ja))
        if (!found.forbidden && inSource.has(found.concept))
          rendered
            .set(found.concept, rendered.get(found.concept) ?? [])
            .get(found.concept)!
            .push({ pair: index, surface: found.term, span: found.span });
    });
    for (const [conceptIndex, concept] of glossary.concepts.entries())
      if (concept.ja.length >= 2)
        reportMinority(
          'ja',
          rendered.get(concept) ?? [],
          (forms) =>
            `glossary concept ${concept.en[0] ?? conceptIndex} is rendered ${forms} in this document`,
        );
  }
  return findings.sort((a, b) => a.pair - b.pair);
}

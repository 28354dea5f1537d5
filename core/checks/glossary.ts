import type { TextSpan } from '../alignment/types';
import { foldWidth } from '../anchors/numbers';

/**
 * A project glossary (termbase): concepts, each with its English terms and the Japanese renderings allowed for them
 * (synonyms), and renderings the client forbids. Pure data and matching; reading CSV, TSV and TBX files is in
 * core/interchange/glossaryFile.ts.
 */

/** One concept of the glossary. */
export interface GlossaryConcept {
  /** Stable id within the glossary (a TBX entry id, or the row's English term). */
  readonly id: string;
  /** English terms for the concept (synonyms), as written. At least one. */
  readonly en: readonly string[];
  /** Japanese renderings accepted for the concept (synonyms). May be empty when only forbidden ones are known. */
  readonly ja: readonly string[];
  /** Japanese renderings the client does not accept (TBX deprecated or superseded terms). */
  readonly forbiddenJa: readonly string[];
  /** A note for the reviewer (definition, usage), shown with findings. */
  readonly note?: string;
}

/** A glossary: its concepts in file order. */
export interface Glossary {
  readonly concepts: readonly GlossaryConcept[];
}

/** One place a glossary term occurs in a text. */
export interface TermOccurrence {
  readonly concept: GlossaryConcept;
  /** The glossary term that matched, as the glossary writes it. */
  readonly term: string;
  /** Where it occurs, in UTF-16 code units of the text searched. */
  readonly span: TextSpan;
  /** True when the term is one of the concept's forbidden Japanese renderings. */
  readonly forbidden: boolean;
}

/** Characters a katakana compound may be written with or without: スマートシティ・ネットワーク, スマート シティ. */
const OPTIONAL_JOINERS = /[・\s]/;

/**
 * Japanese text folded for term matching (width folded, lower case, ・ and spaces dropped), with the original index
 * of every folded character and one past the end.
 */
function foldJapanese(text: string): { folded: string; original: number[] } {
  const widthFolded = foldWidth(text).toLowerCase();
  let folded = '';
  const original: number[] = [];
  for (let index = 0; index < widthFolded.length; index++) {
    if (OPTIONAL_JOINERS.test(widthFolded[index]!)) continue;
    folded += widthFolded[index];
    original.push(index);
  }
  original.push(text.length);
  return { folded, original };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * An English term as a pattern: case-insensitive, whole words, any run of spaces or a hyphen between words
 * (`smart city` finds `Smart-City`), and a plural or possessive ending allowed on the last word.
 */
function englishTermPattern(term: string): RegExp {
  const words = term
    .trim()
    .split(/[\s-]+/)
    .filter(Boolean)
    .map(escapeRegExp);
  // city → cities; other words take -s or -es.
  const last = words.pop() ?? '';
  const lastWord = /[^aeiou]y$/i.test(last)
    ? `(?:${last}|${last.slice(0, -1)}ies)`
    : `${last}(?:e?s)?`;
  return new RegExp(
    `(?<![A-Za-z0-9])${[...words, lastWord].join('[\\s-]+')}(?:['’]s)?(?![A-Za-z0-9])`,
    'gi',
  );
}

/** A concept's terms as matched: English patterns and folded Japanese renderings, built once per concept. */
interface CompiledConcept {
  readonly english: readonly { readonly term: string; readonly pattern: RegExp }[];
  readonly japanese: readonly {
    readonly term: string;
    readonly needle: string;
    readonly forbidden: boolean;
  }[];
}

/**
 * NOTE module-level cache: compiled terms by concept object. Pure (a concept is immutable data) and freed with the
 * concept; the checks look every term up in every sentence pair, so a pattern is built once, not once a pair.
 */
const compiledConcepts = new WeakMap<GlossaryConcept, CompiledConcept>();

function compiled(concept: GlossaryConcept): CompiledConcept {
  const known = compiledConcepts.get(concept);
  if (known) return known;
  const japanese = (terms: readonly string[], forbidden: boolean) =>
    terms
      .map((term) => ({ term, needle: foldJapanese(term.trim()).folded, forbidden }))
      .filter(({ needle }) => needle !== '');
  const made: CompiledConcept = {
    english: concept.en
      .filter((term) => term.trim())
      .map((term) => ({ term, pattern: englishTermPattern(term) })),
    japanese: [...japanese(concept.ja, false), ...japanese(concept.forbiddenJa, true)],
  };
  compiledConcepts.set(concept, made);
  return made;
}

/** Keeps the longest of overlapping occurrences (a term inside a longer glossary term is that longer term). */
function longestFirst(occurrences: TermOccurrence[]): TermOccurrence[] {
  const sorted = [...occurrences].sort(
    (a, b) =>
      b.span.end - b.span.start - (a.span.end - a.span.start) || a.span.start - b.span.start,
  );
  const kept: TermOccurrence[] = [];
  for (const occurrence of sorted)
    if (
      !kept.some(
        (other) => other.span.start < occurrence.span.end && occurrence.span.start < other.span.end,
      )
    )
      kept.push(occurrence);
  return kept.sort((a, b) => a.span.start - b.span.start);
}

/**
 * The glossary's English terms found in an English text, longest match first (a term inside a longer glossary term
 * is not reported on its own).
 * @returns occurrences in text order; spans in UTF-16 code units of `text`
 */
export function findEnglishTerms(glossary: Glossary, text: string): TermOccurrence[] {
  const found: TermOccurrence[] = [];
  for (const concept of glossary.concepts)
    for (const { term, pattern } of compiled(concept).english) {
      for (const match of text.matchAll(pattern))
        found.push({
          concept,
          term,
          span: { start: match.index, end: match.index + match[0].length },
          forbidden: false,
        });
    }
  return longestFirst(found);
}

/**
 * The glossary's Japanese terms (accepted and forbidden) found in a Japanese text, longest match first. Full-width and
 * half-width Latin letters and digits match each other, and ・ or a space inside a compound is optional.
 * @returns occurrences in text order; spans in UTF-16 code units of `text`
 */
export function findJapaneseTerms(glossary: Glossary, text: string): TermOccurrence[] {
  const { folded, original } = foldJapanese(text);
  const found: TermOccurrence[] = [];
  for (const concept of glossary.concepts)
    for (const { term, needle, forbidden } of compiled(concept).japanese) {
      for (let at = folded.indexOf(needle); at >= 0; at = folded.indexOf(needle, at + 1))
        found.push({
          concept,
          term,
          span: { start: original[at]!, end: original[at + needle.length - 1]! + 1 },
          forbidden,
        });
    }
  return longestFirst(found);
}

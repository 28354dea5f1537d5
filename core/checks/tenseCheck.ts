import { englishFiniteVerbs, englishMainVerb, laterVerbsSubordinate } from './englishTense';
import { japaneseMainPredicate } from './japanesePredicate';
import { makeFinding } from './messages';
import type { PairAnalysis } from './pairAnalysis';
import type { TenseCheckSettings } from './settings';
import type { Finding } from './types';

/**
 * Tense check: the English main clause's finite verb (past vs non-past) against the Japanese main predicate (た vs
 * る/ます/です). Only the main clauses are compared (Japanese subordinate clauses carry relative tense), and only
 * clear cases are reported, at severity neutral: the English sentence is a full sentence (ends in . ! ? or a quote),
 * all its recognised finite verbs agree, the Japanese side is one sentence, and nothing in it marks a plan or forecast.
 */

/** Sentence-final punctuation: headlines and captions follow their own tense conventions. */
const FULL_SENTENCE = /[.!?]["'”’)]*\s*$|[.!?,]["”’]\s*$/;

/** A colon or an opening quote after the main verb: the sentence goes on into quoted speech. */
const OPENS_QUOTATION = /^[^"“”]*?(?::\s*|,\s*)["“'‘]/;

/** An English quotation left open (its end in the next segment) or a Japanese 「 without its 」. */
function hasUnclosedQuotation(english: string, japanese: string): boolean {
  const straight = (english.match(/"/g) ?? []).length;
  const opening = (english.match(/“/g) ?? []).length;
  const closing = (english.match(/”/g) ?? []).length;
  const japaneseOpen = (japanese.match(/「/g) ?? []).length;
  const japaneseClose = (japanese.match(/」/g) ?? []).length;
  return straight % 2 === 1 || opening > closing || japaneseOpen > japaneseClose;
}

/** Where the last sentence of a Japanese text starts (quoted speech in 「」 is not split). */
function lastSentenceStart(text: string): number {
  const masked = text.replace(/「[^」]*」/g, (quote) => '「'.padEnd(quote.length - 1, '＿') + '」');
  const trimmed = masked.replace(/[。！？!?」』）)\s]+$/, '');
  const stop = Math.max(
    trimmed.lastIndexOf('。'),
    trimmed.lastIndexOf('！'),
    trimmed.lastIndexOf('？'),
  );
  return stop + 1;
}

/**
 * Compares the tense of the English and Japanese main clauses of one pair.
 * @returns at most one finding
 */
export function checkTense(pair: PairAnalysis, settings: TenseCheckSettings): Finding[] {
  if (!settings.enabled) return [];
  const english = pair.en.trim();
  if (!FULL_SENTENCE.test(english)) return [];
  // A translation split into several sentences: the last one carries the main clause's predicate most often.
  const sentenceStart = lastSentenceStart(pair.ja);
  const tokens = pair.jaTokens.filter((token) => token.start >= sentenceStart);
  // A translation that ends on quoted speech ends on the quote's predicate, not the reporting clause's.
  if (/」\s*[。．]?\s*$/.test(pair.ja)) return [];
  const predicate = japaneseMainPredicate(tokens, pair.ja.slice(sentenceStart));
  const verb = englishMainVerb(english);
  if (!predicate || !verb) return [];
  // He said: "…" — the translation may end on the quote, whose tense is its own.
  if (verb.reporting && /^\s*[:,]?\s*["“']/.test(english.slice(verb.span.end))) return [];
  const finite = englishFiniteVerbs(english);
  const tenses = new Set(finite.map((finiteVerb) => finiteVerb.tense));
  const predicateText = pair.ja.slice(predicate.span.start, predicate.span.end);
  const spans = { en: verb.span, ja: predicate.span };
  const pastShare =
    finite.filter((finite) => finite.tense === 'past' || finite.tense === 'perfect').length /
    finite.length;
  // The present perfect reports a completed event: Japanese renders it with た (has announced ↔ 発表した).
  const mainPast = verb.tense === 'past' || verb.tense === 'perfect';
  // The main verb comes first and every other finite verb follows it, in a relative or complement clause (…, which
  // has its own province; announced she is leaving): those carry their own tense, the main clause stays past. Not
  // when the sentence runs on into a quotation the translation may end inside (said: "We are…).
  const mainVerbLeads =
    laterVerbsSubordinate(english, verb) &&
    !OPENS_QUOTATION.test(english.slice(verb.span.end)) &&
    !hasUnclosedQuotation(english, pair.ja);
  const pastThroughout = [...tenses].every((tense) => tense === 'past' || tense === 'perfect');
  // An ill-formed ending (語う, 示する) has no narrative-present or state reading to excuse it.
  if (mainPast && predicate.illFormed && (pastThroughout || mainVerbLeads || pastShare >= 0.5)) {
    return [
      makeFinding(
        'tense-ill-formed-ending',
        { source: verb.text, target: predicateText },
        `English main verb "${verb.text}" = ${verb.tense === 'perfect' ? 'present perfect' : 'past'}; Japanese main predicate "${predicateText}" is not a well-formed form and reads as non-past`,
        spans,
      ),
    ];
  }
  if (
    mainPast &&
    !predicate.stative &&
    !predicate.future &&
    // A non-past ending is an error when the English is past throughout, or when its present verbs stand in clauses
    // after the main verb (relative clauses, complements); a guess (〜だろう) is never a past.
    !predicate.reporting &&
    ((predicate.tense === 'non-past' &&
      !predicate.progressive &&
      (pastThroughout || mainVerbLeads)) ||
      (predicate.tense === 'conjecture' &&
        pastShare >= 0.5 &&
        !tenses.has('modal') &&
        !tenses.has('future')) ||
      // Was speaking / had gathered: a past progressive or perfect is 〜ていた, not 〜ている.
      (predicate.tense === 'non-past' && predicate.progressive && verb.pastAspect !== undefined))
  ) {
    return [
      makeFinding(
        'tense-past-rendered-non-past',
        { source: verb.text, target: predicateText },
        `English main verb "${verb.text}" = ${verb.tense === 'perfect' ? 'present perfect' : verb.pastAspect ? `past ${verb.pastAspect}` : 'past'}; Japanese main predicate "${predicateText}" = ${predicate.tense}${predicate.progressive ? ' (ている)' : ''}`,
        spans,
      ),
    ];
  }
  if (
    // Present perfect ↔ ている is fine, ていた is a past progressive.
    (verb.tense === 'present' || verb.tense === 'future' || verb.tense === 'perfect') &&
    !tenses.has('past') &&
    !tenses.has('modal') &&
    predicate.tense === 'past' &&
    // A future (will, going to) is never a Japanese past; a present is, for a state just realised (わかりました).
    (predicate.progressive ||
      (verb.tense === 'future' && !predicate.stative && !tenses.has('perfect')))
  ) {
    return [
      makeFinding(
        'tense-non-past-rendered-past',
        { source: verb.text, target: predicateText },
        `English main verb "${verb.text}" = ${verb.tense}; Japanese main predicate "${predicateText}" = past`,
        spans,
      ),
    ];
  }
  return [];
}

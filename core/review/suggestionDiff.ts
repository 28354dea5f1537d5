import { diffChars, diffWordsWithSpace } from 'diff';
import type { Side } from '../alignment/types';
import type { Annotation, AnnotationSelector } from './annotation';
import type { ReviewSession } from './session';

/**
 * The diff of a suggested correction against the text it replaces, for showing the suggestion as tracked changes.
 */

/** One run of the diff: unchanged (`added` and `removed` both false), inserted, or deleted text. */
export interface DiffPart {
  readonly value: string;
  readonly added: boolean;
  readonly removed: boolean;
}

/**
 * BCP 47 primary subtags of languages written without spaces between words, where a word diff would treat a whole
 * clause as one "word": diff those by character.
 */
const UNSPACED_LANGUAGES = new Set(['ja', 'zh', 'th', 'lo', 'km', 'my', 'bo']);

/** True when text in `lang` (BCP 47, e.g. `ja`, `ja-JP`, `en`) is diffed by character rather than by word. */
export function diffsByCharacter(lang: string): boolean {
  return UNSPACED_LANGUAGES.has(lang.toLowerCase().split(/[-_]/)[0] ?? '');
}

/**
 * The diff from `original` to `suggestion`: by character (`diffChars`) for Japanese and other unspaced languages, by
 * word with whitespace kept as its own tokens (`diffWordsWithSpace`) otherwise. Joining the parts that are not `added`
 * gives `original`; joining those not `removed` gives `suggestion`.
 */
export function diffSuggestion(original: string, suggestion: string, lang: string): DiffPart[] {
  const changes = diffsByCharacter(lang)
    ? diffChars(original, suggestion)
    : diffWordsWithSpace(original, suggestion);
  return changes.map((change) => ({
    value: change.value,
    added: change.added,
    removed: change.removed,
  }));
}

/** A suggestion's diff, with the side it applies to. */
export interface AnnotationSuggestionDiff {
  readonly side: Side;
  /** The selector whose quote the suggestion replaces. */
  readonly selector: AnnotationSelector;
  readonly parts: readonly DiffPart[];
}

/**
 * The diff of an annotation's suggestion against its quoted text, or null when it has no suggestion. A suggestion
 * corrects the translation, so the target selector is used when there is one, else the only selector; the language is
 * that side's `lang`.
 */
export function annotationSuggestionDiff(
  session: ReviewSession,
  annotation: Annotation,
): AnnotationSuggestionDiff | null {
  if (annotation.suggestion === undefined) return null;
  const selector =
    annotation.selectors.find((candidate) => candidate.side === 'target') ??
    annotation.selectors[0];
  if (selector === undefined) return null;
  const lang = session.alignment[selector.side].lang;
  return {
    side: selector.side,
    selector,
    parts: diffSuggestion(selector.exact, annotation.suggestion, lang),
  };
}

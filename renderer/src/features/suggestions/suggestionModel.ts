import type { DocumentAlignment } from '../../../../core/alignment/types';
import type { DocumentFinding } from '../../../../core/checks/checkDocument';
import {
  annotationOfFinding,
  beadOfFinding,
  dismissalOfFinding,
  findingKey,
  openSuggestions,
} from '../../../../core/checks/suggestions';
import { CHECK_NAMES, type CheckName } from '../../../../core/checks/types';
import type { Annotation } from '../../../../core/review/annotation';
import type { ReviewCommand } from '../../../../core/review/commands';
import type { UiLanguage } from '../../i18n';
import type { ReviewSession } from '../../../../core/review/session';

/**
 * The suggestions as the panel and the rows show them, and the commands their buttons send: pure, over core's
 * suggestion functions (core/checks/suggestions.ts). Ids and times are given by the caller.
 */

/** An open suggestion with what the UI needs besides the finding: its text key and its row now. */
export interface Suggestion {
  readonly finding: DocumentFinding;
  /** `findingKey`: the same for the same words, whatever the alignment; unique enough for React keys. */
  readonly key: string;
  /** The sentence bead (0-based) it belongs to in the current alignment, or null. */
  readonly beadIndex: number | null;
}

/** The open suggestions of a session, in the findings' order (reading order), with their keys and rows. */
export function suggestionsOf(
  findings: readonly DocumentFinding[],
  session: ReviewSession,
): Suggestion[] {
  const seen = new Map<string, number>();
  return openSuggestions(findings, session).map((finding) => {
    const base = findingKey(finding, session.alignment);
    // Two findings on the very same words (rare) still need distinct keys.
    const repeat = seen.get(base) ?? 0;
    seen.set(base, repeat + 1);
    return {
      finding,
      key: repeat === 0 ? base : `${base}#${repeat}`,
      beadIndex: beadOfFinding(finding, session.alignment),
    };
  });
}

/** One check's open suggestions. */
export interface SuggestionGroup {
  readonly check: CheckName;
  readonly suggestions: readonly Suggestion[];
}

/** The suggestions grouped by check, in `CHECK_NAMES` order; checks with none are left out. */
export function groupByCheck(suggestions: readonly Suggestion[]): SuggestionGroup[] {
  return CHECK_NAMES.map((check) => ({
    check,
    suggestions: suggestions.filter((suggestion) => suggestion.finding.check === check),
  })).filter((group) => group.suggestions.length > 0);
}

/** The suggestions of each row (sentence bead index), in order. */
export function suggestionsByRow(
  suggestions: readonly Suggestion[],
): ReadonlyMap<number, readonly Suggestion[]> {
  const rows = new Map<number, Suggestion[]>();
  for (const suggestion of suggestions) {
    if (suggestion.beadIndex === null) continue;
    const list = rows.get(suggestion.beadIndex) ?? [];
    list.push(suggestion);
    rows.set(suggestion.beadIndex, list);
  }
  return rows;
}

/**
 * The command that accepts `finding`: a new annotation (see `annotationOfFinding`) whose comment is the message in the
 * reviewer's `language`, or null when it has no anchor.
 */
export function acceptCommand(
  finding: DocumentFinding,
  alignment: DocumentAlignment,
  id: string,
  now: string,
  language: UiLanguage,
): ReviewCommand | null {
  const annotation = annotationOfFinding(finding, alignment, id, now, language);
  return annotation ? { type: 'addAnnotation', annotation } : null;
}

/** The one command that accepts every finding given (one undo step), or null when none can be anchored. */
export function acceptAllCommand(
  findings: readonly DocumentFinding[],
  alignment: DocumentAlignment,
  mintId: () => string,
  now: string,
  language: UiLanguage,
): ReviewCommand | null {
  const annotations = findings
    .map((finding) => annotationOfFinding(finding, alignment, mintId(), now, language))
    .filter((annotation): annotation is Annotation => annotation !== undefined);
  return annotations.length > 0 ? { type: 'addAnnotations', annotations } : null;
}

/** The command that dismisses `finding` for good (see `dismissalOfFinding`). */
export function dismissCommand(
  finding: DocumentFinding,
  alignment: DocumentAlignment,
  id: string,
  now: string,
): ReviewCommand {
  return { type: 'dismissSuggestion', dismissal: dismissalOfFinding(finding, alignment, id, now) };
}

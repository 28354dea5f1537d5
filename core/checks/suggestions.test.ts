import { describe, expect, it } from 'vitest';
import { alignmentFromSentences } from '../review/alignmentFromSentences';
import { applyCommand, runCommand } from '../review/commands';
import { createHistory, executeCommand, undo } from '../review/history';
import { createSession } from '../review/session';
import { checkSession } from '../review/session';
import type { DocumentFinding } from './checkDocument';
import {
  annotationOfFinding,
  beadOfFinding,
  dismissalMatching,
  dismissalOfFinding,
  isAnnotationOfFinding,
  openSuggestions,
} from './suggestions';

const NOW = '2026-12-01T00:00:00.000Z';

/** Clause 1 has two English and two Japanese sentences, aligned one to one. */
const alignment = alignmentFromSentences({
  source: {
    clauses: [['The meeting was held in Tokyo.', 'Ministers attended it.'], ['It ends.']],
  },
  target: { clauses: [['会合は東京で行われる。', '大臣が出席した。'], ['終わる。']] },
  clauseBeads: [
    [1, 1],
    [1, 1],
  ],
  sentenceBeads: [
    [1, 1],
    [1, 1],
    [1, 1],
  ],
});

/** A tense finding on `english` and `japanese`, found in the sentence bead `bead`, with document offsets. */
function tenseFinding(english: string, japanese: string, bead: number): DocumentFinding {
  const en = alignment.source.text.indexOf(english);
  const ja = alignment.target.text.indexOf(japanese);
  return {
    check: 'tense',
    code: 'tense-past-rendered-non-past',
    params: { source: english, target: japanese },
    category: 'accuracy/mistranslation',
    itsType: 'mistranslation',
    severity: 'neutral',
    message: `The source's main verb "${english}" is past, "${japanese}" is non-past.`,
    evidence: 'past ≠ non-past',
    en: { start: en, end: en + english.length },
    ja: { start: ja, end: ja + japanese.length },
    bead,
    clause: 1,
  };
}

describe('dismissed suggestions', () => {
  const heldFinding = tenseFinding('was', '行われる', 0);

  it('records the words and their sentences, not positions', () => {
    const dismissal = dismissalOfFinding(heldFinding, alignment, 'd1', NOW);
    expect(dismissal).toEqual({
      id: 'd1',
      check: 'tense',
      code: 'tense-past-rendered-non-past',
      source: { exact: 'was', context: 'The meeting was held in Tokyo.' },
      target: { exact: '行われる', context: '会合は東京で行われる。' },
      message: heldFinding.message,
      dismissedAt: NOW,
    });
  });

  it('hides the finding when the checks run again on another alignment of the same texts', () => {
    const session = applyCommand(createSession(alignment), {
      type: 'dismissSuggestion',
      dismissal: dismissalOfFinding(heldFinding, alignment, 'd1', NOW),
    });
    expect(openSuggestions([heldFinding], session)).toEqual([]);
    // Merging the first two rows puts the same words in a bead of two sentences: still hidden.
    const merged = applyCommand(session, { type: 'mergeWithNext', beadIndex: 0 });
    expect(merged.alignment.sentenceBeads).toHaveLength(2);
    const rerun = { ...heldFinding, bead: 0 };
    expect(dismissalMatching(rerun, merged.alignment, merged.dismissals)?.id).toBe('d1');
    expect(openSuggestions([rerun], merged)).toEqual([]);
  });

  it('is placed on the row that holds its words in the current alignment', () => {
    const later = tenseFinding('ends', '終わる', 2);
    expect(beadOfFinding(later, alignment)).toBe(2);
    const merged = applyCommand(createSession(alignment), { type: 'mergeWithNext', beadIndex: 0 });
    expect(beadOfFinding(later, merged.alignment)).toBe(1);
    const { en: _en, ja: _ja, ...withoutSpans } = later;
    expect(beadOfFinding(withoutSpans, merged.alignment)).toBe(null);
  });

  it('keeps a one-sided finding hidden when its row changes, and a length finding as long as its row is the same', () => {
    const { en: _en, ...nameOnly } = tenseFinding('was', '東京', 0);
    const onlyJapanese = {
      ...nameOnly,
      check: 'entity' as const,
      code: 'entity-unmatched-in-translation' as const,
    };
    const dismissal = dismissalOfFinding(onlyJapanese, alignment, 'd1', NOW);
    expect(dismissal.source).toEqual({ exact: '', context: '' });
    const session = applyCommand(createSession(alignment), {
      type: 'dismissSuggestion',
      dismissal,
    });
    const merged = applyCommand(session, { type: 'mergeWithNext', beadIndex: 0 });
    expect(openSuggestions([onlyJapanese], merged)).toEqual([]);

    const { en: _e, ja: _j, ...spanless } = tenseFinding('was', '行われる', 0);
    const short = {
      ...spanless,
      check: 'omission' as const,
      code: 'omission-short-translation' as const,
    };
    const hidden = applyCommand(createSession(alignment), {
      type: 'dismissSuggestion',
      dismissal: dismissalOfFinding(short, alignment, 'd2', NOW),
    });
    expect(openSuggestions([short], hidden)).toEqual([]);
    // The row now holds two sentences a side: a length finding on it is about other text.
    const regrown = applyCommand(hidden, { type: 'mergeWithNext', beadIndex: 0 });
    expect(openSuggestions([short], regrown)).toEqual([short]);
  });

  it('does not hide the same kind of finding on other words', () => {
    const session = applyCommand(createSession(alignment), {
      type: 'dismissSuggestion',
      dismissal: dismissalOfFinding(heldFinding, alignment, 'd1', NOW),
    });
    const other = tenseFinding('ends', '終わる', 2);
    expect(openSuggestions([heldFinding, other], session)).toEqual([other]);
    const otherCode = { ...heldFinding, code: 'tense-non-past-rendered-past' as const };
    expect(openSuggestions([otherCode], session)).toEqual([otherCode]);
  });

  it('dismisses and restores as commands that undo, keeping the session valid', () => {
    const dismissal = dismissalOfFinding(heldFinding, alignment, 'd1', NOW);
    let history = createHistory(createSession(alignment));
    history = executeCommand(history, { type: 'dismissSuggestion', dismissal }).history;
    expect(history.present.dismissals).toEqual([dismissal]);
    expect(checkSession(history.present)).toEqual([]);
    // Dismissing the same words again changes nothing; restoring an unknown id is refused.
    const again = runCommand(history.present, {
      type: 'dismissSuggestion',
      dismissal: { ...dismissal, id: 'd2' },
    });
    expect(again.ok && again.session).toBe(history.present);
    expect(runCommand(history.present, { type: 'restoreSuggestion', id: 'nope' }).ok).toBe(false);
    const restored = executeCommand(history, { type: 'restoreSuggestion', id: 'd1' }).history;
    expect(restored.present.dismissals).toEqual([]);
    expect(openSuggestions([heldFinding], restored.present)).toEqual([heldFinding]);
    expect(undo(restored).present.dismissals).toEqual([dismissal]);
    expect(undo(undo(restored)).present.dismissals).toEqual([]);
  });
});

describe('accepted suggestions', () => {
  const heldFinding = tenseFinding('was', '行われる', 0);

  it('become an open annotation with the check as origin, the message as comment, on both spans', () => {
    const annotation = annotationOfFinding(heldFinding, alignment, 'a1', NOW)!;
    expect(annotation).toMatchObject({
      id: 'a1',
      category: 'accuracy/mistranslation',
      subtype: 'verb-tense',
      severity: 'neutral',
      comment: heldFinding.message,
      status: 'open',
      origin: { kind: 'check', checkId: 'tense-past-rendered-non-past' },
    });
    expect(annotation.selectors.map((selector) => [selector.side, selector.exact])).toEqual([
      ['source', 'was'],
      ['target', '行われる'],
    ]);
  });

  it("carry the message in the reviewer's interface language", () => {
    const japanese = annotationOfFinding(heldFinding, alignment, 'a1', NOW, 'ja')!;
    expect(japanese.comment).toBe(
      '原文の主動詞「was」は過去または現在完了ですが、訳文の述語「行われる」は非過去です。',
    );
    // Still recognised as the accepted finding, whatever language its comment is in.
    expect(isAnnotationOfFinding(japanese, heldFinding, alignment)).toBe(true);
  });

  it('are no longer suggested once accepted, and all of a kind are accepted in one undoable step', () => {
    const other = tenseFinding('ends', '終わる', 2);
    const annotations = [heldFinding, other].map((finding, index) =>
      annotationOfFinding(finding, alignment, `a${index}`, NOW)!,
    );
    const history = executeCommand(createHistory(createSession(alignment)), {
      type: 'addAnnotations',
      annotations,
    }).history;
    expect(history.present.annotations).toHaveLength(2);
    expect(openSuggestions([heldFinding, other], history.present)).toEqual([]);
    expect(undo(history).present.annotations).toEqual([]);
    // A reviewer's own annotation on the same words does not hide the suggestion.
    const byReviewer = { ...annotations[0]!, id: 'r1', origin: { kind: 'reviewer' as const } };
    const withReviewers = createSession(alignment, [byReviewer]);
    expect(openSuggestions([heldFinding], withReviewers)).toEqual([heldFinding]);
  });

  it('refuses a batch as a whole when one annotation id is taken', () => {
    const annotation = annotationOfFinding(heldFinding, alignment, 'a1', NOW)!;
    const session = createSession(alignment, [annotation]);
    const outcome = runCommand(session, {
      type: 'addAnnotations',
      annotations: [{ ...annotation, id: 'a2' }, annotation],
    });
    expect(outcome.ok).toBe(false);
    expect(outcome.session).toBe(session);
  });
});

import { describe, expect, it } from 'vitest';
import { applyCommand } from '../../../../core/review/commands';
import { createSession } from '../../../../core/review/session';
import {
  acceptAllCommand,
  dismissCommand,
  groupByCheck,
  suggestionsByRow,
  suggestionsOf,
} from './suggestionModel';
import { findingOn, twoRowAlignment } from './suggestionFixtures.testkit';

const NOW = '2026-12-01T00:00:00.000Z';

const alignment = twoRowAlignment;
const finding = findingOn;

const tense = finding('tense', 'tense-past-rendered-non-past', 'was', '行われる', 0);
const date = finding('date', 'date-missing-in-translation', '5 May', '5月6日', 0);
const later = finding('tense', 'tense-past-rendered-non-past', 'ends', '終わる', 1);

describe('the suggestions the panel lists', () => {
  it('groups open suggestions by check in the checks’ order, with their rows', () => {
    const suggestions = suggestionsOf([tense, date, later], createSession(alignment));
    expect(
      groupByCheck(suggestions).map((group) => [group.check, group.suggestions.length]),
    ).toEqual([
      ['date', 1],
      ['tense', 2],
    ]);
    const rows = suggestionsByRow(suggestions);
    expect(rows.get(0)?.map((suggestion) => suggestion.finding)).toEqual([tense, date]);
    expect(rows.get(1)?.map((suggestion) => suggestion.finding)).toEqual([later]);
  });

  it('gives distinct keys to two findings on the same words, and leaves out dismissed ones', () => {
    const twice = suggestionsOf([tense, tense], createSession(alignment));
    expect(new Set(twice.map((suggestion) => suggestion.key)).size).toBe(2);
    const session = applyCommand(
      createSession(alignment),
      dismissCommand(tense, alignment, 'd1', NOW),
    );
    expect(suggestionsOf([tense, date], session).map((suggestion) => suggestion.finding)).toEqual([
      date,
    ]);
  });

  it('accepts all of a kind as one command with an id each, and nothing without an anchor', () => {
    let next = 0;
    const command = acceptAllCommand([tense, later], alignment, () => `a${++next}`, NOW, 'en');
    expect(command?.type).toBe('addAnnotations');
    if (command?.type !== 'addAnnotations') return;
    expect(command.annotations.map((annotation) => annotation.id)).toEqual(['a1', 'a2']);
    const session = applyCommand(createSession(alignment), command);
    expect(session.annotations).toHaveLength(2);
    expect(suggestionsOf([tense, later], session)).toEqual([]);
    const notAnMqmCategory = { ...tense, category: 'spelling' };
    expect(acceptAllCommand([notAnMqmCategory], alignment, () => 'x', NOW, 'en')).toBeNull();
  });
});

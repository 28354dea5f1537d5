import { describe, expect, it } from 'vitest';
import { createSelector } from './annotation';
import { applyCommand, ReviewCommandSchema, runCommand } from './commands';
import type { ReviewSession } from './session';
import { checkSession } from './session';
import { makeAnnotation, sample } from './arbitraries.testkit';

describe('annotations', () => {
  const selector = (session: ReviewSession) =>
    createSelector('target', session.alignment.target.text, 0, 2);

  it('clears a subtype and a suggestion sent as null (over the wire too), in one step', () => {
    const start = sample();
    const added = applyCommand(start, {
      type: 'addAnnotation',
      annotation: makeAnnotation('a1', selector(start), {
        category: 'accuracy/mistranslation',
        subtype: 'verb-tense',
        suggestion: '壱。',
      }),
    });
    // The command as it arrives over the wire or from the journal: the same schema, `null` removes.
    const command = ReviewCommandSchema.parse(
      JSON.parse(
        JSON.stringify({
          type: 'updateAnnotation',
          id: 'a1',
          changes: { category: 'accuracy/omission', subtype: null, suggestion: null },
          updatedAt: '2025-05-05T10:00:00.000Z',
        }),
      ),
    );
    const updated = applyCommand(added, command);
    expect(updated.annotations[0]).toMatchObject({ category: 'accuracy/omission' });
    expect(updated.annotations[0]).not.toHaveProperty('subtype');
    expect(updated.annotations[0]).not.toHaveProperty('suggestion');
    expect(checkSession(updated)).toEqual([]);
  });

  it('adds, updates (bumping updatedAt), sets status and deletes', () => {
    const start = sample();
    const added = applyCommand(start, {
      type: 'addAnnotation',
      annotation: makeAnnotation('a1', selector(start), { suggestion: '壱。' }),
    });
    expect(added.annotations).toHaveLength(1);
    const updated = applyCommand(added, {
      type: 'updateAnnotation',
      id: 'a1',
      changes: { comment: 'Wrong numeral', severity: 'minor', suggestion: null },
      updatedAt: '2025-05-05T10:00:00.000Z',
    });
    expect(updated.annotations[0]).toMatchObject({
      comment: 'Wrong numeral',
      severity: 'minor',
      createdAt: '2025-01-01T00:00:00.000Z',
      updatedAt: '2025-05-05T10:00:00.000Z',
    });
    expect(updated.annotations[0]).not.toHaveProperty('suggestion');
    const resolved = applyCommand(updated, {
      type: 'setAnnotationStatus',
      id: 'a1',
      status: 'resolved',
      updatedAt: '2025-05-06T10:00:00.000Z',
    });
    expect(resolved.annotations[0]).toMatchObject({
      status: 'resolved',
      updatedAt: '2025-05-06T10:00:00.000Z',
    });
    expect(
      applyCommand(resolved, {
        type: 'setAnnotationStatus',
        id: 'a1',
        status: 'resolved',
        updatedAt: '2025-05-07T10:00:00.000Z',
      }),
    ).toBe(resolved);
    const deleted = applyCommand(resolved, { type: 'deleteAnnotation', id: 'a1' });
    expect(deleted.annotations).toEqual([]);
  });

  it('refuses duplicate ids, unknown ids, unknown categories and selectors outside the text', () => {
    const start = sample();
    const added = applyCommand(start, {
      type: 'addAnnotation',
      annotation: makeAnnotation('a1', selector(start)),
    });
    const refused = [
      runCommand(added, {
        type: 'addAnnotation',
        annotation: makeAnnotation('a1', selector(start)),
      }),
      runCommand(added, { type: 'deleteAnnotation', id: 'nope' }),
      runCommand(added, {
        type: 'updateAnnotation',
        id: 'a1',
        changes: { category: 'made-up' },
        updatedAt: 'x',
      }),
      runCommand(start, {
        type: 'addAnnotation',
        annotation: makeAnnotation('a2', { ...selector(start), start: 0, end: 999 }),
      }),
      runCommand(start, {
        type: 'addAnnotation',
        annotation: makeAnnotation('a3', { ...selector(start), exact: 'too long for the span' }),
      }),
    ];
    expect(refused.map((result) => result.ok)).toEqual([false, false, false, false, false]);
  });

  it('leaves annotations alone when the alignment changes (offsets point into the original text)', () => {
    const start = sample();
    const added = applyCommand(start, {
      type: 'addAnnotation',
      annotation: makeAnnotation('a1', selector(start)),
    });
    const merged = applyCommand(added, { type: 'mergeWithNext', beadIndex: 0 });
    expect(merged.annotations).toBe(added.annotations);
  });
});

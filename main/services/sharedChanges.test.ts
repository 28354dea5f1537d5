import { describe, expect, it } from 'vitest';
import type { ReviewCommand } from '../../core/review/commands';
import { addressesRows } from './sharedChanges';

describe('which commands another window’s row edits can invalidate', () => {
  it('row edits address rows; annotations and dismissed suggestions are addressed by id or text', () => {
    const dismissal = {
      id: 'd1',
      check: 'tense',
      code: 'tense-past-rendered-non-past',
      source: { exact: 'was', context: 'It was held.' },
      target: { exact: '行われる', context: '行われる。' },
      message: 'past / non-past',
      dismissedAt: '2026-12-01T00:00:00.000Z',
    };
    const rowFree: ReviewCommand[] = [
      { type: 'addAnnotations', annotations: [] },
      { type: 'dismissSuggestion', dismissal },
      { type: 'restoreSuggestion', id: 'd1' },
      { type: 'deleteAnnotation', id: 'a1' },
    ];
    for (const command of rowFree) expect(addressesRows(command), command.type).toBe(false);
    expect(addressesRows({ type: 'mergeWithNext', beadIndex: 0 })).toBe(true);
    expect(addressesRows({ type: 'pin', beadIndices: [0] })).toBe(true);
  });
});

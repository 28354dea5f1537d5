// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { ReviewCommandSchema } from '../../../../core/review/commands';
import { AnnotationSchema } from '../../../../core/project/annotation';
import { createSelector, type Annotation } from '../../../../core/review/annotation';
import { formatMessage, messages, type MessageKey } from '../../i18n';
import {
  buildFlagCommand,
  flagFormSchema,
  initialFlagValues,
  type FlagFormValues,
} from './flagFields';

const NOW = '2026-11-30T12:00:00.000Z';
const text = 'The meeting was held in Tokyo.';
const selector = createSelector('source', text, 4, 11);
const japanese = (key: MessageKey, values?: Readonly<Record<string, string | number>>) =>
  formatMessage(messages.ja[key], values);

const values: FlagFormValues = {
  category: 'accuracy/mistranslation#verb-tense',
  severity: 'major',
  comment: '  past tense  ',
  suggestion: '開催された',
  status: 'open',
  author: ' Aiko ',
};

const existing: Annotation = {
  id: 'a1',
  selectors: [selector],
  category: 'accuracy/mistranslation',
  subtype: 'verb-tense',
  severity: 'minor',
  comment: 'old',
  suggestion: 'old suggestion',
  status: 'open',
  author: 'Ben',
  createdAt: '2026-11-29T12:00:00.000Z',
  updatedAt: '2026-11-29T12:00:00.000Z',
  origin: { kind: 'reviewer' },
};

describe('the flag form rules', () => {
  it('accept a complete form', () => {
    expect(flagFormSchema(japanese).safeParse(values).success).toBe(true);
  });

  it('ask for a category and an author, in the UI language', () => {
    const result = flagFormSchema(japanese).safeParse({ ...values, category: null, author: '  ' });
    expect(result.success).toBe(false);
    const issues = result.error!.issues.map((issue) => [issue.path.join('.'), issue.message]);
    expect(issues).toEqual([
      ['category', messages.ja.categoryRequired],
      ['author', messages.ja.authorRequired],
    ]);
  });

  it('refuse a category outside the typology and a subtype its category does not allow', () => {
    const schema = flagFormSchema(japanese);
    expect(schema.safeParse({ ...values, category: 'accuracy/nonsense' }).success).toBe(false);
    expect(schema.safeParse({ ...values, category: 'fluency#verb-tense' }).success).toBe(false);
  });
});

describe('buildFlagCommand', () => {
  it('adds a reviewer annotation core accepts, trimmed, with the subtype and suggestion', () => {
    const { command, annotation } = buildFlagCommand(
      values,
      { kind: 'create', id: 'new', selectors: [selector] },
      NOW,
    );
    expect(command).toEqual({ type: 'addAnnotation', annotation });
    expect(ReviewCommandSchema.safeParse(command).success).toBe(true);
    expect(AnnotationSchema.safeParse(annotation).success).toBe(true);
    expect(annotation).toMatchObject({
      id: 'new',
      category: 'accuracy/mistranslation',
      subtype: 'verb-tense',
      comment: 'past tense',
      suggestion: '開催された',
      author: 'Aiko',
      createdAt: NOW,
      updatedAt: NOW,
      origin: { kind: 'reviewer' },
    });
  });

  it('edits with one update carrying every field, null for a cleared subtype and suggestion', () => {
    const { command, annotation } = buildFlagCommand(
      { ...values, category: 'fluency', suggestion: '' },
      { kind: 'edit', annotation: existing },
      NOW,
    );
    expect(command).toEqual({
      type: 'updateAnnotation',
      id: 'a1',
      changes: {
        category: 'fluency',
        subtype: null,
        severity: 'major',
        comment: 'past tense',
        suggestion: null,
        status: 'open',
        author: 'Aiko',
      },
      updatedAt: NOW,
    });
    expect(ReviewCommandSchema.safeParse(command).success).toBe(true);
    expect(annotation).not.toHaveProperty('subtype');
    expect(annotation).not.toHaveProperty('suggestion');
    expect(annotation).toMatchObject({ id: 'a1', createdAt: existing.createdAt, updatedAt: NOW });
  });

  it('round-trips an annotation through the form unchanged but for the time', () => {
    const { annotation } = buildFlagCommand(
      initialFlagValues(existing, 'ignored'),
      { kind: 'edit', annotation: existing },
      NOW,
    );
    expect(annotation).toEqual({ ...existing, updatedAt: NOW });
  });
});

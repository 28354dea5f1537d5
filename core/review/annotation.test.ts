import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { checkAnnotation, createSelector, selectorOnSide } from './annotation';
import type { Annotation, AnnotationSelector } from './annotation';
import { AnnotationSchema } from './annotationSchema';
import type { Annotation as StoredAnnotation, TextSelector } from './annotationSchema';
import { createSession, runCommand } from './session';
import {
  alignmentArbitrary,
  commandRecipeArbitrary,
  makeAnnotation,
  resolveRecipe,
} from './arbitraries.testkit';

type DeepMutable<T> = T extends readonly (infer Item)[]
  ? DeepMutable<Item>[]
  : T extends object
    ? { -readonly [Key in keyof T]: DeepMutable<T[Key]> }
    : T;

describe('createSelector', () => {
  it('quotes the span with up to 32 code units of context', () => {
    const text = `${'a'.repeat(40)}QUOTE${'b'.repeat(40)}`;
    const selector = createSelector('source', text, 40, 45);
    expect(selector).toEqual({
      side: 'source',
      exact: 'QUOTE',
      prefix: 'a'.repeat(32),
      suffix: 'b'.repeat(32),
      start: 40,
      end: 45,
      unit: 'utf16',
    });
  });

  it('orders and clamps offsets and never cuts a surrogate pair in the context', () => {
    expect(createSelector('target', 'abc', 5, -1)).toMatchObject({
      start: 0,
      end: 3,
      exact: 'abc',
    });
    const text = '𠮷野家です';
    // A context of 1 code unit would start inside 𠮷 (2 code units); it takes the whole character instead.
    expect(createSelector('target', text, 2, 3, 1).prefix).toBe('𠮷');
  });
});

describe('checkAnnotation', () => {
  it('accepts a well-formed annotation and names what is wrong with a bad one', () => {
    const selector = createSelector('target', 'あいう', 0, 2);
    const lengths = { source: 10, target: 3 };
    expect(checkAnnotation(makeAnnotation('a', selector), lengths)).toEqual([]);
    const bad = makeAnnotation('b', selector, {
      category: 'nonsense',
      selectors: [selector, { ...selector, end: 9 }],
    });
    const problems = checkAnnotation(bad, lengths);
    expect(problems).toHaveLength(3);
    expect(problems.join('\n')).toMatch(/not an MQM category/);
    expect(problems.join('\n')).toMatch(/two target selectors/);
    expect(problems.join('\n')).toMatch(/not inside the text/);
    expect(selectorOnSide(bad, 'source')).toBeUndefined();
    const wrongSubtype = makeAnnotation('c', selector, {
      category: 'style',
      subtype: 'verb-tense',
    });
    expect(checkAnnotation(wrongSubtype, lengths)).toEqual([
      'annotation c: subtype verb-tense does not belong to style',
    ]);
  });
});

describe('compatibility with the stored schema (annotationSchema.ts)', () => {
  it('reads what the schema parses as the domain types', () => {
    expectTypeOf<StoredAnnotation>().toExtend<Annotation>();
    expectTypeOf<TextSelector>().toExtend<AnnotationSelector>();
  });

  it('gives the schema type back once the readonly markers are dropped (saving needs no cast per field)', () => {
    // Plain assignability (expectTypeOf compares unions of objects too strictly for this).
    const stored = (annotation: DeepMutable<Annotation>): StoredAnnotation => annotation;
    expect(stored).toBeTypeOf('function');
  });

  it('writes only annotations the schema accepts, after any command sequence (property)', () => {
    fc.assert(
      fc.property(
        alignmentArbitrary,
        fc.array(commandRecipeArbitrary, { maxLength: 30 }),
        (alignment, recipes) => {
          let session = createSession(alignment);
          for (const recipe of recipes) {
            session = runCommand(session, resolveRecipe(session, recipe)).session;
          }
          for (const annotation of session.annotations) {
            const parsed = AnnotationSchema.safeParse(annotation);
            expect(parsed.error?.issues ?? []).toEqual([]);
          }
        },
      ),
      { numRuns: 100 },
    );
  });
});

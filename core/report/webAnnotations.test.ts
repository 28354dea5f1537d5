import { describe, expect, it } from 'vitest';
import { buildReportModel } from './reportModel';
import { testReportOptions, testSession } from './testProject';
import { annotationsFromWebAnnotations, buildWebAnnotations } from './webAnnotations';

const model = buildReportModel(testSession, testReportOptions);

describe('buildWebAnnotations', () => {
  it('writes a W3C AnnotationCollection with one page of annotations in reading order', () => {
    const collection = buildWebAnnotations(model);
    expect(collection['@context']).toEqual([
      'http://www.w3.org/ns/anno.jsonld',
      { tky: 'urn:taiyaku:review:1#' },
    ]);
    expect(collection).toMatchObject({
      id: 'urn:taiyaku:annotations',
      type: 'AnnotationCollection',
      total: 7,
      first: { id: 'urn:taiyaku:annotations#page1', type: 'AnnotationPage', startIndex: 0 },
    });
    const items = (collection.first as { items: Record<string, unknown>[] }).items;
    expect(items.map((item) => item.id)).toEqual(
      model.issues.map((issue) => `urn:taiyaku:annotation:${issue.id}`),
    );
    expect(items[0]).toMatchObject({
      type: 'Annotation',
      motivation: 'assessing',
      created: '2026-11-01T09:00:00.000Z',
      modified: '2026-11-02T10:30:00.000Z',
      creator: { type: 'Person', name: 'Reviewer' },
      body: [
        { type: 'TextualBody', purpose: 'commenting', value: expect.stringContaining('<script>') },
        {
          type: 'TextualBody',
          purpose: 'classifying',
          value: 'accuracy/mistranslation',
          'tky:itsType': 'mistranslation',
          'tky:subtype': 'verb-tense',
          'tky:severity': 'major',
          'tky:status': 'open',
        },
        { type: 'TextualBody', purpose: 'editing', value: '行われた', language: 'ja' },
      ],
      target: [
        {
          type: 'SpecificResource',
          source: 'urn:taiyaku:text:source',
          language: 'en',
          selector: [
            { type: 'TextQuoteSelector', exact: 'was held', prefix: '1. The session ' },
            { type: 'TextPositionSelector', start: 15, end: 23 },
          ],
        },
        { source: 'urn:taiyaku:text:target', language: 'ja' },
      ],
    });
  });

  it('round-trips through JSON back to the same annotations', () => {
    const json = JSON.parse(JSON.stringify(buildWebAnnotations(model))) as unknown;
    const byId = <T extends { id: string }>(list: readonly T[]) =>
      [...list].sort((left, right) => left.id.localeCompare(right.id));
    expect(byId(annotationsFromWebAnnotations(json))).toEqual(byId(testSession.annotations));
  });

  it('refuses what it did not write', () => {
    expect(() => annotationsFromWebAnnotations({ type: 'Annotation' })).toThrow();
    expect(() => annotationsFromWebAnnotations([{ id: 'x', type: 'Annotation' }])).toThrow(
      /Web annotation 1/,
    );
  });
});

import { describe, expect, expectTypeOf, it } from 'vitest';
import fc from 'fast-check';
import { MQM_CATEGORIES, SEVERITIES } from '../review/mqm';
import { ANNOTATION_STATUSES } from './annotation';
import { createSelector } from '../review/annotation';
import type { ReviewSession } from '../review/session';
import type { Annotation } from './annotation';
import {
  createExampleAlignment,
  createExampleAnnotation,
  createExampleProject,
} from './exampleProject.testkit';
import { migrateProjectData } from './migrations';
import type { ProjectMigration } from './migrations';
import { CURRENT_SCHEMA_VERSION, formatIssuePath, serializeProjectFile } from './projectFile';
import { parseProjectFile, parseProjectJson, salvageProjectFile } from './readProjectFile';
import type { ProjectFile } from './projectFile';

const NOW = '2024-05-01T12:00:00.000Z';

function exampleWithAnnotation() {
  const project = createExampleProject({ now: NOW });
  return { ...project, annotations: [createExampleAnnotation(project, 0, NOW)] };
}

describe('compatibility with the review session (core/review)', () => {
  it("opens a project's alignment and annotations straight into a session", () => {
    expectTypeOf<ProjectFile['annotations']>().toExtend<ReviewSession['annotations']>();
    expectTypeOf<ProjectFile['alignment']>().toExtend<ReviewSession['alignment']>();
    expectTypeOf<ProjectFile['dismissals']>().toExtend<ReviewSession['dismissals']>();
  });
});

describe('dismissed suggestions (format 2)', () => {
  const dismissal = {
    id: 'd1',
    check: 'tense',
    code: 'tense-past-rendered-non-past',
    source: { exact: 'was', context: 'The meeting was held in Tokyo.' },
    target: { exact: '行われる', context: '会合は東京で行われる。' },
    message: 'The source is past, the translation is not.',
    dismissedAt: NOW,
  };

  it('migrates a format 1 project to one with no dismissals, keeping everything else', () => {
    const current = exampleWithAnnotation();
    const { dismissals: _dismissals, ...rest } = current;
    const formatOne = { ...rest, schemaVersion: 1 };
    const result = parseProjectFile(formatOne);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.migratedFrom).toBe(1);
    expect(result.project).toEqual({ ...current, schemaVersion: 2, dismissals: [] });
  });

  it('keeps dismissals and per-project check settings through serialize and parse', () => {
    const project = {
      ...exampleWithAnnotation(),
      settings: {
        mqmThreshold: 10,
        checks: { tense: { enabled: false }, omission: { shortFactor: 0.5 } },
      },
      dismissals: [dismissal],
    };
    expect(parseProjectJson(serializeProjectFile(project))).toEqual({ ok: true, project });
  });

  it('refuses a dismissal repeated under another id, and unknown check settings', () => {
    const repeated = parseProjectFile({
      ...exampleWithAnnotation(),
      dismissals: [dismissal, { ...dismissal, id: 'd2' }],
    });
    expect(repeated).toMatchObject({ ok: false, error: { code: 'invalid' } });
    if (!repeated.ok && repeated.error.code === 'invalid')
      expect(repeated.error.issues[0]).toContain('dismissals[1]');
    const unknownSetting = parseProjectFile({
      ...exampleWithAnnotation(),
      settings: { mqmThreshold: 10, checks: { spelling: { enabled: false } } },
    });
    expect(unknownSetting.ok).toBe(false);
  });
});

describe('parseProjectFile', () => {
  it('reads back what serializeProjectFile wrote', () => {
    const project = exampleWithAnnotation();
    const result = parseProjectJson(serializeProjectFile(project));
    expect(result).toEqual({ ok: true, project });
  });

  it('refuses a newer schema version with a message naming both versions', () => {
    const newer = CURRENT_SCHEMA_VERSION + 1;
    const project = { ...exampleWithAnnotation(), schemaVersion: newer };
    const result = parseProjectFile(project);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('newer-version');
    expect(result.error.message).toBe(
      `This project was saved by a newer Taiyaku (format ${newer}); this version reads up to format ${CURRENT_SCHEMA_VERSION}. Update Taiyaku to open it.`,
    );
  });

  it('refuses JSON that is not a project, and text that is not JSON', () => {
    expect(parseProjectFile({ hello: 'world' })).toMatchObject({
      ok: false,
      error: { code: 'not-a-project' },
    });
    expect(parseProjectFile([1, 2])).toMatchObject({ ok: false, error: { code: 'not-a-project' } });
    expect(parseProjectJson('{"format": "taiyaku-proj')).toMatchObject({
      ok: false,
      error: { code: 'not-json' },
    });
  });

  it('never quotes the text of a file that is not JSON', () => {
    expect(parseProjectJson('root:SECRET:19000')).toEqual({
      ok: false,
      error: { code: 'not-json', message: 'This file is not a Taiyaku project (not valid JSON).' },
    });
    expect(parseProjectJson('{"a": "SECRET"')).toMatchObject({
      error: { message: 'This file is not a Taiyaku project (not valid JSON: at position 14).' },
    });
    expect(parseProjectJson('["SECRET",')).toMatchObject({
      error: { message: 'This file is not a Taiyaku project (not valid JSON: it ends too early).' },
    });
  });

  it('reports schema problems with readable paths', () => {
    const project = exampleWithAnnotation();
    const annotation = project.annotations[0] as Annotation;
    const broken = {
      ...project,
      settings: { mqmThreshold: -1 },
      annotations: [{ ...annotation, selectors: [{ ...annotation.selectors[0], end: 9_999 }] }],
    };
    const result = parseProjectFile(broken);
    expect(result.ok).toBe(false);
    if (result.ok || result.error.code !== 'invalid') throw new Error('expected an invalid result');
    expect(result.error.issues).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^settings\.mqmThreshold: /),
        expect.stringMatching(
          /^annotations\[0\]\.selectors\[0\]\.exact: exact must be as long as end - start/,
        ),
      ]),
    );
    expect(result.error.message).toContain('The project file is damaged or incomplete:');
  });

  it('checks selectors against the text, ids for uniqueness, and subtypes against their category', () => {
    const project = exampleWithAnnotation();
    const annotation = project.annotations[0] as Annotation;
    const textLength = project.alignment.target.text.length;
    const pastEnd = createSelector(
      'target',
      `${project.alignment.target.text}overflow`,
      textLength,
      textLength + 8,
    );
    const result = parseProjectFile({
      ...project,
      annotations: [
        annotation,
        { ...annotation, selectors: [pastEnd] },
        { ...annotation, id: 'other', category: 'terminology' },
      ],
    });
    if (result.ok || result.error.code !== 'invalid') throw new Error('expected an invalid result');
    expect(result.error.issues).toEqual([
      'annotations[2].subtype: this subtype does not belong to the category',
      'annotations[1].id: duplicate annotation id "a0"',
      `annotations[1].selectors[0].end: ${textLength + 8} is past the end of the target text (${textLength} UTF-16 code units)`,
    ]);
  });

  it('formats issue paths', () => {
    expect(formatIssuePath([])).toBe('(project)');
    expect(formatIssuePath(['annotations', 3, 'selectors', 0, 'end'])).toBe(
      'annotations[3].selectors[0].end',
    );
  });
});

describe('migrations', () => {
  /** The prototype's shape (format 0), as documented in migrations.ts. */
  function formatZeroProject() {
    const alignment = createExampleAlignment();
    return {
      format: 'taiyaku-project',
      version: 0,
      title: 'Prototype project',
      created: '2023-01-01T00:00:00.000Z',
      modified: '2023-01-02T00:00:00Z',
      source: { lang: 'en', file: 'a.en.txt', encoding: 'utf-8' },
      target: { lang: 'ja', file: 'a.ja.txt', encoding: 'shift_jis' },
      alignment,
      issues: [
        {
          id: 'i1',
          side: 'target',
          start: 3,
          end: 5,
          category: 'mistranslation',
          severity: 'major',
          note: 'tense',
          author: 'Sato',
          at: '2023-01-02T00:00:00Z',
        },
      ],
    };
  }

  it('migrates the format-0 prototype shape to the current version', () => {
    const result = parseProjectFile(formatZeroProject());
    if (!result.ok) throw new Error(result.error.message);
    expect(result.migratedFrom).toBe(0);
    const { project } = result;
    expect(project.schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
    expect(project.name).toBe('Prototype project');
    expect(project.settings).toEqual({ mqmThreshold: 10 });
    expect(project.documents.target).toEqual({
      lang: 'ja',
      fileName: 'a.ja.txt',
      encoding: 'shift_jis',
    });
    expect(project.annotations).toEqual([
      {
        id: 'i1',
        selectors: [createSelector('target', project.alignment.target.text, 3, 5)],
        category: 'accuracy/mistranslation',
        severity: 'major',
        comment: 'tense',
        status: 'open',
        author: 'Sato',
        createdAt: '2023-01-02T00:00:00Z',
        updatedAt: '2023-01-02T00:00:00Z',
        origin: { kind: 'reviewer' },
      },
    ]);
    expect(project.annotations[0]?.selectors[0]?.exact).toBe('会合');
  });

  it('reports a format-0 file it cannot convert instead of throwing', () => {
    const { alignment: _alignment, ...withoutAlignment } = formatZeroProject();
    const result = parseProjectFile(withoutAlignment);
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'migration-failed', schemaVersion: 0 },
    });
    if (!result.ok) expect(result.error.message).toContain('alignment is missing or not an object');
  });

  it('chains steps in order and names a missing step', () => {
    const steps: ProjectMigration[] = [
      {
        from: 1,
        description: 'b',
        migrate: (data) => ({ ...data, trail: `${String(data.trail)}>2` }),
      },
      {
        from: 0,
        description: 'a',
        migrate: (data) => ({ ...data, trail: `${String(data.trail)}>1` }),
      },
    ];
    expect(migrateProjectData({ trail: '0' }, 0, 2, steps)).toEqual({
      ok: true,
      data: { trail: '0>1>2' },
    });
    expect(migrateProjectData({}, 0, 3, steps)).toEqual({
      ok: false,
      message: 'no migration from format 2 to format 3',
    });
  });

  it('does not mutate its input', () => {
    const original = formatZeroProject();
    const copy = structuredClone(original);
    parseProjectFile(original);
    expect(original).toEqual(copy);
  });
});

describe('round trip (property)', () => {
  const base = createExampleProject({ now: NOW });
  const categoryIds = MQM_CATEGORIES.map((category) => category.id);
  const annotationArbitrary = fc
    .record({
      side: fc.constantFrom('source' as const, 'target' as const),
      startFraction: fc.double({ min: 0, max: 1, noNaN: true }),
      lengthFraction: fc.double({ min: 0, max: 1, noNaN: true }),
      category: fc.constantFrom(...categoryIds),
      severity: fc.constantFrom(...SEVERITIES),
      status: fc.constantFrom(...ANNOTATION_STATUSES),
      comment: fc.string({ unit: 'grapheme' }),
      suggestion: fc.option(fc.string({ unit: 'binary' }), { nil: undefined }),
      checkId: fc.option(fc.stringMatching(/^[a-z-]{1,12}$/), { nil: undefined }),
      time: fc.date({
        min: new Date('2000-01-01'),
        max: new Date('2100-01-01'),
        noInvalidDate: true,
      }),
    })
    .map((spec): Omit<Annotation, 'id'> => {
      const text = base.alignment[spec.side].text;
      const start = Math.floor(spec.startFraction * text.length);
      const end = start + Math.floor(spec.lengthFraction * (text.length - start));
      return {
        selectors: [createSelector(spec.side, text, start, end)],
        category: spec.category,
        severity: spec.severity,
        comment: spec.comment,
        ...(spec.suggestion === undefined ? {} : { suggestion: spec.suggestion }),
        status: spec.status,
        author: 'Reviewer 査読者',
        createdAt: spec.time.toISOString(),
        updatedAt: spec.time.toISOString(),
        origin:
          spec.checkId === undefined
            ? { kind: 'reviewer' }
            : { kind: 'check', checkId: spec.checkId },
      };
    });

  it('any valid project survives serialize → parse unchanged', () => {
    fc.assert(
      fc.property(
        fc.array(annotationArbitrary, { maxLength: 20 }),
        fc.string({ minLength: 1, unit: 'grapheme' }),
        fc.double({ min: 0, max: 1_000, noNaN: true }),
        (annotations, name, threshold) => {
          const project = {
            ...base,
            name,
            settings: { mqmThreshold: threshold, uiLanguage: 'ja' as const },
            annotations: annotations.map((annotation, index) => ({
              id: `n${index}`,
              ...annotation,
            })),
          };
          expect(parseProjectJson(serializeProjectFile(project))).toEqual({ ok: true, project });
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('salvageProjectFile', () => {
  function threeAnnotations() {
    const project = createExampleProject({ now: NOW });
    return {
      ...project,
      annotations: [0, 1, 2].map((index) => createExampleAnnotation(project, index, NOW)),
    };
  }

  it('returns a valid project whole, with nothing set aside', () => {
    const project = threeAnnotations();
    expect(salvageProjectFile(JSON.parse(serializeProjectFile(project)))).toEqual({
      ok: true,
      project,
      quarantined: [],
    });
  });

  it('sets aside only the annotations that do not validate, a duplicate id included, keeping their JSON', () => {
    const project = threeAnnotations();
    const [first, second, third] = project.annotations as [Annotation, Annotation, Annotation];
    const broken = { ...second, severity: 'catastrophic' };
    const duplicate = { ...third, id: first.id };
    const result = salvageProjectFile({ ...project, annotations: [first, broken, duplicate, 7] });
    expect(result.ok && result.project.annotations).toEqual([first]);
    expect(result.ok && result.quarantined).toEqual([
      {
        index: 1,
        id: second.id,
        quote: second.selectors[0]?.exact,
        problems: [expect.stringMatching(/^annotations\[1\]\.severity: /)],
        raw: broken,
      },
      {
        index: 2,
        id: first.id,
        quote: third.selectors[0]?.exact,
        problems: [`annotations[2].id: duplicate annotation id "${first.id}"`],
        raw: duplicate,
      },
      { index: 3, problems: [expect.stringMatching(/^annotations\[3\]: /)], raw: 7 },
    ]);
  });

  it('salvages nothing when more than annotations is damaged, or the annotations are not a list', () => {
    const project = threeAnnotations();
    const damagedText = {
      ...project,
      alignment: { ...project.alignment, source: { ...project.alignment.source, text: 42 } },
    };
    expect(salvageProjectFile(damagedText)).toEqual(parseProjectFile(damagedText));
    expect(salvageProjectFile(damagedText)).toMatchObject({
      ok: false,
      error: { code: 'invalid' },
    });
    const notAList = { ...project, annotations: { a0: project.annotations[0] } };
    expect(salvageProjectFile(notAList)).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(salvageProjectFile({ hello: 'world' })).toMatchObject({
      ok: false,
      error: { code: 'not-a-project' },
    });
  });
});

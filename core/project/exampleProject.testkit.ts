import type { DocumentAlignment, DocumentSide, Segment } from '../alignment/types';
import { createSelector } from '../review/annotation';
import type { Annotation } from './annotation';
import { createProjectFile } from './projectFile';
import type { ProjectFile } from './projectFile';

/**
 * Small, valid projects for tests, the crash harness and demos. Not used by the app itself.
 */

const EXAMPLE_SOURCE =
  '1. The Meeting was held on December 4, 2022.\n2. Japan proposed increased support.\n';
const EXAMPLE_TARGET = '1. 会合は2022年12月4日に開催された。\n2. 日本から支援強化が提案された。\n';

/** A side whose clauses are its lines and whose sentences equal its clauses (one sentence per clause). */
function sideOfLines(lang: string, text: string): DocumentSide {
  const clauses: Segment[] = [];
  let start = 0;
  for (const line of text.split('\n')) {
    if (line.trim() !== '') {
      clauses.push({
        start,
        end: start + line.length,
        text: line,
        level: 'clause',
        label: line.split(' ')[0],
      });
    }
    start += line.length + 1;
  }
  const sentences: Segment[] = clauses.map((clause, clauseIndex) => ({
    start: clause.start,
    end: clause.end,
    text: clause.text,
    level: 'sentence',
    clauseIndex,
  }));
  return { lang, text, clauses, sentences };
}

/**
 * A two-clause EN→JA alignment, 1:1 beads at both levels. `padding` appends about that many UTF-16 code units of
 * filler to the last clause of both sides (inside the clause, so the clauses still cover all non-blank text), to make
 * files of a chosen size.
 */
export function createExampleAlignment(padding = 0): DocumentAlignment {
  const filler = padding > 0 ? ` ${'x'.repeat(padding)}` : '';
  const source = sideOfLines('en', EXAMPLE_SOURCE.replace(/\n$/, `${filler}\n`));
  const target = sideOfLines('ja', EXAMPLE_TARGET.replace(/\n$/, `${filler}\n`));
  return {
    source,
    target,
    clauseBeads: source.clauses.map((_, index) => ({
      sourceIndices: [index],
      targetIndices: [index],
      confidence: 0.9,
    })),
    sentenceBeads: source.sentences.map((_, index) => ({
      sourceIndices: [index],
      targetIndices: [index],
      confidence: 0.9,
      clauseBead: index,
    })),
  };
}

/** A valid project around `createExampleAlignment(padding)`, created at `now` (ISO). */
export function createExampleProject(
  options: { now?: string; padding?: number; name?: string } = {},
): ProjectFile {
  return createProjectFile({
    name: options.name ?? 'Example',
    documents: {
      source: { lang: 'en', fileName: 'example.en.txt', encoding: 'utf-8' },
      target: { lang: 'ja', fileName: 'example.ja.txt', encoding: 'utf-8' },
    },
    alignment: createExampleAlignment(options.padding ?? 0),
    now: options.now ?? '2024-01-01T00:00:00.000Z',
    appVersion: '0.1.0',
  });
}

/**
 * The `index`-th example annotation for `project`: a minor verb-tense mistranslation on the first target clause with
 * id `a<index>`, created at `now` (ISO).
 */
export function createExampleAnnotation(
  project: ProjectFile,
  index: number,
  now: string,
): Annotation {
  const clause = project.alignment.target.clauses[0];
  if (clause === undefined) throw new Error('the example project has no target clause');
  return {
    id: `a${index}`,
    selectors: [createSelector('target', project.alignment.target.text, clause.start, clause.end)],
    category: 'accuracy/mistranslation',
    subtype: 'verb-tense',
    severity: 'minor',
    comment: `note ${index}`,
    status: 'open',
    author: 'harness',
    createdAt: now,
    updatedAt: now,
    origin: { kind: 'reviewer' },
  };
}

// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { formatMessage, messages, type MessageKey } from '../../i18n';
import {
  createProjectRequest,
  emptyNewProject,
  newProjectSchema,
  projectPathSchema,
} from './projectForms';

const japanese = (key: MessageKey, values?: Readonly<Record<string, string | number>>) =>
  formatMessage(messages.ja[key], values);

const errorsOf = (result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) =>
  result.success ? [] : result.error!.issues.map((issue) => issue.path.join('.'));

describe('the new-project rules', () => {
  const schema = newProjectSchema(japanese);

  it('need a name and both texts of the chosen mode only', () => {
    expect(errorsOf(schema.safeParse({ ...emptyNewProject('paste'), name: '  ' }))).toEqual([
      'name',
      'englishText',
      'japaneseText',
    ]);
    const pasted = {
      ...emptyNewProject('paste'),
      name: 'Report',
      englishText: 'A.',
      japaneseText: 'あ。',
    };
    expect(schema.safeParse(pasted).success).toBe(true);
    expect(errorsOf(schema.safeParse({ ...pasted, mode: 'bilingual' }))).toEqual(['bilingualFile']);
    expect(errorsOf(schema.safeParse({ ...pasted, mode: 'files' }))).toEqual([
      'englishFile',
      'japaneseFile',
    ]);
  });

  it('say what is missing in the UI language', () => {
    const result = schema.safeParse(emptyNewProject());
    expect(new Set(result.error!.issues.map((issue) => issue.message))).toEqual(
      new Set([messages.ja.missingInput]),
    );
  });

  it('send a trimmed name and the pasted texts as they are', async () => {
    const request = await createProjectRequest({
      ...emptyNewProject('paste'),
      name: ' Report ',
      englishText: ' A. ',
      japaneseText: 'あ。',
    });
    expect(request).toEqual({ name: 'Report', source: { text: ' A. ' }, target: { text: 'あ。' } });
  });
});

describe('the project path rules', () => {
  it('need a path, other than the current one when saving as', () => {
    expect(projectPathSchema(japanese).safeParse({ path: ' ' }).error!.issues[0]!.message).toBe(
      messages.ja.projectPathRequired,
    );
    const saveAs = projectPathSchema(japanese, '/p/a.taiyaku');
    expect(saveAs.safeParse({ path: '/p/a.taiyaku ' }).error!.issues[0]!.message).toBe(
      messages.ja.samePath,
    );
    expect(saveAs.safeParse({ path: '/p/b.taiyaku' }).success).toBe(true);
  });
});

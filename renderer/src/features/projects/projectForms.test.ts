// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { formatMessage, messages, type MessageKey } from '../../i18n';
import {
  columnChoiceSchema,
  emptyNewProject,
  newProjectRequest,
  newProjectSchema,
  prefillFromFiles,
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
    const made = await newProjectRequest({
      ...emptyNewProject('paste'),
      name: ' Report ',
      englishText: ' A. ',
      japaneseText: 'あ。',
    });
    expect(made).toEqual({
      channel: 'create',
      request: { name: 'Report', source: { text: ' A. ' }, target: { text: 'あ。' } },
    });
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

describe('files dropped on the workspace', () => {
  const file = (name: string) => new File(['x'], name);

  it('make one file a bilingual import named after it', () => {
    const values = prefillFromFiles([file('minutes.xlf')]);
    expect(values).toMatchObject({ mode: 'bilingual', name: 'minutes' });
    expect(values?.bilingualFile?.name).toBe('minutes.xlf');
  });

  it('make two files the English and the Japanese, by name when a name says Japanese', () => {
    const values = prefillFromFiles([file('report.ja.docx'), file('report.en.docx')]);
    expect(values?.mode).toBe('files');
    expect(values?.englishFile?.name).toBe('report.en.docx');
    expect(values?.japaneseFile?.name).toBe('report.ja.docx');
    expect(values?.name).toBe('report');
    const inOrder = prefillFromFiles([file('a.txt'), file('b.txt')]);
    expect([inOrder?.englishFile?.name, inOrder?.japaneseFile?.name]).toEqual(['a.txt', 'b.txt']);
  });

  it('are refused when there are none or more than two', () => {
    expect(prefillFromFiles([])).toBeNull();
    expect(prefillFromFiles([file('a'), file('b'), file('c')])).toBeNull();
  });
});

describe('the column choice of a bilingual table', () => {
  it('is sent with the bilingual file to project:import', async () => {
    const values = {
      ...emptyNewProject('bilingual'),
      name: 'Terms',
      bilingualFile: new File(['a,b'], 'terms.csv'),
    };
    const made = await newProjectRequest(values, { english: 1, japanese: 0, header: true });
    expect(made.channel).toBe('import');
    expect(made.request).toMatchObject({
      name: 'Terms',
      files: [{ fileName: 'terms.csv' }],
      columns: { english: 1, japanese: 0, header: true },
    });
  });

  it('is not needed for plain text, which project:create takes as before', async () => {
    const values = {
      ...emptyNewProject('files'),
      name: 'Minutes',
      englishFile: new File(['A.'], 'minutes.en.txt'),
      japaneseFile: new File(['あ。'], 'minutes.ja.docx'),
    };
    expect((await newProjectRequest(values)).channel).toBe('import');
    const text = { ...values, japaneseFile: new File(['あ。'], 'minutes.ja.txt') };
    expect(await newProjectRequest(text)).toMatchObject({
      channel: 'create',
      request: { source: { fileName: 'minutes.en.txt' }, target: { fileName: 'minutes.ja.txt' } },
    });
  });

  it('needs two different columns', () => {
    const schema = columnChoiceSchema('two columns');
    expect(schema.safeParse({ english: 1, japanese: 1, header: false }).success).toBe(false);
    expect(schema.safeParse({ english: 0, japanese: 1, header: false }).success).toBe(true);
  });
});

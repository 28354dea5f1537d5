import { z } from 'zod';
import {
  ImportColumnChoiceSchema,
  ipcContract,
  TextSourceSchema,
} from '../../../../core/ipc/contract';
import type { CreateProjectRequest, ImportProjectRequest } from '../../state/reviewStore';
import type { Translate } from '../../useMessages';
import { nameFromFileName, readFileSource } from './base64';

// Core's rules for what the Node side accepts: the forms check against these, with messages in the UI language.
const projectName = ipcContract['project:create'].request.options[0].shape.name;
const projectPath = ipcContract['project:save-as'].request.shape.newPath;

/** True when core's `schema` accepts `value`. */
function accepts(schema: z.ZodType, value: unknown): boolean {
  return schema.safeParse(value).success;
}

/** How the new project's texts come in: two files, two pasted texts, or one bilingual file. */
export type NewProjectMode = 'files' | 'paste' | 'bilingual';

/** The new-project form. Only the inputs of the chosen `mode` count. */
export type NewProjectValues = {
  readonly name: string;
  readonly mode: NewProjectMode;
  readonly englishFile: File | null;
  readonly japaneseFile: File | null;
  readonly bilingualFile: File | null;
  readonly englishText: string;
  readonly japaneseText: string;
};

/** An empty new-project form on the given tab. */
export function emptyNewProject(mode: NewProjectMode = 'files'): NewProjectValues {
  return {
    name: '',
    mode,
    englishFile: null,
    japaneseFile: null,
    bilingualFile: null,
    englishText: '',
    japaneseText: '',
  };
}

/** A pasted text core would take that is not blank. */
function isPastedText(text: string): boolean {
  return text.trim() !== '' && accepts(TextSourceSchema, { text });
}

/**
 * The new-project rules: a name `project:create` takes (once trimmed) and both texts of the chosen mode (two files,
 * two non-blank pasted texts, or the bilingual file). Every message is `missingInput` in the UI language.
 */
export function newProjectSchema(t: Translate) {
  const message = t('missingInput');
  const file = z.custom<File | null>();
  return z
    .object({
      name: z.string().refine((name) => accepts(projectName, name.trim()), message),
      mode: z.enum(['files', 'paste', 'bilingual']),
      englishFile: file,
      japaneseFile: file,
      bilingualFile: file,
      englishText: z.string(),
      japaneseText: z.string(),
    })
    .superRefine((values, context) => {
      const missing: (keyof NewProjectValues)[] =
        values.mode === 'files'
          ? (['englishFile', 'japaneseFile'] as const).filter((key) => values[key] === null)
          : values.mode === 'paste'
            ? (['englishText', 'japaneseText'] as const).filter((key) => !isPastedText(values[key]))
            : values.bilingualFile === null
              ? ['bilingualFile']
              : [];
      for (const key of missing) context.addIssue({ code: 'custom', path: [key], message });
    });
}

/** Which columns of a bilingual table hold which language (the answer to the service's question). */
export type ColumnChoice = NonNullable<ImportProjectRequest['columns']>;

/** Files of these kinds are plain text, which `project:create` decodes; every other kind goes to `project:import`. */
function isPlainText(file: File): boolean {
  return /\.(txt|md|text)$/i.test(file.name);
}

/** How a new project is made: `project:create` (pasted or plain texts) or `project:import` (any other file). */
export type NewProjectRequest =
  | { readonly channel: 'create'; readonly request: CreateProjectRequest }
  | { readonly channel: 'import'; readonly request: ImportProjectRequest };

/**
 * The request for a valid new-project form (reads the chosen files): pasted and plain-text files are created as
 * before; documents, XLIFF, TMX and tables are imported, with `columns` answering the service's question about a
 * table.
 */
export async function newProjectRequest(
  values: NewProjectValues,
  columns?: ColumnChoice,
): Promise<NewProjectRequest> {
  const name = values.name.trim();
  if (values.mode === 'paste') {
    return {
      channel: 'create',
      request: {
        name,
        source: { text: values.englishText },
        target: { text: values.japaneseText },
      },
    };
  }
  const files =
    values.mode === 'files' ? [values.englishFile!, values.japaneseFile!] : [values.bilingualFile!];
  const sources = await Promise.all(files.map(readFileSource));
  if (files.every(isPlainText)) {
    return {
      channel: 'create',
      request:
        sources.length === 2
          ? { name, source: sources[0]!, target: sources[1]! }
          : { name, bilingual: sources[0]! },
    };
  }
  return {
    channel: 'import',
    request: { name, files: sources, ...(columns ? { columns } : {}) },
  };
}

/** What the file pickers take: a document for each language, or one bilingual file of any importable kind. */
export const DOCUMENT_ACCEPT = '.txt,.md,.text,.docx,.pdf,text/plain';
export const BILINGUAL_ACCEPT = `${DOCUMENT_ACCEPT},.xliff,.xlf,.tmx,.csv,.tsv,.xlsx`;

/** True when a file name says the file is the Japanese one (`minutes.ja.docx`, `report_jp.txt`, `報告書.pdf`). */
function looksJapanese(fileName: string): boolean {
  return /[._\-\s](ja|jp|jpn)(\.[^.]+)?$/i.test(fileName) || /[぀-ヿ一-鿿]/.test(fileName);
}

/**
 * The new-project form for files dropped on the workspace: one file is a bilingual document (or XLIFF, TMX, table),
 * two are the English and the Japanese (the one whose name says Japanese, else the second). Null for any other count.
 */
export function prefillFromFiles(files: readonly File[]): NewProjectValues | null {
  if (files.length === 1) {
    const file = files[0]!;
    return {
      ...emptyNewProject('bilingual'),
      bilingualFile: file,
      name: nameFromFileName(file.name),
    };
  }
  if (files.length !== 2) return null;
  const [first, second] = files as [File, File];
  const [english, japanese] =
    looksJapanese(first.name) && !looksJapanese(second.name) ? [second, first] : [first, second];
  return {
    ...emptyNewProject('files'),
    englishFile: english,
    japaneseFile: japanese,
    name: nameFromFileName(english.name),
  };
}

/** A column choice core takes, with two different columns (`message` otherwise). */
export function columnChoiceSchema(message: string) {
  return ImportColumnChoiceSchema.refine((choice) => choice.english !== choice.japanese, {
    message,
    path: ['japanese'],
  });
}

/** A project path form (open, save as). */
export type ProjectPathValues = { readonly path: string };

/**
 * A path `project:open` and `project:save-as` take (once trimmed), other than `current` when given (saving as the
 * same file is no save as).
 */
export function projectPathSchema(t: Translate, current?: string | null) {
  return z.object({
    path: z
      .string()
      .refine((path) => accepts(projectPath, path.trim()), t('projectPathRequired'))
      .refine((path) => current == null || path.trim() !== current, t('samePath')),
  });
}

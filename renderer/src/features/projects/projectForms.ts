import { z } from 'zod';
import { ipcContract, TextSourceSchema } from '../../../../core/ipc/contract';
import type { CreateProjectRequest } from '../../state/reviewStore';
import type { Translate } from '../../useMessages';
import { readFileSource } from './base64';

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

/** The `project:create` request for a valid new-project form (reads the chosen files). */
export async function createProjectRequest(
  values: NewProjectValues,
): Promise<CreateProjectRequest> {
  const name = values.name.trim();
  if (values.mode === 'files') {
    return {
      name,
      source: await readFileSource(values.englishFile!),
      target: await readFileSource(values.japaneseFile!),
    };
  }
  if (values.mode === 'paste') {
    return { name, source: { text: values.englishText }, target: { text: values.japaneseText } };
  }
  return { name, bilingual: await readFileSource(values.bilingualFile!) };
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

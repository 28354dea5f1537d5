import { useMemo, useState, type FormEvent } from 'react';
import { useForm, type UseFormReturnType } from '@mantine/form';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import { messageOf } from '../../errors';
import { useReview } from '../../state/ReviewStoreContext';
import { useMessages } from '../../useMessages';
import { nameFromFileName } from './base64';
import type { ColumnQuestion } from '../../state/reviewStore';
import {
  emptyNewProject,
  newProjectRequest,
  type ColumnChoice,
  newProjectSchema,
  type NewProjectValues,
} from './projectForms';

/** The new-project form's state and actions. */
export interface NewProjectForm {
  readonly form: UseFormReturnType<NewProjectValues>;
  /** True when the chosen mode has everything it needs. */
  readonly ready: boolean;
  /** Why the last attempt failed (the Node side's message, or what is missing); null when none. */
  readonly error: string | null;
  /** Sets a file field, and the project name from the file's when no name is given yet. */
  readonly setFile: (
    field: 'englishFile' | 'japaneseFile' | 'bilingualFile',
    file: File | null,
  ) => void;
  readonly submit: (event?: FormEvent) => void;
  /** The service's question about a bilingual table's columns, until the reviewer answers it or changes the file. */
  readonly columnQuestion: ColumnQuestion | null;
  /** Creates the project again with the reviewer's column choice. */
  readonly chooseColumns: (choice: ColumnChoice) => void;
  /** Fills the form from files dropped on the workspace. */
  readonly prefill: (values: NewProjectValues) => void;
}

/**
 * The new-project form (`@mantine/form`, validated by `newProjectSchema` over core's `project:create` rules, in the
 * UI language). Creating aligns on the Node side; on success the form empties (keeping its tab) and `onCreated` runs.
 */
export function useNewProjectForm(onCreated: () => void): NewProjectForm {
  const t = useMessages();
  const createProject = useReview((state) => state.createProject);
  const importProject = useReview((state) => state.importProject);
  const validate = useMemo(() => zod4Resolver(newProjectSchema(t)), [t]);
  const form = useForm<NewProjectValues>({ initialValues: emptyNewProject(), validate });
  const [columnQuestion, setColumnQuestion] = useState<ColumnQuestion | null>(null);

  // Nothing open changes unless the project is created: the store adopts the new project only on success.
  const create = async (values: NewProjectValues, columns?: ColumnChoice) => {
    try {
      const made = await newProjectRequest(values, columns);
      if (made.channel === 'create') await createProject(made.request);
      else {
        const question = await importProject(made.request);
        if (question) {
          form.clearErrors();
          setColumnQuestion(question);
          return;
        }
      }
      form.setValues(emptyNewProject(values.mode));
      form.clearErrors();
      setColumnQuestion(null);
      onCreated();
    } catch (caught) {
      form.setErrors({ submit: messageOf(caught) });
    }
  };

  return {
    form,
    ready: form.isValid(),
    error: typeof form.errors.submit === 'string' ? form.errors.submit : null,
    setFile: (field, file) => {
      form.setFieldValue(field, file);
      setColumnQuestion(null);
      if (file && field !== 'japaneseFile' && !form.getValues().name.trim()) {
        form.setFieldValue('name', nameFromFileName(file.name));
      }
    },
    submit: (event) => {
      event?.preventDefault();
      if (form.submitting) return;
      form.onSubmit(
        (values) => create(values),
        () => form.setErrors({ submit: t('missingInput') }),
      )();
    },
    columnQuestion,
    chooseColumns: (choice) => {
      if (form.submitting) return;
      form.onSubmit((values) => create(values, choice))();
    },
    prefill: (values) => {
      form.setValues(values);
      form.clearErrors();
      setColumnQuestion(null);
    },
  };
}

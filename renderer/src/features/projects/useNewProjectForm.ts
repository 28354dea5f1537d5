import { useMemo, type FormEvent } from 'react';
import { useForm, type UseFormReturnType } from '@mantine/form';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import { messageOf } from '../../errors';
import { useReview } from '../../state/ReviewStoreContext';
import { useMessages } from '../../useMessages';
import { nameFromFileName } from './base64';
import {
  createProjectRequest,
  emptyNewProject,
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
}

/**
 * The new-project form (`@mantine/form`, validated by `newProjectSchema` over core's `project:create` rules, in the
 * UI language). Creating aligns on the Node side; on success the form empties (keeping its tab) and `onCreated` runs.
 */
export function useNewProjectForm(onCreated: () => void): NewProjectForm {
  const t = useMessages();
  const createProject = useReview((state) => state.createProject);
  const validate = useMemo(() => zod4Resolver(newProjectSchema(t)), [t]);
  const form = useForm<NewProjectValues>({ initialValues: emptyNewProject(), validate });

  const create = async (values: NewProjectValues) => {
    try {
      await createProject(await createProjectRequest(values));
      form.setValues(emptyNewProject(values.mode));
      form.clearErrors();
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
      if (file && field !== 'japaneseFile' && !form.getValues().name.trim()) {
        form.setFieldValue('name', nameFromFileName(file.name));
      }
    },
    submit: (event) => {
      event?.preventDefault();
      if (form.submitting) return;
      form.onSubmit(create, () => form.setErrors({ submit: t('missingInput') }))();
    },
  };
}

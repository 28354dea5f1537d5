import { useMemo, useState, type FormEvent } from 'react';
import { useForm, type UseFormReturnType } from '@mantine/form';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import { createSelector } from '../../../../core/review/annotation';
import { beadOfAnnotation } from '../../../../core/review/anchoring';
import { useReview } from '../../state/ReviewStoreContext';
import { useMessages } from '../../useMessages';
import {
  buildFlagCommand,
  flagFormSchema,
  initialFlagValues,
  type FlagDialogMode,
  type FlagFormValues,
  type FlagTarget,
} from './flagFields';
import { quotesOf, type Quote } from './quotes';

const AUTHOR_KEY = 'taiyaku.author';

function rememberedAuthor(): string {
  try {
    return localStorage.getItem(AUTHOR_KEY) ?? '';
  } catch {
    return '';
  }
}

function rememberAuthor(name: string): void {
  try {
    localStorage.setItem(AUTHOR_KEY, name);
  } catch {
    // Private mode or full storage: the name is simply not remembered.
  }
}

/** The flag form's state and its save. */
export interface FlagFormState {
  readonly form: UseFormReturnType<FlagFormValues>;
  /** What the annotation quotes, per side (none when nothing is selected). */
  readonly quotes: readonly Quote[];
  /** Validates, then adds or updates the annotation, selects it and closes; a no-op while a save is running. */
  readonly submit: (event?: FormEvent) => void;
}

/**
 * The flag form (`@mantine/form`, validated by `flagFormSchema` over core's annotation schema, messages in the UI
 * language; a field's message goes away as soon as it changes), plus the rule that something must be quoted. Saving
 * runs the command `buildFlagCommand` makes, through the store.
 */
export function useFlagForm(
  mode: FlagDialogMode,
  onClose: (saved: boolean) => void,
): FlagFormState {
  const t = useMessages();
  const alignment = useReview((state) => state.history?.present.alignment);
  const run = useReview((state) => state.run);
  const selectAnnotation = useReview((state) => state.selectAnnotation);

  const quotes = useMemo(() => (alignment ? quotesOf(mode, alignment) : []), [mode, alignment]);
  const resolve = useMemo(() => zod4Resolver(flagFormSchema(t)), [t]);
  const [initialValues] = useState(() =>
    initialFlagValues(mode.kind === 'edit' ? mode.annotation : null, rememberedAuthor()),
  );
  const form = useForm<FlagFormValues>({
    initialValues,
    validate: (values) => ({
      ...resolve(values),
      ...(quotes.length === 0 ? { selection: t('noSelection') } : {}),
    }),
  });

  const save = async (values: FlagFormValues) => {
    if (!alignment) return;
    rememberAuthor(values.author.trim());
    const target: FlagTarget =
      mode.kind === 'create'
        ? {
            kind: 'create',
            id: crypto.randomUUID(),
            selectors: (['source', 'target'] as const).flatMap((side) => {
              const span = mode.selection[side];
              return span ? [createSelector(side, alignment[side].text, span.start, span.end)] : [];
            }),
          }
        : { kind: 'edit', annotation: mode.annotation };
    const { command, annotation } = buildFlagCommand(values, target, new Date().toISOString());
    if (!(await run(command))) {
      form.setErrors({ save: t('saveFailed') });
      return;
    }
    selectAnnotation(annotation.id, beadOfAnnotation({ alignment, annotations: [] }, annotation));
    if (mode.kind === 'create') window.getSelection()?.removeAllRanges();
    onClose(true);
  };

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    if (!form.submitting) form.onSubmit(save)();
  };
  return { form, quotes, submit };
}

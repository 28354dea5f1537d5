import { useState } from 'react';
import { NumberInput } from '@mantine/core';
import { messageOf } from '../../errors';
import { useReview } from '../../state/ReviewStoreContext';
import { useMessages } from '../../useMessages';
import { useUpdateSettings } from './useUpdateSettings';

/** The pass mark, saved with the project on Enter or when the field loses focus. */
export function ThresholdInput({ threshold }: { threshold: number }) {
  const t = useMessages();
  const notify = useReview((state) => state.notify);
  const updateSettings = useUpdateSettings();
  // Keyed by the saved value: a change from elsewhere (undo, another window) resets the draft.
  const [draft, setDraft] = useState<number | string>(threshold);
  const commit = () => {
    const value = typeof draft === 'number' ? draft : Number.parseFloat(draft);
    if (!Number.isFinite(value) || value < 0) {
      setDraft(threshold);
      return;
    }
    if (value === threshold) return;
    updateSettings({ mqmThreshold: value }).catch((error: unknown) => {
      setDraft(threshold);
      notify('error', t('thresholdFailed', { error: messageOf(error) }));
    });
  };
  return (
    <NumberInput
      size="xs"
      label={t('threshold')}
      value={draft}
      onChange={setDraft}
      onBlur={commit}
      onKeyDown={(event) => {
        if (event.key === 'Enter') commit();
      }}
      min={0}
      step={1}
      decimalScale={2}
      allowNegative={false}
    />
  );
}

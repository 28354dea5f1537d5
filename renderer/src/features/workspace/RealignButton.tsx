import { useState } from 'react';
import { Button, Tooltip } from '@mantine/core';
import { RealignIcon } from '../../components/icons';
import { useReview } from '../../state/ReviewStoreContext';
import { useMessages } from '../../useMessages';

/** Realigns every unconfirmed row (on the Node side), busy until the answer comes. */
export function RealignButton({ disabled = false }: { readonly disabled?: boolean }) {
  const t = useMessages();
  const realign = useReview((state) => state.realign);
  const [realigning, setRealigning] = useState(false);
  return (
    <Tooltip label={t('realignHint')} multiline w={320}>
      <Button
        variant="default"
        size="xs"
        leftSection={<RealignIcon size={14} />}
        loading={realigning}
        disabled={disabled}
        onClick={async () => {
          setRealigning(true);
          try {
            await realign();
          } finally {
            setRealigning(false);
          }
        }}
      >
        {t('realign')}
      </Button>
    </Tooltip>
  );
}

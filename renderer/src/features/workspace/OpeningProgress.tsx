import { Group, Loader, Progress, Stack, Text } from '@mantine/core';
import type { AlignmentProgress } from '../../../../core/alignment/alignDocument';
import { formatMessage, type MessageKey } from '../../i18n';
import { useReview } from '../../state/ReviewStoreContext';
import { useMessages } from '../../useMessages';

const PHASE_MESSAGE: Record<AlignmentProgress['phase'], MessageKey> = {
  dictionaries: 'openingDictionaries',
  segmenting: 'openingSegmenting',
  analysing: 'openingAnalysing',
  clauses: 'openingClauses',
  sentences: 'openingSentences',
};

/**
 * What the window shows while the first project opens: what the aligner is doing (the sample's first start loads the
 * dictionaries and aligns it, seconds), as the Node side reports it; just "Opening the document…" until it says.
 */
export function OpeningProgress() {
  const t = useMessages();
  const opening = useReview((state) => state.opening);
  const detail =
    opening &&
    formatMessage(t(PHASE_MESSAGE[opening.phase]), {
      // The clause pair being aligned, 1-based: `done` pairs are finished.
      clause: Math.min(opening.done + 1, opening.total),
      total: opening.total,
    });
  return (
    <Stack gap={6} align="center" miw={320}>
      <Group>
        <Loader size="sm" />
        <Text>{t('loading')}</Text>
      </Group>
      <Text size="sm" c="dimmed" role="status" aria-live="polite" data-opening-progress>
        {detail ?? ''}
      </Text>
      {opening?.phase === 'sentences' && opening.total > 0 && (
        <Progress
          w={280}
          size="sm"
          value={(100 * opening.done) / opening.total}
          aria-label={detail ?? undefined}
        />
      )}
    </Stack>
  );
}

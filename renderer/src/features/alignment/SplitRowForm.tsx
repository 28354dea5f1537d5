import { useState } from 'react';
import { Button, Group, NumberInput, Stack, Text } from '@mantine/core';
import type { DocumentSide, SentenceBead } from '../../../../core/alignment/types';
import { formatMessage } from '../../i18n';
import { useMessages } from '../../useMessages';
import type { SentenceCaret } from './caret';
import { defaultSplit, isValidSplit } from './rowActions';

function shorten(text: string, length: number, fromEnd: boolean): string {
  if (text.length <= length) return text;
  return fromEnd ? `…${text.slice(text.length - length)}` : `${text.slice(0, length)}…`;
}

/** Splits a row between sentences: how many English and Japanese sentences the first row keeps, with a preview. */
export function SplitRowForm({
  bead,
  beadIndex,
  source,
  target,
  picked,
  onSplit,
  onCancel,
}: {
  bead: SentenceBead;
  /** The sentence the reviewer last clicked into, if any: the second row starts there. */
  picked: SentenceCaret | null;
  beadIndex: number;
  source: DocumentSide;
  target: DocumentSide;
  onSplit: (sourceCount: number, targetCount: number) => void;
  onCancel: () => void;
}) {
  const t = useMessages();
  const initial = defaultSplit(bead, picked);
  const [sourceCount, setSourceCount] = useState(initial.sourceCount);
  const [targetCount, setTargetCount] = useState(initial.targetCount);
  const valid = isValidSplit(bead, sourceCount, targetCount);
  const preview = (documentSide: DocumentSide, indices: readonly number[], count: number) => {
    const last = count > 0 ? documentSide.sentences[indices[count - 1]!]?.text : undefined;
    const next = count < indices.length ? documentSide.sentences[indices[count]!]?.text : undefined;
    return (
      <Text size="xs" c="dimmed" lang={documentSide.lang}>
        {last ? shorten(last, 36, true) : '—'}{' '}
        <Text span c="indigo" fw={700} aria-hidden>
          ⏐
        </Text>{' '}
        {next ? shorten(next, 36, false) : '—'}
      </Text>
    );
  };
  return (
    <form
      aria-label={formatMessage(t('splitTitle'), { row: beadIndex + 1 })}
      onSubmit={(event) => {
        event.preventDefault();
        if (valid) onSplit(sourceCount, targetCount);
      }}
    >
      <Stack gap="xs" w={340}>
        <Text fw={600} size="sm">
          {formatMessage(t('splitTitle'), { row: beadIndex + 1 })}
        </Text>
        <Text size="xs">{t('splitFirstKeeps')}</Text>
        <Group gap="xs" wrap="nowrap">
          <Text size="xs" w={130} component="label" htmlFor={`split-splitSourceCount-${beadIndex}`}>
            {t('splitSourceCount')}
          </Text>
          <NumberInput
            id={`split-splitSourceCount-${beadIndex}`}
            size="xs"
            w={84}
            min={0}
            max={bead.sourceIndices.length}
            value={sourceCount}
            onChange={(value) => setSourceCount(Number(value) || 0)}
            data-autofocus
          />
          <Text size="xs" c="dimmed">
            {formatMessage(t('splitOf'), { count: bead.sourceIndices.length })}
          </Text>
        </Group>
        {preview(source, bead.sourceIndices, sourceCount)}
        <Group gap="xs" wrap="nowrap">
          <Text size="xs" w={130} component="label" htmlFor={`split-splitTargetCount-${beadIndex}`}>
            {t('splitTargetCount')}
          </Text>
          <NumberInput
            id={`split-splitTargetCount-${beadIndex}`}
            size="xs"
            w={84}
            min={0}
            max={bead.targetIndices.length}
            value={targetCount}
            onChange={(value) => setTargetCount(Number(value) || 0)}
          />
          <Text size="xs" c="dimmed">
            {formatMessage(t('splitOf'), { count: bead.targetIndices.length })}
          </Text>
        </Group>
        {preview(target, bead.targetIndices, targetCount)}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" size="xs" onClick={onCancel}>
            {t('cancel')}
          </Button>
          <Button size="xs" type="submit" disabled={!valid}>
            {t('splitConfirm')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

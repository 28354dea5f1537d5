import { Alert, Box, CloseButton, Group, Stack, Text } from '@mantine/core';
import type { Side } from '../../../../core/alignment/types';
import { useMessages } from '../../useMessages';
import type { Quote } from './quotes';
import classes from './annotations.module.css';

/**
 * The flag dialog's quoted text, per side with a little context; when creating, each quote can be dropped. With no
 * quote, says how to select text.
 */
export function QuoteList({
  quotes,
  removable,
  onRemoveSide,
}: {
  quotes: readonly Quote[];
  /** True when creating: the quotes are the pending selection and each can be dropped. */
  removable: boolean;
  onRemoveSide: (side: Side) => void;
}) {
  const t = useMessages();
  const sideLabel = (side: Side) => (side === 'source' ? t('source') : t('target'));
  return (
    <Box>
      <Text size="sm" fw={500} mb={4}>
        {t('quotedText')}
      </Text>
      {quotes.length === 0 ? (
        <Alert color="orange" variant="light" role="alert" data-testid="no-selection">
          {t('noSelection')}
        </Alert>
      ) : (
        <Stack gap={6}>
          {quotes.map((quote) => (
            <Group key={quote.side} gap="xs" wrap="nowrap" align="flex-start">
              <Box style={{ flex: 1, minWidth: 0 }}>
                <Text size="xs" c="dimmed">
                  {sideLabel(quote.side)}
                </Text>
                <Text className={classes.quote} lang={quote.lang}>
                  {quote.before && <span className={classes.context}>…{quote.before}</span>}
                  <strong className={classes.quoted} data-testid={`quote-${quote.side}`}>
                    {quote.exact}
                  </strong>
                  {quote.after && <span className={classes.context}>{quote.after}…</span>}
                </Text>
              </Box>
              {removable && (
                <CloseButton
                  size="sm"
                  aria-label={t('removeQuote', { side: sideLabel(quote.side) })}
                  onClick={() => onRemoveSide(quote.side)}
                />
              )}
            </Group>
          ))}
          {removable && quotes.length === 1 && (
            <Text size="xs" c="dimmed">
              {t('bothSidesHint')}
            </Text>
          )}
        </Stack>
      )}
    </Box>
  );
}

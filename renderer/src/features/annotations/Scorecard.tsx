import { useDeferredValue, useMemo } from 'react';
import { Badge, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { DEFAULT_MQM_THRESHOLD } from '../../../../core/project/projectFile';
import { SEVERITIES } from '../../../../core/review/mqm';
import { buildScorecard } from '../../../../core/review/scorecard';
import { useReview } from '../../state/ReviewStoreContext';
import { useMessages, useUiLanguage } from '../../useMessages';
import { severityLabel } from './labels';
import { SEVERITY_COLOR } from './severityColor';
import { ThresholdInput } from './ThresholdInput';
import classes from './annotations.module.css';

/**
 * The live MQM scorecard: penalty points, the same per 1,000 source words against the project's pass mark (editable,
 * saved with the project), issues per severity and per dimension.
 */
export function Scorecard() {
  const t = useMessages();
  const language = useUiLanguage();
  // Counting a long document's source words takes ~0.1 s: let the rows paint first, then score (also on later
  // changes, the text stays responsive while the card catches up).
  const session = useDeferredValue(
    useReview((state) => state.history?.present ?? null),
    null,
  );
  const threshold = useReview(
    (state) => state.meta?.settings.mqmThreshold ?? DEFAULT_MQM_THRESHOLD,
  );

  const card = useMemo(
    () => (session ? buildScorecard(session, { threshold }) : null),
    [session, threshold],
  );
  if (!card) return null;
  const number = new Intl.NumberFormat(t('locale'), {
    maximumFractionDigits: 2,
  });

  return (
    <Paper withBorder p="sm" radius="sm" component="section" aria-labelledby="mqm-scorecard-title">
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap">
          <Title order={2} size="h5" id="mqm-scorecard-title">
            {t('scorecard')}
          </Title>
          <Badge
            color={card.passed ? 'teal.9' : 'red.9'}
            variant="filled"
            size="lg"
            data-testid="scorecard-verdict"
          >
            {card.passed ? t('pass') : t('fail')}
          </Badge>
        </Group>
        <div>
          <Text
            component="div"
            className={classes.scoreNumber}
            data-testid="scorecard-per-thousand"
          >
            {card.penaltyPerThousandWords === null
              ? '—'
              : number.format(card.penaltyPerThousandWords)}
          </Text>
          <Text size="xs" c="dimmed">
            {card.penaltyPerThousandWords === null ? t('noWords') : t('perThousand')}
          </Text>
          <Text size="sm" mt={4}>
            {t('penaltySummary', {
              points: number.format(card.penaltyPoints),
              words: number.format(card.sourceWordCount),
            })}
          </Text>
          {card.rejectedAnnotations > 0 && (
            <Text size="xs" c="dimmed">
              {t('rejectedNote', { count: card.rejectedAnnotations })}
            </Text>
          )}
        </div>
        <ThresholdInput key={threshold} threshold={threshold} />
        <SimpleGrid cols={4} spacing={4} aria-label={t('bySeverity')} role="group">
          {SEVERITIES.slice()
            .reverse()
            .map((severity) => (
              <Badge
                key={severity}
                variant="light"
                color={SEVERITY_COLOR[severity]}
                classNames={{ label: classes.badgeInk }}
                fullWidth
                styles={{ label: { overflow: 'visible' } }}
              >
                {severityLabel(severity, language)} {card.bySeverity[severity].count}
              </Badge>
            ))}
        </SimpleGrid>
        {card.byDimension.length > 0 && (
          <table className={classes.breakdown}>
            <caption style={{ textAlign: 'left', fontSize: 'var(--mantine-font-size-xs)' }}>
              {t('byDimension')}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('dimension')}</th>
                <th scope="col">{t('issues')}</th>
                <th scope="col">{t('points')}</th>
              </tr>
            </thead>
            <tbody>
              {card.byDimension.map((tally) => (
                <tr key={tally.categoryId}>
                  <th scope="row" style={{ fontWeight: 400 }}>
                    {tally.label[language]}
                  </th>
                  <td>{tally.count}</td>
                  <td>{number.format(tally.penalty)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Stack>
    </Paper>
  );
}

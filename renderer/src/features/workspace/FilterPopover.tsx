import { Button, Checkbox, Divider, Group, Indicator, Popover, Stack, Text } from '@mantine/core';
import { ANNOTATION_STATUSES, type AnnotationStatus } from '../../../../core/project/annotation';
import { MQM_CATEGORIES, SEVERITIES, type Severity } from '../../../../core/review/mqm';
import { FilterIcon } from '../../components/icons';
import { useReview } from '../../state/ReviewStoreContext';
import { useMessages } from '../../useMessages';
import { severityLabel, statusLabel } from '../annotations/labels';

/** The row filters: flagged, unconfirmed, low confidence, and the issues' severity, status and category. */
export function FilterPopover({ disabled = false }: { readonly disabled?: boolean }) {
  const t = useMessages();
  const language = useReview((state) => state.ui.uiLanguage);
  const filter = useReview((state) => state.ui.filter);
  const setFilter = useReview((state) => state.setFilter);
  const clearFilter = useReview((state) => state.clearFilter);
  const { text: _text, ...criteria } = filter;
  const active = Object.values(criteria).filter((value) =>
    Array.isArray(value) ? value.length > 0 : value !== undefined && value !== false,
  ).length;
  const dimensions = MQM_CATEGORIES.filter((category) => category.parent === undefined);
  return (
    <Popover position="bottom-start" shadow="md" width={420} trapFocus>
      {/* The indicator wraps the target, not the other way round: the target's aria-haspopup/aria-expanded belong on the
          button (axe aria-allowed-attr flags them on the indicator's div). */}
      <Indicator label={active} size={16} disabled={active === 0} offset={4}>
        <Popover.Target>
          <Button
            variant={active ? 'light' : 'default'}
            size="xs"
            disabled={disabled}
            leftSection={<FilterIcon size={14} />}
          >
            {t('filters')}
          </Button>
        </Popover.Target>
      </Indicator>
      <Popover.Dropdown>
        <Stack gap="sm">
          <Stack gap={6}>
            <Text size="xs" fw={500}>
              {t('filterRows')}
            </Text>
            <Checkbox
              size="xs"
              label={t('filterFlagged')}
              checked={filter.flagged === true}
              onChange={(event) => setFilter({ flagged: event.currentTarget.checked || undefined })}
            />
            <Checkbox
              size="xs"
              label={t('filterUnconfirmed')}
              checked={filter.unconfirmed === true}
              onChange={(event) =>
                setFilter({ unconfirmed: event.currentTarget.checked || undefined })
              }
            />
            <Checkbox
              size="xs"
              label={t('filterLowConfidence')}
              checked={filter.lowConfidenceBelow !== undefined}
              onChange={(event) =>
                setFilter({ lowConfidenceBelow: event.currentTarget.checked ? 0.5 : undefined })
              }
            />
          </Stack>
          <Divider />
          <Checkbox.Group
            label={t('filterSeverity')}
            size="xs"
            value={[...(filter.severities ?? [])]}
            onChange={(values) => setFilter({ severities: values as Severity[] })}
          >
            <Group gap="md" mt={4}>
              {SEVERITIES.map((severity) => (
                <Checkbox
                  key={severity}
                  size="xs"
                  value={severity}
                  label={severityLabel(severity, language)}
                />
              ))}
            </Group>
          </Checkbox.Group>
          <Checkbox.Group
            label={t('filterStatus')}
            size="xs"
            value={[...(filter.statuses ?? [])]}
            onChange={(values) => setFilter({ statuses: values as AnnotationStatus[] })}
          >
            <Group gap="md" mt={4}>
              {ANNOTATION_STATUSES.map((status) => (
                <Checkbox
                  key={status}
                  size="xs"
                  value={status}
                  label={statusLabel(status, language)}
                />
              ))}
            </Group>
          </Checkbox.Group>
          <Checkbox.Group
            label={t('filterCategory')}
            size="xs"
            value={[...(filter.categories ?? [])]}
            onChange={(values) => setFilter({ categories: values })}
          >
            <Group gap="md" mt={4}>
              {dimensions.map((category) => (
                <Checkbox
                  key={category.id}
                  size="xs"
                  value={category.id}
                  label={category.label[language]}
                />
              ))}
            </Group>
          </Checkbox.Group>
          <Group justify="flex-end">
            <Button size="xs" variant="subtle" onClick={clearFilter} disabled={active === 0}>
              {t('clearFilters')}
            </Button>
          </Group>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}

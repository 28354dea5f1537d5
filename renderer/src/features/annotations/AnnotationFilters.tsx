import { useMemo } from 'react';
import { Select, SimpleGrid } from '@mantine/core';
import { ANNOTATION_STATUSES } from '../../../../core/project/annotation';
import type { AnnotationStatus } from '../../../../core/review/annotation';
import { SEVERITIES, type Severity } from '../../../../core/review/mqm';
import { useMessages, useUiLanguage } from '../../useMessages';
import { categoryGroups, severityLabel, statusLabel } from './labels';
import type { Origin, PanelFilter } from './panelFilter';

/** The annotation panel's four filters: category, severity, status and who raised the issue. */
export function AnnotationFilters({
  filter,
  onChange,
}: {
  filter: PanelFilter;
  onChange: (change: Partial<PanelFilter>) => void;
}) {
  const t = useMessages();
  const language = useUiLanguage();
  const data = useMemo(
    () => ({
      category: categoryGroups(language, false),
      severity: SEVERITIES.map((value) => ({ value, label: severityLabel(value, language) })),
      status: ANNOTATION_STATUSES.map((value) => ({ value, label: statusLabel(value, language) })),
      origin: [
        { value: 'reviewer', label: t('originReviewer') },
        { value: 'check', label: t('originCheck') },
      ],
    }),
    [language, t],
  );
  return (
    <SimpleGrid cols={2} spacing="xs" verticalSpacing={4}>
      <Select
        size="xs"
        label={t('panelFilterCategory')}
        placeholder={t('any')}
        data={data.category}
        value={filter.category}
        onChange={(value) => onChange({ category: value })}
        clearable
        searchable
        comboboxProps={{ withinPortal: true }}
      />
      <Select
        size="xs"
        label={t('filterSeverity')}
        placeholder={t('any')}
        data={data.severity}
        value={filter.severity}
        onChange={(value) => onChange({ severity: value as Severity | null })}
        clearable
      />
      <Select
        size="xs"
        label={t('panelFilterStatus')}
        placeholder={t('any')}
        data={data.status}
        value={filter.status}
        onChange={(value) => onChange({ status: value as AnnotationStatus | null })}
        clearable
      />
      <Select
        size="xs"
        label={t('filterOrigin')}
        placeholder={t('any')}
        data={data.origin}
        value={filter.origin}
        onChange={(value) => onChange({ origin: value as Origin | null })}
        clearable
      />
    </SimpleGrid>
  );
}

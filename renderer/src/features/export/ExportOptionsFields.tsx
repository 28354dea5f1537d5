import { Checkbox, NumberInput, Radio, SimpleGrid, Stack } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { LabelledChoice } from '../../components/LabelledChoice';
import { useMessages } from '../../useMessages';
import { EXPORT_FORMATS, formatInfo, type ExportValues } from './exportForm';

/** The export form's fields: the format, then the options that format takes (rows, report language, TMX filter). */
export function ExportOptionsFields({ form }: { form: UseFormReturnType<ExportValues> }) {
  const t = useMessages();
  const values = form.getValues();
  const info = formatInfo(values.format);
  return (
    <Stack gap="md">
      <Radio.Group label={t('exportFormat')} {...form.getInputProps('format')}>
        <SimpleGrid cols={2} spacing="xs" verticalSpacing="xs" mt={6}>
          {EXPORT_FORMATS.map((format) => (
            <Radio
              key={format.format}
              value={format.format}
              label={t(format.label)}
              description={t(format.hint)}
            />
          ))}
        </SimpleGrid>
      </Radio.Group>
      {info.rowChoice && (
        <div>
          <LabelledChoice
            label={t('exportRows')}
            value={values.rows}
            onChange={(value) =>
              form.setFieldValue('rows', value === 'flagged' ? 'flagged' : 'all')
            }
            data={[
              { value: 'all', label: t('exportRowsAll') },
              { value: 'flagged', label: t('exportRowsFlagged') },
            ]}
          />
        </div>
      )}
      {info.languageChoice && (
        <div>
          <LabelledChoice
            label={t('exportLanguage')}
            value={values.language}
            onChange={(value) => form.setFieldValue('language', value === 'ja' ? 'ja' : 'en')}
            data={[
              { value: 'en', label: 'English' },
              { value: 'ja', label: '日本語' },
            ]}
          />
        </div>
      )}
      {values.format === 'tmx' && (
        <Stack gap="xs">
          <NumberInput
            label={t('exportMinConfidence')}
            description={t('exportMinConfidenceHint')}
            min={0}
            max={100}
            step={5}
            suffix=" %"
            allowDecimal={false}
            {...form.getInputProps('minConfidencePercent')}
          />
          <Checkbox
            label={t('exportConfirmedOnly')}
            {...form.getInputProps('confirmedOnly', { type: 'checkbox' })}
          />
        </Stack>
      )}
    </Stack>
  );
}

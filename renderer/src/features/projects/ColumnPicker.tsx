import { useMemo } from 'react';
import { Alert, Button, Checkbox, Group, Select, Stack, Table, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import { useMessages } from '../../useMessages';
import type { ColumnQuestion } from '../../state/reviewStore';
import { suggestedColumns } from './columnChoice';
import { columnChoiceSchema, type ColumnChoice } from './projectForms';

/**
 * The service could not tell a table's languages apart: the reviewer picks the English and the Japanese column and
 * says whether row 1 is a header, seeing a few values of every column, then the import runs again with that choice.
 */
export function ColumnPicker({
  question,
  busy,
  onChoose,
}: {
  question: ColumnQuestion;
  busy: boolean;
  onChoose: (choice: ColumnChoice) => void;
}) {
  const t = useMessages();
  const validate = useMemo(() => zod4Resolver(columnChoiceSchema(t('columnsSame'))), [t]);
  const form = useForm<ColumnChoice>({
    mode: 'controlled',
    initialValues: { ...suggestedColumns(question), header: question.header },
    validate,
  });
  const columnName = (index: number) => t('columnNumber', { number: index + 1 });
  const options = question.columns.map((column) => ({
    value: String(column.index),
    label: column.samples[0]
      ? t('columnOption', { column: columnName(column.index), sample: column.samples[0] })
      : columnName(column.index),
  }));
  const select = (field: 'english' | 'japanese') => ({
    data: options,
    value: String(form.values[field]),
    onChange: (value: string | null) => {
      if (value !== null) form.setFieldValue(field, Number(value));
    },
    error: field === 'japanese' ? form.errors['japanese'] : undefined,
    allowDeselect: false,
    comboboxProps: { withinPortal: true },
  });
  return (
    <Alert color="indigo" variant="light" title={t('columnsTitle')} data-testid="column-picker">
      <Stack gap="sm">
        <Text size="sm">
          {t('columnsHint', { name: question.fileName })}
          {question.reason ? ` ${question.reason}` : ''}
        </Text>
        <Table withTableBorder fz="xs" verticalSpacing={4}>
          <Table.Caption>{t('sampleValues')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              {question.columns.map((column) => (
                <Table.Th key={column.index} scope="col">
                  {columnName(column.index)}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {[0, 1, 2].map((row) => (
              <Table.Tr key={row}>
                {question.columns.map((column) => (
                  <Table.Td key={column.index}>{column.samples[row] ?? ''}</Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Group grow align="flex-start">
          <Select label={t('englishColumn')} {...select('english')} />
          <Select label={t('japaneseColumn')} {...select('japanese')} />
        </Group>
        <Checkbox label={t('headerRow')} {...form.getInputProps('header', { type: 'checkbox' })} />
        <Group justify="flex-end">
          <Button loading={busy} onClick={() => form.onSubmit(onChoose)()}>
            {t('useColumns')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}

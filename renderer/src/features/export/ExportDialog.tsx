import { useEffect, useMemo } from 'react';
import { Button, Group, Modal, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useReview } from '../../state/ReviewStoreContext';
import { useMessages, useUiLanguage } from '../../useMessages';
import { exportSchema, formatInfo, initialExportValues, type ExportValues } from './exportForm';
import { ExportOptionsFields } from './ExportOptionsFields';
import { ExportOutcomeAlert } from './ExportOutcomeAlert';
import { ExportProgressView } from './ExportProgressView';
import { useExportJob } from './useExportJob';

/**
 * Exports the open project: a report (HTML, PDF, DOCX, XLSX, CSV), web annotations (JSON) or an interchange file
 * (XLIFF, TMX). Shows the progress of a long export with Cancel, then where the file went.
 */
export function ExportDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const t = useMessages();
  const uiLanguage = useUiLanguage();
  const path = useReview((state) => state.path);
  const name = useReview((state) => state.meta?.name ?? '');
  const job = useExportJob();
  const validate = useMemo(() => zod4Resolver(exportSchema(t('exportPercentRange'))), [t]);
  const form = useForm<ExportValues>({
    mode: 'controlled',
    initialValues: initialExportValues(uiLanguage),
    validate,
  });
  const { reset } = job;
  const { setFieldValue } = form;
  // Each opening starts afresh, with the report in the UI language.
  useEffect(() => {
    if (!opened) return;
    reset();
    setFieldValue('language', uiLanguage);
  }, [opened, reset, setFieldValue, uiLanguage]);

  const running = job.state.phase === 'running';
  const close = running ? () => {} : onClose;
  return (
    <Modal
      opened={opened}
      onClose={close}
      title={t('exportTitle')}
      size="lg"
      closeButtonProps={{ 'aria-label': t('close'), disabled: running }}
    >
      <form
        onSubmit={form.onSubmit((values) => {
          if (!path) return;
          void job.start({
            values,
            projectPath: path,
            projectName: name,
            filterName: t(formatInfo(values.format).label),
          });
        })}
      >
        <Stack gap="md">
          <fieldset disabled={running} style={{ border: 0, margin: 0, padding: 0, minWidth: 0 }}>
            <ExportOptionsFields form={form} />
          </fieldset>
          {job.state.phase === 'running' && (
            <ExportProgressView
              progress={job.state.progress}
              cancelling={false}
              onCancel={job.cancel}
            />
          )}
          {job.state.phase === 'done' && <ExportOutcomeAlert outcome={job.state.outcome} />}
          {job.state.phase === 'cancelled' && (
            <ErrorAlert title={t('exportCancelled')} message={t('exportCancelledHint')} />
          )}
          <ErrorAlert
            title={t('exportFailed')}
            message={job.state.phase === 'failed' ? job.state.message : null}
          />
          {!running && (
            <Group justify="flex-end" gap="xs">
              <Button variant="default" onClick={onClose}>
                {t('close')}
              </Button>
              <Button type="submit" disabled={!path}>
                {t('exportSubmit')}
              </Button>
            </Group>
          )}
        </Stack>
      </form>
    </Modal>
  );
}

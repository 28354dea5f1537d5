import { useState } from 'react';
import { Stack, Switch, Text, UnstyledButton } from '@mantine/core';
import type { CheckSettingsOverrides } from '../../../../core/checks/settings';
import { isCheckEnabled } from '../../../../core/checks/settingsSchema';
import { CHECK_NAMES, type CheckName } from '../../../../core/checks/types';
import { useMessages } from '../../useMessages';

/**
 * Which checks run on this project, one switch each, behind a disclosure; saved in the project's settings
 * (`settings.checks`). Dates are found by the number check, so their switch is off while numbers are.
 */
export function CheckSwitches({
  settings,
  onChange,
}: {
  settings: CheckSettingsOverrides | undefined;
  onChange: (check: CheckName, enabled: boolean) => void;
}) {
  const t = useMessages();
  const [open, setOpen] = useState(false);
  const numbersOn = isCheckEnabled(settings, 'number');
  return (
    <Stack gap={6}>
      <UnstyledButton
        aria-expanded={open}
        aria-controls="check-switches"
        onClick={() => setOpen((value) => !value)}
      >
        <Text size="sm" fw={600}>
          {open ? '▾ ' : '▸ '}
          {t('checkSettingsTitle')}
        </Text>
      </UnstyledButton>
      {open && (
        <Stack gap={4} id="check-switches">
          {CHECK_NAMES.map((check) => (
            <Switch
              key={check}
              size="xs"
              label={t(`check.${check}`)}
              checked={isCheckEnabled(settings, check) && (check !== 'date' || numbersOn)}
              disabled={check === 'date' && !numbersOn}
              onChange={(event) => onChange(check, event.currentTarget.checked)}
            />
          ))}
        </Stack>
      )}
    </Stack>
  );
}

import {
  SegmentedControl,
  Tooltip,
  useMantineColorScheme,
  VisuallyHidden,
  type MantineColorScheme,
} from '@mantine/core';
import { ContrastIcon, MoonIcon, SunIcon } from '../../components/icons';
import { useMessages } from '../../useMessages';
import classes from './Workspace.module.css';

const SCHEME_ICONS: Record<MantineColorScheme, typeof SunIcon> = {
  light: SunIcon,
  dark: MoonIcon,
  auto: ContrastIcon,
};

/** Light, dark or the system's colour scheme, as three icons. */
export function ColorSchemeSwitch() {
  const t = useMessages();
  const { colorScheme, setColorScheme } = useMantineColorScheme();
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('colorScheme')}
      value={colorScheme}
      onChange={(value) => setColorScheme(value as MantineColorScheme)}
      data={(['light', 'dark', 'auto'] as const).map((scheme) => {
        const SchemeIcon = SCHEME_ICONS[scheme];
        return {
          value: scheme,
          label: (
            <Tooltip label={t(scheme)} openDelay={300}>
              <span className={classes.segmentIcon}>
                <SchemeIcon size={14} />
                <VisuallyHidden>{t(scheme)}</VisuallyHidden>
              </span>
            </Tooltip>
          ),
        };
      })}
    />
  );
}

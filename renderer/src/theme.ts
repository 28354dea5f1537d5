import { createTheme } from '@mantine/core';

/** The app theme: system fonts with Japanese fallbacks, so both columns read well without shipping fonts. */
export const theme = createTheme({
  primaryColor: 'indigo',
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Hiragino Sans", "Noto Sans CJK JP", "Noto Sans JP", "Yu Gothic UI", Meiryo, sans-serif',
  defaultRadius: 'sm',
});

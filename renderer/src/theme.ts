import { createTheme } from '@mantine/core';

/** The app theme: system fonts with Japanese fallbacks, so both columns read well without shipping fonts. */
export const theme = createTheme({
  primaryColor: 'indigo',
  // indigo.6 with white text (and as text on the light toolbar) is about 4.1:1; indigo.7 passes WCAG AA (4.5:1).
  primaryShade: { light: 7, dark: 8 },
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Hiragino Sans", "Noto Sans CJK JP", "Noto Sans JP", "Yu Gothic UI", Meiryo, sans-serif',
  defaultRadius: 'sm',
});

import type { Severity } from '../../../../core/review/mqm';

/** Mantine colour of each severity, as in the text highlights (annotations.module.css). */
export const SEVERITY_COLOR: Readonly<Record<Severity, string>> = {
  neutral: 'gray',
  minor: 'yellow',
  major: 'orange',
  critical: 'red',
};

import type { Annotation, AnnotationStatus } from '../../../../core/review/annotation';
import { isMqmCategoryWithin, type Severity } from '../../../../core/review/mqm';

/** Who raised an issue, as the panel filters it. */
export type Origin = Annotation['origin']['kind'];

/** The annotation panel's own filters; null lets everything through. */
export interface PanelFilter {
  readonly category: string | null;
  readonly severity: Severity | null;
  readonly status: AnnotationStatus | null;
  readonly origin: Origin | null;
}

/** No filter at all. */
export const NO_FILTER: PanelFilter = {
  category: null,
  severity: null,
  status: null,
  origin: null,
};

/** True when `filter` narrows anything. */
export function isPanelFiltering(filter: PanelFilter): boolean {
  return filter !== NO_FILTER && Object.values(filter).some((value) => value !== null);
}

/** True when `annotation` passes every criterion of `filter` (a category matches everything under it). */
export function matchesPanelFilter(annotation: Annotation, filter: PanelFilter): boolean {
  return (
    (filter.category === null || isMqmCategoryWithin(annotation.category, filter.category)) &&
    (filter.severity === null || annotation.severity === filter.severity) &&
    (filter.status === null || annotation.status === filter.status) &&
    (filter.origin === null || annotation.origin.kind === filter.origin)
  );
}

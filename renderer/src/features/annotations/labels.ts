import { MQM_SUBTYPES } from '../../../../core/project/annotation';
import type { Annotation, AnnotationStatus } from '../../../../core/review/annotation';
import {
  MQM_CATEGORIES,
  mqmCategory,
  mqmCategoryLabel,
  type Severity,
} from '../../../../core/review/mqm';
import { formatMessage, messages, type UiLanguage } from '../../i18n';

/** Display labels of MQM categories, subtypes, severities and statuses in the UI language. */

/** `Major`: a severity in the UI language. */
export function severityLabel(severity: Severity, language: UiLanguage): string {
  return messages[language][`severity.${severity}`];
}

/** `Open`: a review status in the UI language. */
export function statusLabel(status: AnnotationStatus, language: UiLanguage): string {
  return messages[language][`status.${status}`];
}

type SubtypeEntry = { readonly id: string; readonly label: { en: string; ja: string } };

/** The subtypes `MQM_SUBTYPES` lists for a category (none for most). */
export function subtypesOf(categoryId: string): readonly SubtypeEntry[] {
  return (MQM_SUBTYPES as Record<string, readonly SubtypeEntry[] | undefined>)[categoryId] ?? [];
}

/** `Accuracy › Mistranslation (Verb tense)`: the dimension, the issue type and the subtype when there is one. */
export function categoryPath(
  categoryId: string,
  subtype: string | undefined,
  language: UiLanguage,
): string {
  const category = mqmCategory(categoryId);
  const parts = category?.parent
    ? [mqmCategoryLabel(category.parent, language), category.label[language]]
    : [mqmCategoryLabel(categoryId, language)];
  const sub = subtype ? subtypesOf(categoryId).find((entry) => entry.id === subtype) : undefined;
  const path = parts.join(' › ');
  return sub
    ? formatMessage(messages[language].categoryWithSubtype, { path, subtype: sub.label[language] })
    : path;
}

/** One line for a tooltip or a screen reader: `Major · Accuracy › Mistranslation (Verb tense) · Open`. */
export function annotationSummary(annotation: Annotation, language: UiLanguage): string {
  return [
    severityLabel(annotation.severity, language),
    categoryPath(annotation.category, annotation.subtype, language),
    statusLabel(annotation.status, language),
  ].join(' · ');
}

/** Value of a category picker option: the category id, with `#subtype` for a subtype entry. */
export function categoryValue(categoryId: string, subtype?: string): string {
  return subtype ? `${categoryId}#${subtype}` : categoryId;
}

/** The category id and subtype of a picker value. */
export function parseCategoryValue(value: string): { category: string; subtype?: string } {
  const hash = value.indexOf('#');
  return hash === -1
    ? { category: value }
    : { category: value.slice(0, hash), subtype: value.slice(hash + 1) };
}

/** One group of the category picker: a dimension, itself first (for issues no narrower type fits), then its types. */
export interface CategoryGroup {
  readonly group: string;
  readonly items: { value: string; label: string }[];
}

/**
 * The MQM typology as picker groups in the UI language; a subtype is its own entry under its category
 * (`Mistranslation: verb tense`). `withSubtypes` false gives categories only (for filters).
 */
export function categoryGroups(language: UiLanguage, withSubtypes = true): CategoryGroup[] {
  const words = messages[language];
  const groups: CategoryGroup[] = [];
  for (const category of MQM_CATEGORIES) {
    if (!category.parent) {
      // In the picker a dimension is an issue of its own; in a filter it stands for everything under it.
      const label = formatMessage(withSubtypes ? words.categoryGeneral : words.categoryAll, {
        category: category.label[language],
      });
      groups.push({ group: category.label[language], items: [{ value: category.id, label }] });
      continue;
    }
    const group = groups[groups.length - 1];
    if (!group) continue;
    group.items.push({ value: category.id, label: category.label[language] });
    if (!withSubtypes) continue;
    for (const subtype of subtypesOf(category.id)) {
      group.items.push({
        value: categoryValue(category.id, subtype.id),
        // Lower case reads as a refinement in English; Japanese has no case, so this changes nothing there.
        label: formatMessage(words.subtypeEntry, {
          category: category.label[language],
          subtype: subtype.label[language].toLowerCase(),
        }),
      });
    }
  }
  return groups;
}

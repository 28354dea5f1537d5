import { describe, expect, it } from 'vitest';
import {
  MQM_CATEGORIES,
  SEVERITIES,
  SEVERITY_LABELS,
  SEVERITY_WEIGHTS,
  isMqmCategoryId,
  isMqmCategoryWithin,
  mqmCategory,
  mqmCategoryLabel,
  mqmDimension,
} from './mqm';

describe('MQM typology', () => {
  it('has unique ids, each issue type right after its dimension, with both labels', () => {
    const ids = MQM_CATEGORIES.map((category) => category.id);
    expect(new Set(ids).size).toBe(ids.length);
    let dimension: string | undefined;
    for (const category of MQM_CATEGORIES) {
      expect(category.label.en).not.toBe('');
      expect(category.label.ja).not.toBe('');
      if (category.parent === undefined) {
        expect(category.id).not.toContain('/');
        dimension = category.id;
      } else {
        expect(category.parent).toBe(dimension);
        expect(category.id.startsWith(`${category.parent}/`)).toBe(true);
      }
    }
    expect(isMqmCategoryId('accuracy/mistranslation')).toBe(true);
    expect(isMqmCategoryId('accuracy/nonsense')).toBe(false);
  });

  it('uses the MQM 2.0 severity weights', () => {
    expect(SEVERITIES.map((severity) => SEVERITY_WEIGHTS[severity])).toEqual([0, 1, 5, 25]);
    expect(SEVERITY_LABELS.critical).toEqual({ en: 'Critical', ja: '致命的' });
  });

  it('resolves dimensions, nesting and labels, also for ids it does not know', () => {
    expect(mqmDimension('accuracy/omission')).toBe('accuracy');
    expect(mqmDimension('style')).toBe('style');
    expect(isMqmCategoryWithin('accuracy/omission', 'accuracy')).toBe(true);
    expect(isMqmCategoryWithin('accuracy', 'accuracy')).toBe(true);
    expect(isMqmCategoryWithin('accuracy-extra', 'accuracy')).toBe(false);
    expect(mqmCategoryLabel('accuracy/omission', 'ja')).toBe('訳抜け');
    expect(mqmCategoryLabel('future/kind')).toBe('future/kind');
    expect(mqmCategory('accuracy/omission')?.itsType).toBe('omission');
  });
});

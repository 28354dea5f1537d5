import { describe, expect, it } from 'vitest';
import { isMqmCategoryId } from '../review/mqm';
import { FINDING_TEMPLATES, makeFinding, renderFindingMessage } from './messages';
import type { FindingCode } from './types';

describe('finding messages', () => {
  it('renders every code from its params, under a real MQM category', () => {
    for (const code of Object.keys(FINDING_TEMPLATES) as FindingCode[]) {
      const params = {
        source: 'S',
        target: 'T',
        ratio: '0.2',
        expected: '0.5',
        reading: 'r',
        main: 'M',
        rule: 'R',
        advice: 'A',
      };
      expect(renderFindingMessage(code, params)).not.toContain('undefined');
      expect(isMqmCategoryId(FINDING_TEMPLATES[code].category)).toBe(true);
    }
  });

  it('builds a finding carrying code, params, message and spans', () => {
    const finding = makeFinding('weekday-mismatch', { source: 'monday', target: '火曜日' }, 'e', {
      en: { start: 0, end: 6 },
    });
    expect(finding).toMatchObject({
      check: 'date',
      code: 'weekday-mismatch',
      severity: 'major',
      en: { start: 0, end: 6 },
    });
    expect(finding.ja).toBeUndefined();
    expect(finding.message).toContain('monday');
  });
});

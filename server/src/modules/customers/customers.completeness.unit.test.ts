import { dataQualitySettings, isExpectableField } from '@crm/contracts';
import { describe, expect, it } from 'vitest';
import { completenessOf, freshDaysOf, missingFieldsOf } from './customers.completeness.js';

const settings = dataQualitySettings.parse({ expected: { organization: ['industry', 'tags', 'lifecycleStage', 'organization.creditCode', 'custom.level'], person: [] } });

describe('completeness', () => {
  it('counts filled top-level, profile and custom values; blank text and empty lists are missing', () => {
    const row = { kind: 'organization', industry: '  ', tags: '[]', lifecycle_stage: 'formation', organization: '{"creditCode":"91350100M000100Y43"}', custom: { level: 'A' } };
    expect(missingFieldsOf(row, settings)).toEqual(['industry', 'tags']);
    expect(completenessOf(row, settings)).toBe(60);
    expect(completenessOf({ ...row, industry: '制造', tags: ['重点'] }, settings)).toBe(100);
    expect(completenessOf({ kind: 'person' }, settings)).toBe(100); // nothing expected
  });

  it('knows which paths it can measure', () => {
    expect(['industry', 'organization.creditCode', 'person.birthday', 'custom.level_2'].every(isExpectableField)).toBe(true);
    expect(['password', 'organization.nope', 'person', 'custom.', 'custom.a.b', 'name'].some(isExpectableField)).toBe(false);
  });

  it('freshness counts whole days from the later of change and confirmation', () => {
    const now = new Date('2026-06-10T12:00:00Z');
    expect(freshDaysOf({ updated_at: '2026-06-01T13:00:00.000Z', confirmed_at: null }, now)).toBe(8);
    expect(freshDaysOf({ updated_at: '2026-01-01T00:00:00.000Z', confirmed_at: '2026-06-09T12:00:00.000Z' }, now)).toBe(1);
    expect(freshDaysOf({ updated_at: '2026-06-11T00:00:00.000Z', confirmed_at: null }, now)).toBe(0);
  });
});

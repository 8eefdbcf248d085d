import { describe, expect, it } from 'vitest';
import { mergeCustomValues, parseCustomValues, type CustomFieldSet } from './custom-fields.values.js';

const set: CustomFieldSet = {
  entity: 'customer',
  fields: [
    { id: 1, key: 'budget', type: 'money', labelZh: '预算', labelEn: 'Budget', options: [], required: false },
    { id: 2, key: 'vip', type: 'boolean', labelZh: '重要', labelEn: 'VIP', options: [], required: true },
    { id: 3, key: 'level', type: 'single_select', labelZh: '级别', labelEn: 'Level', options: [{ value: 'a', labelZh: 'A级', labelEn: 'Grade A' }], required: false },
    {
      id: 4, key: 'channels', type: 'multi_select', labelZh: '渠道', labelEn: 'Channels', required: false,
      options: [{ value: 'web', labelZh: '网站', labelEn: 'Web' }, { value: 'fair', labelZh: '展会', labelEn: 'Fair' }],
    },
    { id: 5, key: 'rep', type: 'user', labelZh: '代表', labelEn: 'Rep', options: [], required: false },
    { id: 6, key: 'since', type: 'date', labelZh: '开始', labelEn: 'Since', options: [], required: false },
    { id: 7, key: 'staff', type: 'number', labelZh: '人数', labelEn: 'Staff', options: [], required: false },
  ],
  users: { ids: new Set([7]), byLogin: new Map([['zhang@example.com', 7], ['张伟', 7]]) },
};

describe('parseCustomValues', () => {
  it('reads cells typed by people (imports): yuan, yes/no, labels, emails, dates with slashes', () => {
    const { values, details } = parseCustomValues(
      set,
      { budget: '¥1,234.5', vip: '是', level: 'A级', channels: '展会、web', rep: 'zhang@example.com', since: '2026/3/7', staff: '1,200' },
      { partial: false, text: true },
    );
    expect(details).toEqual([]);
    expect(values).toEqual({ budget: 123450, vip: true, level: 'a', channels: ['web', 'fair'], rep: 7, since: '2026-03-07', staff: 1200 });
    expect(parseCustomValues(set, { vip: 'no', rep: '张伟' }, { partial: true, text: true }).values).toEqual({ vip: false, rep: 7 });
  });

  it('is strict for API values and reports each bad key once', () => {
    const { details } = parseCustomValues(set, { budget: '12.50', vip: 'yes', level: 'A级', rep: 8 }, { partial: true });
    expect(details.map((d) => `${d.path}:${d.message}`)).toEqual([
      'custom.budget:customFieldMoney',
      'custom.vip:customFieldBoolean',
      'custom.level:customFieldOption',
      'custom.rep:customFieldUser',
    ]);
    expect(parseCustomValues(set, { budget: '12.345' }, { partial: true, text: true }).details[0]?.message).toBe('customFieldMoneyText');
  });

  it('needs required keys on create only, and never lets them be emptied', () => {
    expect(parseCustomValues(set, {}, { partial: false }).details).toEqual([{ path: 'custom.vip', message: 'customFieldRequired' }]);
    expect(parseCustomValues(set, {}, { partial: true }).details).toEqual([]);
    expect(parseCustomValues(set, { vip: null }, { partial: true }).details).toEqual([{ path: 'custom.vip', message: 'customFieldRequired' }]);
  });

  it('empties remove keys when merged', () => {
    const { values } = parseCustomValues(set, { level: '', channels: [], staff: 3 }, { partial: true });
    expect(mergeCustomValues({ level: 'a', channels: ['web'], other: 1 }, values)).toEqual({ other: 1, staff: 3 });
  });
});

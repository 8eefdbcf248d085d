import type { company as en } from '../en/company';

/** 公司设置：公司所在时区。 */
export const company: Record<keyof typeof en, string> = {
  'nav.companySettings': '公司设置',
  'settings.company.title': '公司设置',
  'settings.company.subtitle': '导出文件中的时间、以及“今天”所依据的时区；报价单上打印的公司名称。',
  'settings.company.name': '公司名称（中文）',
  'settings.company.nameEn': '公司名称（英文）',
  'settings.company.nameHint': '打印在报价单上；英文报价单使用英文名称（为空时使用另一个）。',
  'settings.company.timeZone': '时区',
  'settings.company.timeZoneHint': '导出时按此时区写出时间，如 2026-12-04 23:15:00。中国境内的公司一般选 Asia/Shanghai（UTC+8）。',
};

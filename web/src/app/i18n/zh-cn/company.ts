import type { company as en } from '../en/company';

/** 公司设置：公司所在时区，报价单上的公司名称和 Logo。 */
export const company: Record<keyof typeof en, string> = {
  'nav.companySettings': '公司设置',
  'settings.company.title': '公司设置',
  'settings.company.subtitle': '导出文件中的时间、以及“今天”所依据的时区；报价单上打印的公司名称和 Logo。',
  'settings.company.name': '公司名称（中文）',
  'settings.company.nameEn': '公司名称（英文）',
  'settings.company.nameHint': '打印在报价单上；英文报价单使用英文名称（为空时使用另一个）。',
  'settings.company.timeZone': '时区',
  'settings.company.timeZoneHint': '导出时按此时区写出时间，如 2026-12-04 23:15:00。中国境内的公司一般选 Asia/Shanghai（UTC+8）。',
  'settings.company.logo': 'Logo',
  'settings.company.logoHint': '打印在报价单（打印页和 PDF）的公司名称旁。PNG 或 JPEG 图片，不超过 256 KB、2000 × 2000 像素。',
  'settings.company.logoNone': '尚未上传 Logo：报价单上只有公司名称。',
  'settings.company.logoAlt': '公司 Logo',
  'settings.company.logoUpload': '上传 Logo',
  'settings.company.logoReplace': '更换',
  'settings.company.logoRemove': '删除',
  'settings.company.logoRemoveConfirm': '确定删除 Logo？报价单上将只有公司名称。',
  'settings.company.logoSaved': 'Logo 已保存',
  'settings.company.logoRemoved': 'Logo 已删除',
  'settings.company.logoFailed': 'Logo 未保存',
  'settings.company.logoWrongType': '{name} 不是 PNG 或 JPEG 图片。',
  'settings.company.logoTooLarge': '{name} 有 {size} KB：Logo 不能超过 256 KB。',
};

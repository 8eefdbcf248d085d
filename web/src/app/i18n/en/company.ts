/** Company settings: the company's time zone. */
export const company = {
  'nav.companySettings': 'Company',
  'settings.company.title': 'Company settings',
  'settings.company.subtitle': 'The time zone that exported times are written in and that "today" means; the company name printed on quotations.',
  'settings.company.name': 'Company name (Chinese)',
  'settings.company.nameEn': 'Company name (English)',
  'settings.company.nameHint': 'Printed on quotations; the English name on English ones (the other one when it is empty).',
  'settings.company.timeZone': 'Time zone',
  'settings.company.timeZoneHint': 'Exports write times in this zone, such as 2026-12-04 23:15:00. Most companies in China use Asia/Shanghai (UTC+8).',
} as const;

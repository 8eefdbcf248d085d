/** The characters rule of contracts/src/text.ts and whole numbers in addresses, in both languages (merged into the catalogue in i18n.ts). */
export const textMessages = {
  textBadCharacter: {
    en: 'Contains a character that cannot be stored (a control character such as NUL, or broken Unicode): remove it and try again.',
    'zh-CN': '含有无法保存的字符（NUL 等控制字符或损坏的 Unicode 字符），请删除后重试。',
  },
  textOneLine: {
    en: 'Must be one line: no tabs or line breaks.',
    'zh-CN': '只能填写一行，不能包含制表符或换行。',
  },
  wholeNumberDigits: {
    en: 'Enter a whole number in digits only (such as 12).',
    'zh-CN': '应为只由数字组成的整数（如 12）。',
  },
} as const;

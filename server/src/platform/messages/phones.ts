/** Why a phone number was refused (the contracts' phone problems), in both languages (merged into the catalogue in i18n.ts). */
export const phonesMessages = {
  phoneCharacters: {
    en: 'A phone number may contain only digits, spaces, +, -, brackets and an extension (e.g. ext. 123).',
    'zh-CN': '电话号码只能包含数字、空格、+、-、括号和分机号（如 转123）。',
  },
  phoneMobileCn: {
    en: 'A China mobile number has 11 digits and starts with 13 to 19 (write a foreign mobile with + and its country code).',
    'zh-CN': '手机号应为 11 位，以 13-19 开头（国外手机号请以 + 和国家代码开头）。',
  },
  phoneNotMobile: {
    en: 'This is a landline number: enter it as the phone. A China mobile number has 11 digits and starts with 13 to 19.',
    'zh-CN': '这是固定电话号码，请填写在“电话”中；手机号应为 11 位，以 13-19 开头。',
  },
  phoneLandlineCn: {
    en: 'Write a landline with its area code (010-8888 6666, 0755 2345 6789); a China mobile number has 11 digits and starts with 13 to 19.',
    'zh-CN': '固定电话须带区号（如 010-8888 6666、0755 2345 6789）；手机号应为 11 位，以 13-19 开头。',
  },
  phoneForeign: {
    en: 'This number does not fit its country: check the country code and the number of digits (e.g. +1 650 253 0000).',
    'zh-CN': '该号码不符合其国家或地区的号码规则，请检查国家代码和位数（如 +1 650 253 0000）。',
  },
} as const;

/** Server messages of the company settings: the logo (merged into the catalogue in i18n.ts). */
export const companyMessages = {
  companyLogoTooLarge: { en: 'The logo may be at most 256 KB.', 'zh-CN': 'Logo 图片不能超过 256 KB。' },
  companyLogoNotBase64: { en: 'Send the image as base64 text.', 'zh-CN': '图片内容须为 base64 编码。' },
  companyLogoType: { en: 'Only a PNG or JPEG image can be the logo.', 'zh-CN': 'Logo 只能是 PNG 或 JPEG 图片。' },
  companyLogoUnreadable: {
    en: 'The image is damaged or in a form that cannot be printed. Save it again as PNG or JPEG and retry.',
    'zh-CN': '图片已损坏或格式无法打印，请重新另存为 PNG 或 JPEG 后再试。',
  },
  companyLogoTooManyPixels: { en: 'The logo may be at most 2000 × 2000 pixels.', 'zh-CN': 'Logo 尺寸不能超过 2000 × 2000 像素。' },
} as const;

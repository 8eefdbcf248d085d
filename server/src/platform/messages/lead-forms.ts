/** Server messages of the public web forms, in both languages (merged into the catalogue in i18n.ts). */
export const leadFormsMessages = {
  // The administrator's form editor.
  leadFormFieldTwice: { en: 'This field is already on the form.', 'zh-CN': '表单中已有此字段。' },
  leadFormNameNeeded: { en: 'The form must ask for the name.', 'zh-CN': '表单必须包含“姓名”字段。' },
  leadFormNameRequired: { en: 'The name must be required.', 'zh-CN': '“姓名”必须设为必填。' },

  // Submissions of the public form.
  leadFormValueRequired: { en: 'Please fill this in.', 'zh-CN': '请填写此项。' },
  leadFormUnknownField: { en: 'This form has no such field.', 'zh-CN': '表单中没有此字段。' },
  leadFormRateLimited: {
    en: 'Too many submissions from your network. Please try again in {minutes} minutes.',
    'zh-CN': '您所在网络提交次数过多，请 {minutes} 分钟后再试。',
  },
} as const;

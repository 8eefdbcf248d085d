/** Server messages of custom fields and attachments, in both languages (merged into the catalogue in i18n.ts). */
export const fieldsMessages = {
  customFieldKeyTaken: {
    en: 'This key is already used by a field of this record type (a deleted field keeps its key: reactivate it instead).',
    'zh-CN': '该标识已被此类记录的字段使用（已删除的字段仍占用标识，可重新启用）。',
  },
  customFieldLimit: { en: 'A record type can have at most 200 custom fields.', 'zh-CN': '每类记录最多 200 个自定义字段。' },
  customFieldOptionsNeeded: { en: 'A select field needs at least one option.', 'zh-CN': '选择型字段至少需要一个选项。' },
  customFieldNoOptions: { en: 'Only select fields have options.', 'zh-CN': '只有选择型字段才有选项。' },
  customFieldOptionsUnique: { en: 'Option values must be unique.', 'zh-CN': '选项值不能重复。' },
  customFieldOrderMismatch: {
    en: 'List every field of this record type exactly once.',
    'zh-CN': '请列出此类记录的全部字段，每个字段一次。',
  },
  customFieldUnknown: { en: 'No such custom field.', 'zh-CN': '自定义字段不存在或已删除。' },
  customFieldRequired: { en: 'This field is required.', 'zh-CN': '此字段为必填项。' },
  customFieldText: { en: 'Enter text of at most 500 characters.', 'zh-CN': '请输入不超过 500 个字符的文本。' },
  customFieldNumber: { en: 'Enter a number.', 'zh-CN': '请输入数字。' },
  customFieldMoney: {
    en: 'Enter an amount as a whole number of fen (cents).',
    'zh-CN': '金额须为以“分”为单位的整数。',
  },
  customFieldMoneyText: {
    en: 'Enter an amount in yuan with at most two decimals, e.g. 1234.50.',
    'zh-CN': '金额须以元为单位，最多两位小数，例如 1234.50。',
  },
  customFieldDate: { en: 'Use a date as YYYY-MM-DD.', 'zh-CN': '日期格式应为 YYYY-MM-DD。' },
  customFieldOption: { en: 'Pick one of the options.', 'zh-CN': '请从选项中选择。' },
  customFieldOptions: { en: 'Pick from the options (a list).', 'zh-CN': '请从选项中选择（可多选）。' },
  customFieldUser: { en: 'Pick an active user.', 'zh-CN': '请选择一位在职用户。' },
  customFieldBoolean: { en: 'Use yes or no (true or false).', 'zh-CN': '请填写“是”或“否”（true 或 false）。' },
  customFieldRange: {
    en: 'Only number, money and date fields filter by range.',
    'zh-CN': '只有数字、金额和日期字段可以按范围筛选。',
  },
  attachmentFileName: {
    en: 'Not a valid file name (no slashes or control characters).',
    'zh-CN': '文件名无效（不能包含斜杠或控制字符）。',
  },
  attachmentEmpty: { en: 'The file is empty.', 'zh-CN': '文件为空。' },
  attachmentTooLarge: {
    en: 'The file is {size} MB; the administrator allows at most {max} MB per file.',
    'zh-CN': '文件大小为 {size} MB，管理员设置的单个文件上限为 {max} MB。',
  },
  attachmentExtension: {
    en: 'Files of type .{ext} are not allowed. Allowed types: {allowed}.',
    'zh-CN': '不允许上传 .{ext} 类型的文件。允许的类型：{allowed}。',
  },
  attachmentNoExtension: {
    en: 'The file name needs an extension. Allowed types: {allowed}.',
    'zh-CN': '文件名需要带扩展名。允许的类型：{allowed}。',
  },
  attachmentContentMismatch: {
    en: 'The content of this file is not a .{ext} file. Check that it was saved in that format and not just renamed.',
    'zh-CN': '文件内容与扩展名 .{ext} 不符，请确认文件确实是该格式，而不是仅修改了扩展名。',
  },
  attachmentFileMissing: {
    en: 'The stored file is missing. Ask an administrator to check the data folder.',
    'zh-CN': '存储的文件已丢失，请联系管理员检查数据目录。',
  },
} as const;

/** Server messages of the working lists' bulk edits (merged into the catalogue in i18n.ts). */
export const workingListsMessages = {
  bulkUpdateNothing: { en: 'Choose a field to set.', 'zh-CN': '请选择要修改的字段。' },
} as const;

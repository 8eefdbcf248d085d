import type { workingLists as en } from '../en/working-lists';

/** 列表内编辑与批量修改（issue 13）。 */
export const workingLists: Record<keyof typeof en, string> = {
  'inline.edit': '编辑{field}',
  'inline.save': '保存',
  'inline.cancel': '取消',
  'inline.clear': '清除',
  'inline.saved': '{field}已保存',
  'inline.undo': '撤销',
  'inline.undone': '已撤销修改',
  'inline.conflict': '此客户刚被他人修改，该行已显示最新内容，请重试。',
  'inline.conflictDeal': '此商机刚被他人修改，该行已显示最新内容，请重试。',
  'inline.tagsHint': '回车添加标签；输入框为空时回车保存，Esc 取消',
  'bulk.edit': '批量修改',
  'bulk.editTitle': '批量修改 {count} 个客户的字段',
  'bulk.field': '字段',
  'bulk.value': '新值',
  'bulk.valueRequired': '请选择新值',
  'bulk.editConfirm': '将 {count} 个客户的{field}改为“{value}”？',
  'bulk.edited': '已修改 {count} 个客户',
  'bulk.none': '（无）',
  'bulk.followUp': '批量跟进',
  'bulk.followUpTitle': '为 {count} 个客户记录同一条跟进',
  'bulk.followUpConfirm': '为 {count} 个客户记录这条跟进？',
  'bulk.followedUp': '已为 {count} 个客户记录跟进',
  'bulk.removeTagsNone': '所选客户在本页没有标签',
  'bulk.selectCard': '选择{name}',
};

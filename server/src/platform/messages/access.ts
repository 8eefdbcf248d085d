/**
 * Server messages of granting access (roles, users, departments), in both languages (merged into
 * the catalogue in i18n.ts): nobody but an administrator grants more than they hold themselves.
 */
export const accessMessages = {
  ownRole: { en: 'You cannot change your own role.', 'zh-CN': '不能修改自己的角色。' },
  ownDepartment: { en: 'You cannot move yourself to another department.', 'zh-CN': '不能修改自己所在的部门。' },
  ownActive: { en: 'You cannot deactivate or reactivate yourself.', 'zh-CN': '不能停用或启用自己的账号。' },
  ownPassword: {
    en: 'Change your own password with your current one (your account menu, Change password).',
    'zh-CN': '请通过“修改密码”并输入当前密码来修改自己的密码。',
  },
  roleAboveYours: {
    en: 'You can only give a role whose permissions and data scope are within your own.',
    'zh-CN': '只能分配权限和数据范围都不超过您自己的角色。',
  },
  permissionsAboveYours: {
    en: 'You can only grant permissions you hold yourself; you do not hold: {list}.',
    'zh-CN': '只能授予您自己拥有的权限，您没有：{list}。',
  },
  scopeAboveYours: {
    en: 'You can only grant a data scope as wide as your own at most.',
    'zh-CN': '授予的数据范围不能超过您自己的数据范围。',
  },
  userAboveYours: {
    en: 'This user’s role grants more than yours: only an administrator can change or remove them.',
    'zh-CN': '该用户的角色权限高于您，只有系统管理员可以修改或删除该用户。',
  },
  roleAboveYoursEdit: {
    en: 'This role grants more than yours: only an administrator can change or delete it.',
    'zh-CN': '该角色的权限高于您，只有系统管理员可以修改或删除。',
  },
  userOutsideScope: {
    en: 'This user is outside your data scope: only someone who sees their records may change their sign-in.',
    'zh-CN': '该用户不在您的数据范围内，您不能修改其登录信息。',
  },
  departmentIntoScope: {
    en: 'You cannot move a user from outside your data scope into it.',
    'zh-CN': '不能把数据范围以外的用户调入您的数据范围。',
  },
  departmentIntoTree: {
    en: 'You cannot move a department from outside your data scope under your own department.',
    'zh-CN': '不能把数据范围以外的部门移到您的部门之下。',
  },
} as const;

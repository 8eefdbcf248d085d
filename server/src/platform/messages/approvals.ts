/** Server messages of approvals (审批) and their notifications (merged into the catalogue in i18n.ts). */
export const approvalsMessages = {
  approvalUnknownRecordType: { en: 'No such kind of record can need approval.', 'zh-CN': '该类记录不支持审批。' },
  approvalRecordBoth: { en: 'Give both the record type and the record id.', 'zh-CN': '请同时提供记录类型和记录编号。' },
  approvalNoApprover: {
    en: 'Step {step} of the approval flow has no approver (no active user, department head or role holder other than the owner). Ask an administrator to fix the flow or the department.',
    'zh-CN': '审批流程第 {step} 步没有审批人（没有在职的指定用户、部门负责人或除负责人外的角色成员），请联系管理员调整流程或部门设置。',
  },
  approvalAlreadyPending: { en: 'This record is already waiting for approval.', 'zh-CN': '该记录已在审批中。' },
  approvalDecided: { en: 'This approval request has already been decided or withdrawn.', 'zh-CN': '该审批已处理或已撤回。' },
  approvalRecordGone: { en: 'The record was deleted while it waited: the approval request is cancelled.', 'zh-CN': '该记录在审批期间已被删除，审批已取消。' },
  approvalCommentRequired: { en: 'Say why you reject it.', 'zh-CN': '驳回时请填写意见。' },
  approvalFlowInUse: { en: 'Approval requests were made with this flow: deactivate it instead.', 'zh-CN': '已有审批使用该流程，请改为停用。' },
  quoteAwaitingApproval: {
    en: 'This quote is waiting for approval and cannot be changed. Withdraw it (back to draft) first.',
    'zh-CN': '该报价单正在审批中，不能修改。请先撤回（退回草稿）。',
  },
  contractNoApprovalNeeded: { en: 'No approval flow applies to this contract: activate it directly.', 'zh-CN': '该合同无需审批，可直接生效。' },
  contractAwaitsApproval: { en: 'This contract is waiting for approval: it becomes active when its last approver approves.', 'zh-CN': '该合同正在审批中，最后一位审批人同意后自动生效。' },
  quoteNoApprovalNeeded: { en: 'No approval flow applies to this quote: send it directly.', 'zh-CN': '该报价单无需审批，可直接发送。' },
  notification_approval_requested: {
    en: '{submitter} asks for your approval: {record} ({amount}).',
    'zh-CN': '{submitter} 提交了审批，请您处理：{record}（{amount}）。',
  },
  notification_approval_approved: {
    en: '{record} ({amount}) was approved by {approver}.',
    'zh-CN': '{record}（{amount}）已由 {approver} 审批通过。',
  },
  notification_approval_rejected: {
    en: '{record} ({amount}) was rejected by {approver}: {comment}',
    'zh-CN': '{record}（{amount}）被 {approver} 驳回：{comment}',
  },
};

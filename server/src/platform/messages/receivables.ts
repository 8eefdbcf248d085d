/** Server messages of receivables (merged into the catalogue in i18n.ts). */
export const receivablesMessages = {
  receivablesPlanAboveAmount: { en: "The instalments add up to more than the contract's amount.", 'zh-CN': '回款计划合计超过合同金额。' },
  receivablesPlanCancelled: { en: 'A cancelled contract has no payment plan.', 'zh-CN': '已作废的合同不能设置回款计划。' },
  receivablesNotPayable: { en: 'Payments are recorded once the contract is signed (active or completed).', 'zh-CN': '合同生效（或完成）后才能登记回款。' },
  receivablesPaymentAboveOutstanding: { en: 'The payment is more than what is still outstanding on this contract.', 'zh-CN': '回款金额超过该合同的未回款金额。' },
  receivablesPaymentInFuture: { en: 'A payment cannot be received after today.', 'zh-CN': '回款日期不能晚于今天。' },
  receivablesInvoiceAboveAmount: { en: "The invoices would add up to more than the contract's amount.", 'zh-CN': '开票合计将超过合同金额。' },
  receivablesInvoiceNotSigned: { en: 'Invoices are recorded once the contract is signed (active or completed).', 'zh-CN': '合同生效（或完成）后才能登记发票。' },
} as const;

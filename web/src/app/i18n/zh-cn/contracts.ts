import type { contracts as en } from '../en/contracts';

/** 合同/订单 */
export const contracts: Record<keyof typeof en, string> = {
  'nav.contracts': '合同',
  'module.contracts': '合同与订单',
  'history.action.status_change': '变更了状态',
  'history.entity.contract': '合同 {name}',
  'recycle.type.contract': '合同',
};

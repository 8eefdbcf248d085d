/** Messages of contracts and orders (合同/订单). */
export const contracts = {
  'nav.contracts': 'Contracts',
  'module.contracts': 'Contracts & orders',
  'history.action.status_change': 'changed the status',
  'history.entity.contract': 'contract {name}',
  'recycle.type.contract': 'Contracts',
} as const;

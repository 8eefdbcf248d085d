import type { CustomerStatus } from '@crm/contracts';

/**
 * The colour of each customer status: Ant Design's palette names (the text at least 4.5:1 on its
 * background). Without Ant Design itself, so that the phone's plain list cards use it too.
 */
export const statusColors: Record<CustomerStatus, string> = {
  potential: 'blue',
  target: 'geekblue',
  first_purchase: 'cyan',
  repeat: 'green',
  loyal: 'gold',
  lost: 'red',
  non_customer: 'default',
};

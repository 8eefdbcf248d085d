import { usePermissions } from '../auth';

/** Whether the list offers row selection for merging. */
export function useCanMerge(): boolean {
  const { can } = usePermissions();
  return can('customers.merge') && can('customers.edit');
}

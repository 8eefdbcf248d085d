import { usePermissions } from '../auth';

/** Whether the user may take any of the list's bulk owner actions (so the list offers selection). */
export function useCanBulkMove(): boolean {
  const { can } = usePermissions();
  return can('customers.assign') || can('customers.claim');
}

import { usePermissions } from '../../auth';

/** Whether the user may take a bulk action of the customers module (so the list offers selection). */
export function useCanBulkEdit(): boolean {
  const { can } = usePermissions();
  return can('customers.edit') || can('customers.delete') || can('followups.create');
}

import type { Permission } from '@crm/contracts';
import type { ReactNode } from 'react';
import { NoPermissionResult } from '../../../shared/layout/results';
import { usePermissions } from '../api';

export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const { can } = usePermissions();
  return can(permission) ? <>{children}</> : <NoPermissionResult />;
}

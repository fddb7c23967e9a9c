import { usePermissions } from 'react-admin';
import { canEdit, type Role } from '../providers/session';

/** Whether the signed-in role may take actions (administrators and contract officers). */
export function useCanAct(): boolean {
  const { permissions } = usePermissions<Role>();
  return canEdit(permissions);
}

/** Whether the role is one of those given (e.g. invoices are approved by finance too). */
export function useRoleIn(roles: readonly Role[]): boolean {
  const { permissions } = usePermissions<Role>();
  return permissions !== undefined && roles.includes(permissions);
}

import KeyIcon from '@mui/icons-material/VpnKey';
import { Menu, usePermissions, useTranslate } from 'react-admin';
import { analyticsPages } from '../analytics/analyticsPages';
import type { Role } from '../providers/session';

/** react-admin's menu (dashboard and resources, each by the role's access) followed by the analytics pages the role may read, and API keys for administrators. */
export function PlacewiseMenu() {
  const translate = useTranslate();
  const { permissions } = usePermissions<Role>();
  const pages = analyticsPages.filter((p) => permissions && p.roles.includes(permissions));
  return (
    <Menu>
      <Menu.DashboardItem />
      <Menu.ResourceItems />
      {pages.map((p) => (
        <Menu.Item key={p.path} to={p.path} primaryText={translate(p.labelKey)} leftIcon={p.icon} data-testid={`menu-${p.path.replace(/^\//, '')}`} />
      ))}
      {permissions === 'ADMIN' && <Menu.Item to="/api-keys" primaryText={translate('placewise.apiKeys.menu')} leftIcon={<KeyIcon />} data-testid="menu-api-keys" />}
    </Menu>
  );
}

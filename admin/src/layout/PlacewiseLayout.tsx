import type { ReactNode } from 'react';
import { AppBar, Layout, Logout, UserMenu } from 'react-admin';
import { ChangePasswordItem } from './ChangePassword';
import { PlacewiseMenu } from './PlacewiseMenu';

/** react-admin's app bar with the person's own menu: change password, sign out. */
function PlacewiseAppBar() {
  return (
    <AppBar
      userMenu={
        <UserMenu>
          <ChangePasswordItem />
          <Logout />
        </UserMenu>
      }
    />
  );
}

export function PlacewiseLayout({ children }: { children: ReactNode }) {
  return (
    <Layout menu={PlacewiseMenu} appBar={PlacewiseAppBar}>
      {children}
    </Layout>
  );
}

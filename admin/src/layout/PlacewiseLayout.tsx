import type { ReactNode } from 'react';
import { Layout } from 'react-admin';
import { PlacewiseMenu } from './PlacewiseMenu';

export function PlacewiseLayout({ children }: { children: ReactNode }) {
  return <Layout menu={PlacewiseMenu}>{children}</Layout>;
}

import CompareArrowsIcon from '@mui/icons-material/CompareArrows';
import type { ReactElement } from 'react';
import type { Role } from '../providers/session';
import { WhatIfPage } from './WhatIfPage';

/** The roles the API lets read analytics (the server's READERS). */
export const ANALYTICS_READERS: readonly Role[] = ['ADMIN', 'CONTRACT_OFFICER', 'FINANCE', 'ANALYST'];

/** An analytics page: its path, its menu label (an i18n key) and icon, the page and who may open it. */
export interface AnalyticsPageEntry {
  path: string;
  labelKey: string;
  icon: ReactElement;
  element: ReactElement;
  roles: readonly Role[];
}

/** Every analytics page: App.tsx routes them and the menu lists them. Add a page with one line here. */
export const analyticsPages: AnalyticsPageEntry[] = [
  { path: '/what-if', labelKey: 'placewise.whatIf.menu', icon: <CompareArrowsIcon />, element: <WhatIfPage />, roles: ANALYTICS_READERS },
];

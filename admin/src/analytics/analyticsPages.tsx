import CompareArrowsIcon from '@mui/icons-material/CompareArrows';
import EventRepeatIcon from '@mui/icons-material/EventRepeat';
import QueryStatsIcon from '@mui/icons-material/QueryStats';
import type { ReactElement } from 'react';
import type { Role } from '../providers/session';
import { ContractPipelinePage } from './pages/ContractPipelinePage';
import { UnitCostsPage } from './pages/UnitCostsPage';
import { WhatIfPage } from './pages/WhatIfPage';

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
  { path: '/unit-costs', labelKey: 'placewise.unitCosts.menu', icon: <QueryStatsIcon />, element: <UnitCostsPage />, roles: ANALYTICS_READERS },
  { path: '/contract-pipeline', labelKey: 'placewise.contractPipeline.menu', icon: <EventRepeatIcon />, element: <ContractPipelinePage />, roles: ANALYTICS_READERS },
  { path: '/what-if', labelKey: 'placewise.whatIf.menu', icon: <CompareArrowsIcon />, element: <WhatIfPage />, roles: ANALYTICS_READERS },
];

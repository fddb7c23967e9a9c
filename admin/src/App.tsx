import { Admin, CustomRoutes, defaultTheme, Resource } from 'react-admin';
import { Route } from 'react-router-dom';
import { analyticsPages } from './analytics/analyticsPages';
import { AnalyticsRoute } from './analytics/AnalyticsRoute';
import { ApiKeysPage } from './apiKeys/ApiKeysPage';
import { Dashboard } from './dashboard/Dashboard';
import { PlacewiseLayout } from './layout/PlacewiseLayout';
import { authProvider } from './providers/authProvider';
import { dataProvider } from './providers/dataProvider';
import { i18nProvider } from './providers/i18nProvider';
import { agreements } from './resources/agreements';
import { auditEvents } from './resources/auditEvents';
import { authorities } from './resources/authorities';
import { children } from './resources/children';
import { contactArrangements } from './resources/contactArrangements';
import { contracts } from './resources/contracts';
import { invoices } from './resources/invoices';
import { localities } from './resources/localities';
import { placements } from './resources/placements';
import { procurementRounds } from './resources/procurementRounds';
import { providers } from './resources/providers';
import { settings } from './resources/settings';
import { transportRoutes } from './resources/transportRoutes';
import { users } from './resources/users';

const theme = {
  ...defaultTheme,
  typography: { fontFamily: '"Segoe UI", Roboto, "Helvetica Neue", Arial, "Liberation Sans", "DejaVu Sans", sans-serif' },
};

/** The admin: each resource is a list page (the spreadsheet grid) with its forms; the role decides the menu and what can be changed. */
export function App() {
  return (
    <Admin
      title="Placewise"
      dataProvider={dataProvider}
      authProvider={authProvider}
      i18nProvider={i18nProvider}
      theme={theme}
      dashboard={Dashboard}
      layout={PlacewiseLayout}
      requireAuth
      disableTelemetry
    >
      <Resource {...providers} />
      <Resource {...settings} />
      <Resource {...agreements} />
      <Resource {...contracts} />
      <Resource {...procurementRounds} />
      <Resource {...children} />
      <Resource {...placements} />
      <Resource {...transportRoutes} />
      <Resource {...contactArrangements} />
      <Resource {...invoices} />
      <Resource {...authorities} />
      <Resource {...localities} />
      <Resource {...users} />
      <Resource {...auditEvents} />
      <CustomRoutes>
        {analyticsPages.map((entry) => (
          <Route key={entry.path} path={entry.path} element={<AnalyticsRoute entry={entry} />} />
        ))}
        <Route path="/api-keys" element={<ApiKeysPage />} />
      </CustomRoutes>
    </Admin>
  );
}

import { Admin, defaultTheme, Resource } from 'react-admin';
import { authProvider } from './providers/authProvider';
import { dataProvider } from './providers/dataProvider';
import { i18nProvider } from './providers/i18nProvider';
import { auditEvents } from './resources/auditEvents';
import { authorities } from './resources/authorities';
import { localities } from './resources/localities';
import { providers } from './resources/providers';
import { settings } from './resources/settings';
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
      requireAuth
      disableTelemetry
    >
      <Resource {...providers} />
      <Resource {...settings} />
      <Resource {...authorities} />
      <Resource {...localities} />
      <Resource {...users} />
      <Resource {...auditEvents} />
    </Admin>
  );
}

import { Alert, Box } from '@mui/material';
import { usePermissions, useTranslate } from 'react-admin';
import type { Role } from '../providers/session';
import type { AnalyticsPageEntry } from './analyticsPages';

/** Opens an analytics page for the roles that read analytics; others get a plain refusal (the API would refuse them too). */
export function AnalyticsRoute({ entry }: { entry: AnalyticsPageEntry }) {
  const translate = useTranslate();
  const { permissions, isPending } = usePermissions<Role>();
  if (isPending) return null;
  if (!permissions || !entry.roles.includes(permissions)) {
    return (
      <Box sx={{ p: 2 }}>
        <Alert severity="warning" data-testid="analytics-forbidden">
          {translate('placewise.analytics.forbidden')}
        </Alert>
      </Box>
    );
  }
  return entry.element;
}

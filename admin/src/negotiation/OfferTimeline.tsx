import { Box, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { formatDate, formatMoney } from '../i18n/formats';
import type { Offer } from './queries';

/** The offers of a negotiation in order, as a vertical timeline: who offered what, when, and why. */
export function OfferTimeline({ offers, agreed, closedOn }: { offers: Offer[]; agreed: string | null; closedOn: string | null }) {
  const translate = useTranslate();
  const ordered = [...offers].sort((a, b) => a.sequence - b.sequence);
  if (ordered.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary">
        {translate('placewise.workspace.noOffers')}
      </Typography>
    );
  }
  return (
    <Box component="ol" sx={{ listStyle: 'none', m: 0, p: 0, borderLeft: 2, borderColor: 'divider', ml: 1 }} data-testid="offer-timeline">
      {ordered.map((o) => (
        <Box component="li" key={o.id} data-testid="offer" data-sequence={o.sequence} sx={{ position: 'relative', pl: 2.5, pb: 1.5 }}>
          <Box
            sx={{
              position: 'absolute',
              left: -7,
              top: 4,
              width: 12,
              height: 12,
              borderRadius: '50%',
              bgcolor: o.party === 'PROVIDER' ? 'warning.main' : 'primary.main',
            }}
          />
          <Typography variant="body2" data-field="summary">
            {translate(`placewise.workspace.offered.${o.party}`, { amount: formatMoney(o.amount), date: formatDate(o.offeredOn), n: o.sequence })}
          </Typography>
          {o.note && (
            <Typography variant="caption" color="text.secondary" data-field="note">
              {o.note}
            </Typography>
          )}
        </Box>
      ))}
      {agreed && (
        <Box component="li" data-testid="offer-agreed" sx={{ position: 'relative', pl: 2.5 }}>
          <Box sx={{ position: 'absolute', left: -7, top: 4, width: 12, height: 12, borderRadius: '50%', bgcolor: 'success.main' }} />
          <Typography variant="body2" sx={{ fontWeight: 600 }}>
            {translate('placewise.workspace.agreedOn', { amount: formatMoney(agreed), date: formatDate(closedOn) })}
          </Typography>
        </Box>
      )}
    </Box>
  );
}

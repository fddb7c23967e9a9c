import { Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useTranslate } from 'react-admin';
import { formatMoney } from '../../i18n/formats';
import type { Evaluation, Round } from './roundQuery';

/**
 * The evaluation table as the API computes it, with its arithmetic written out beside each
 * figure: quality points = quality weight × points given / points available; price points =
 * price weight × lowest bid / this bid; total = their exact sum, rounded once. `action` adds a
 * last cell to each row (the bid's *Score* button).
 */
export function EvaluationTable({ round, action }: { round: Round; action?: (row: Evaluation) => ReactNode }) {
  const translate = useTranslate();
  const rows = round.evaluation;
  if (rows.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary">
        {translate('placewise.round.noBids')}
      </Typography>
    );
  }
  // The lowest bid is the one whose price points are the full price weight; it is named in each price formula.
  const lowest = rows.reduce((min, r) => (Number(r.amount) < Number(min.amount) ? r : min), rows[0]).amount;
  const heads = ['rank', 'provider', 'amount', 'quality', 'qualityPoints', 'pricePoints', 'total'];
  return (
    <Table size="small" data-testid="evaluation-table">
      <TableHead>
        <TableRow>
          {heads.map((h) => (
            <TableCell key={h} align={['amount', 'qualityPoints', 'pricePoints', 'total'].includes(h) ? 'right' : 'left'} sx={{ fontWeight: 600 }}>
              {translate(`placewise.round.eval.${h}`)}
            </TableCell>
          ))}
          {action && <TableCell />}
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((r) => (
          <TableRow key={r.bid.id} data-testid="evaluation-row" data-bid={r.bid.id} selected={round.awardedBidId === r.bid.id}>
            <TableCell data-field="rank">{r.rank ?? translate('placewise.round.unscored')}</TableCell>
            <TableCell data-field="provider">{r.bid.provider.legalName}</TableCell>
            <TableCell align="right" data-field="amount">
              {formatMoney(r.amount)}
            </TableCell>
            <TableCell data-field="quality">
              {r.qualityScore === null
                ? translate('placewise.round.unscored')
                : `${r.qualityPointsGiven} / ${r.qualityPointsAvailable} (${r.qualityScore}%)`}
            </TableCell>
            <TableCell align="right">
              <span data-field="qualityPoints">{r.qualityPoints ?? '—'}</span>
              {r.qualityPoints !== null && (
                <Typography variant="caption" color="text.secondary" component="div" data-field="qualityFormula">
                  {`${round.qualityWeight} × ${r.qualityPointsGiven} / ${r.qualityPointsAvailable}`}
                </Typography>
              )}
            </TableCell>
            <TableCell align="right">
              <span data-field="pricePoints">{r.pricePoints}</span>
              <Typography variant="caption" color="text.secondary" component="div" data-field="priceFormula">
                {`${round.priceWeight} × ${formatMoney(lowest)} / ${formatMoney(r.amount)}`}
              </Typography>
            </TableCell>
            <TableCell align="right" data-field="total" sx={{ fontWeight: 600 }}>
              {r.total ?? '—'}
            </TableCell>
            {action && <TableCell align="right">{action(r)}</TableCell>}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

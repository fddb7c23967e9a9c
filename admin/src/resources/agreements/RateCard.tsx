import { Alert, Box, Button, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import { useRecordContext, useTranslate } from 'react-admin';
import { useCanAct } from '../../actions/useCanAct';
import { apiQueryKey, todayIso, useApiQuery } from '../../api/useApi';
import { formatDate } from '../../i18n/formats';
import { AddRateRow } from './AddRateRow';
import { CellErrors } from './CellErrors';
import { RateCardGrid } from './RateCardGrid';
import { cardVersions, defaultVersion, pivotRows, previousLine, type CardLine, type RateCardAgreement, type RowKey } from './rateCardModel';
import { useCardCodes } from './useCardCodes';
import { useCardSaves } from './useCardSaves';
import './rateCard.css';
import { NewVersionDialog } from './UpliftDialog';

const RATE_CARD = `query RateCard($id: ID!) { agreement(id: $id) { id version status startDate endDate
  rateLines { id version placementType needLevel minAge maxAge weeklyFee effectiveFrom } } }`;

/** Rates are edited in place while the agreement is not yet in force (the API refuses otherwise). */
const EDITABLE = new Set(['DRAFT', 'NEGOTIATING']);

/**
 * The agreement's rate card as a pivot grid, one version at a time, with the change from the
 * version before. Before the agreement is in force the cells are edited in place (each typed
 * cell, or each pasted block, saved in one all-or-nothing saveRateCard); once it is ACTIVE
 * the card changes by a new version from a date (an uplift or an edited copy).
 */
export function RateCard() {
  const record = useRecordContext();
  const translate = useTranslate();
  const canAct = useCanAct();
  const codes = useCardCodes();
  const { data } = useApiQuery<{ agreement: RateCardAgreement | null }>('rateCard', RATE_CARD, { id: record?.id }, Boolean(record?.id));
  const agreement = data?.agreement;
  const [chosen, setChosen] = useState<string | undefined>();
  const [extraRows, setExtraRows] = useState<Record<string, RowKey[]>>({});

  const versions = useMemo(() => cardVersions(agreement?.rateLines ?? [], todayIso()), [agreement]);
  const shown = chosen && versions.some((v) => v.effectiveFrom === chosen) ? chosen : (defaultVersion(versions) ?? agreement?.startDate);
  const lines = useMemo(() => versions.find((v) => v.effectiveFrom === shown)?.lines ?? [], [versions, shown]);
  const rows = useMemo(() => pivotRows(lines, codes.order, extraRows[shown ?? ''] ?? []), [lines, codes.order, extraRows, shown]);
  const previous = useCallback((line: CardLine) => previousLine(versions, line.effectiveFrom, line), [versions]);
  const editable = Boolean(agreement && canAct && EDITABLE.has(agreement.status));
  // Each save is planned on the card as last read (the one before it has been read again by then).
  const queryClient = useQueryClient();
  const rowsNow = useCallback(() => {
    const latest = queryClient.getQueryData<{ agreement: RateCardAgreement | null }>(apiQueryKey('rateCard', { id: record?.id }))?.agreement?.rateLines ?? [];
    return pivotRows(latest.filter((l) => l.effectiveFrom === shown), codes.order, extraRows[shown ?? ''] ?? []);
  }, [queryClient, record?.id, shown, codes.order, extraRows]);
  const { drafts, problem, onEdits, discard } = useCardSaves(agreement?.id, shown, rowsNow);

  if (!agreement) return null;
  const errors = Object.values(drafts).filter((d) => d.state === 'error');
  return (
    <Stack spacing={2} data-testid="rate-card" sx={{ width: '100%' }}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <TextField
          select
          size="small"
          label={translate('placewise.rateCard.version')}
          value={shown ?? ''}
          onChange={(event) => setChosen(event.target.value)}
          sx={{ width: 300 }}
          slotProps={{ htmlInput: { 'data-testid': 'rate-version' } }}
        >
          {(versions.length ? versions : [{ effectiveFrom: shown ?? '', current: false }]).map((v) => (
            <MenuItem key={v.effectiveFrom} value={v.effectiveFrom} data-testid="rate-version-option">
              {translate(v.current ? 'placewise.rateCard.fromCurrent' : 'placewise.rateCard.from', { date: formatDate(v.effectiveFrom) })}
            </MenuItem>
          ))}
        </TextField>
        <Typography variant="body2" color="text.secondary" data-testid="rate-card-summary">
          {translate('placewise.rateCard.summary', { smart_count: versions.length, lines: lines.length })}
        </Typography>
        <Box sx={{ flex: 1 }} />
        {errors.length > 0 && (
          <Button size="small" onClick={discard} data-testid="rate-discard">
            {translate('placewise.rateCard.discard')}
          </Button>
        )}
        {canAct && agreement.status === 'ACTIVE' && <NewVersionDialog agreement={agreement} current={versions[versions.length - 1]?.lines ?? []} />}
      </Stack>
      {!EDITABLE.has(agreement.status) && (
        <Typography variant="body2" color="text.secondary">
          {translate(agreement.status === 'ACTIVE' ? 'placewise.rateCard.inForce' : 'placewise.rateCard.closed')}
        </Typography>
      )}
      {editable && (
        <Typography variant="body2" color="text.secondary">
          {translate('placewise.rateCard.howToEdit')}
        </Typography>
      )}
      {problem && (
        <Alert severity="error" data-testid="rate-card-problem">
          {problem}
        </Alert>
      )}
      <CellErrors drafts={drafts} needLevels={codes.needLevels} testId="rate-card-errors" />
      <RateCardGrid rows={rows} needLevels={codes.needLevels} placementTypeLabel={codes.placementTypeLabel} editable={editable} drafts={drafts} previous={previous} onEdits={onEdits} />
      {editable && shown && (
        <AddRateRow
          placementTypes={codes.placementTypes}
          exists={(r) => rows.some((x) => x.placementType === r.placementType && x.minAge === r.minAge && x.maxAge === r.maxAge)}
          onAdd={(r) => setExtraRows((x) => ({ ...x, [shown]: [...(x[shown] ?? []), r] }))}
        />
      )}
    </Stack>
  );
}

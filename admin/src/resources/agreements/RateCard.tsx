import { Alert, Box, Button, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { useCallback, useMemo, useState } from 'react';
import { useRecordContext, useTranslate } from 'react-admin';
import { useCanAct } from '../../actions/useCanAct';
import { todayIso, useApiMutation, useApiQuery } from '../../api/useApi';
import { formatDate, parseMoney } from '../../i18n/formats';
import type { ApiError } from '../../providers/apiError';
import { AddRateRow } from './AddRateRow';
import { RateCardGrid, type CellDraft } from './RateCardGrid';
import { cardVersions, cellKey, defaultVersion, errorsByCell, pivotRows, planSave, previousLine, rowKey, type CardLine, type CellEdit, type RateCardAgreement, type RowKey } from './rateCardModel';
import { useCardCodes } from './useCardCodes';
import './rateCard.css';
import { NewVersionDialog } from './UpliftDialog';

export const RATE_CARD = `query RateCard($id: ID!) { agreement(id: $id) { id version status startDate endDate
  rateLines { id version placementType needLevel minAge maxAge weeklyFee effectiveFrom } } }`;
const SAVE_RATE_CARD = `mutation SaveRateCard($agreementId: ID!, $add: [RateLineInput!], $update: [RateLineRowUpdate!], $remove: [RateLineRemoval!]) {
  saveRateCard(agreementId: $agreementId, add: $add, update: $update, remove: $remove) { id } }`;

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
  const save = useApiMutation<unknown>(SAVE_RATE_CARD);
  const [chosen, setChosen] = useState<string | undefined>();
  const [drafts, setDrafts] = useState<Record<string, CellDraft>>({});
  const [extraRows, setExtraRows] = useState<Record<string, RowKey[]>>({});
  const [problem, setProblem] = useState<string | null>(null);

  const versions = useMemo(() => cardVersions(agreement?.rateLines ?? [], todayIso()), [agreement]);
  const shown = chosen && versions.some((v) => v.effectiveFrom === chosen) ? chosen : (defaultVersion(versions) ?? agreement?.startDate);
  const lines = useMemo(() => versions.find((v) => v.effectiveFrom === shown)?.lines ?? [], [versions, shown]);
  const rows = useMemo(() => pivotRows(lines, codes.order, extraRows[shown ?? ''] ?? []), [lines, codes.order, extraRows, shown]);
  const previous = useCallback((line: CardLine) => previousLine(versions, line.effectiveFrom, line), [versions]);
  const editable = Boolean(agreement && canAct && EDITABLE.has(agreement.status));

  const onEdits = useCallback(
    async (edits: CellEdit[]) => {
      if (!agreement || !shown) return;
      // Cells refused before are sent again with the new ones: the card is saved as one.
      const pending = Object.values(drafts).filter((d) => d.state === 'error').map((d) => ({ row: d.row, needLevel: d.needLevel, text: d.text }));
      const all = [...pending, ...edits];
      const plan = planSave(rows, all, shown, parseMoney, translate('placewise.grid.enterMoney'));
      const keys = [...new Set(all.map((e) => cellKey(e.row, e.needLevel)))];
      const draftOf = (e: CellEdit, state: CellDraft['state'], message?: string): CellDraft => ({ row: rows.find((r) => r.key === rowKey(e.row)) ?? { ...e.row, key: '', cells: {} }, needLevel: e.needLevel, text: e.text, state, message });
      const lastEdit = new Map(all.map((e) => [cellKey(e.row, e.needLevel), e]));
      setProblem(null);
      if (Object.keys(plan.invalid).length) {
        // Nothing is sent: the new values wait, marked, with the earlier refusals as they were.
        const fresh = new Set(edits.map((e) => cellKey(e.row, e.needLevel)));
        setDrafts((d) => {
          const next = { ...d };
          for (const key of keys) if (fresh.has(key) || plan.invalid[key]) next[key] = draftOf(lastEdit.get(key)!, 'error', plan.invalid[key] ?? translate('placewise.rateCard.notSaved'));
          return next;
        });
        return;
      }
      if (plan.changes === 0) {
        setDrafts((d) => Object.fromEntries(Object.entries(d).filter(([key]) => !keys.includes(key))));
        return;
      }
      setDrafts((d) => ({ ...d, ...Object.fromEntries(keys.map((key) => [key, draftOf(lastEdit.get(key)!, 'saving')])) }));
      try {
        await save.mutateAsync({ agreementId: agreement.id, add: plan.save.add, update: plan.save.update, remove: plan.save.remove });
        setDrafts((d) => Object.fromEntries(Object.entries(d).filter(([key]) => !keys.includes(key) || d[key].text !== lastEdit.get(key)!.text)));
      } catch (e) {
        const error = e as ApiError;
        const { cells, other } = errorsByCell(plan.save, error.fieldErrors ?? []);
        setProblem(error.code === 'CONFLICT' ? translate('placewise.actions.conflict') : Object.keys(cells).length && !other.length ? null : [error.message, ...other].join(' · '));
        setDrafts((d) => ({ ...d, ...Object.fromEntries(keys.map((key) => [key, draftOf(lastEdit.get(key)!, 'error', cells[key] ?? translate('placewise.rateCard.notSaved'))])) }));
      }
    },
    [agreement, shown, drafts, rows, save, translate],
  );

  if (!agreement) return null;
  const needName = (code: string) => codes.needLevels.find((n) => n.value === code)?.description.split(':')[0] ?? code;
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
          <Button size="small" onClick={() => setDrafts({})} data-testid="rate-discard">
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
      {errors.length > 0 && (
        <Alert severity="warning" data-testid="rate-card-errors">
          {errors.map((d) => `${d.row.placementType} ${d.row.minAge}–${d.row.maxAge} · ${needName(d.needLevel)}: ${d.message}`).join(' · ')}
        </Alert>
      )}
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

import AddchartIcon from '@mui/icons-material/Addchart';
import { Alert, Button, Stack, Typography } from '@mui/material';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslate } from 'react-admin';
import { ActionDialog } from '../../actions/ActionDialog';
import { formatMoney, parseMoney } from '../../i18n/formats';
import type { FieldError } from '../../providers/apiError';
import { RateCardGrid, type CellDraft } from './RateCardGrid';
import { applySave, cellKey, copyForVersion, errorsByLine, parsePercent, percentText, pivotRows, planSave, upliftFee, rowKey, type CardLine, type CellEdit, type RateCardAgreement, type RowKey } from './rateCardModel';
import { AddRateRow } from './AddRateRow';
import { CellErrors } from './CellErrors';
import { useCardCodes } from './useCardCodes';

const MUTATION = `mutation AddRateCardVariation($agreementId: ID!, $version: Int!, $input: RateCardVariationInput!) {
  addRateCardVariation(agreementId: $agreementId, version: $version, input: $input) { id version } }`;

/** What an uplift would give: the current card with each fee raised and rounded half up to the penny, as the server will. */
function UpliftPreview({ current, percent }: { current: CardLine[]; percent: string }) {
  const translate = useTranslate();
  const codes = useCardCodes();
  const hundredths = parsePercent(percent);
  const raised = useMemo(() => (hundredths === null ? [] : current.map((l) => ({ ...l, weeklyFee: upliftFee(l.weeklyFee, hundredths) }))), [current, hundredths]);
  const before = useMemo(() => new Map(current.map((l) => [l.id, l])), [current]);
  const rows = useMemo(() => pivotRows(raised, codes.order), [raised, codes.order]);
  if (percent.trim() === '') return null;
  if (hundredths === null || hundredths === 0n) return <Alert severity="info">{translate('placewise.rateCard.newVersion.percentHint')}</Alert>;
  const total = (lines: CardLine[]) => lines.reduce((sum, l) => sum + BigInt(l.weeklyFee.replace('.', '')), 0n);
  const pence = total(raised) - total(current);
  return (
    <Stack spacing={1} data-testid="uplift-preview">
      <Typography variant="body2" color="text.secondary">
        {translate('placewise.rateCard.newVersion.previewIntro', { percent: percentText(hundredths), total: formatMoney(`${pence / 100n}.${(pence % 100n).toString().padStart(2, '0')}`) })}
      </Typography>
      <RateCardGrid rows={rows} needLevels={codes.needLevels} placementTypeLabel={codes.placementTypeLabel} editable={false} previous={(l) => before.get(l.id)} testId="uplift-preview-grid" />
    </Stack>
  );
}

interface NewCardEditorProps {
  current: CardLine[];
  lines: CardLine[];
  setLines: (next: CardLine[]) => void;
  startAgain: () => void;
  /** The server's refusals by cell, from the last time the card was sent; a cell's goes when it is edited. */
  refused: Record<string, string>;
  onEdited: (cells: string[]) => void;
}

/**
 * The new card drawn up on screen, starting as a copy of the current one; sent whole with the
 * variation. Fees the server refused are marked on their cells, with its message, until edited.
 */
function NewCardEditor({ current, lines, setLines, startAgain, refused, onEdited }: NewCardEditorProps) {
  const translate = useTranslate();
  const codes = useCardCodes();
  const [extraRows, setExtraRows] = useState<RowKey[]>([]);
  const rows = useMemo(() => pivotRows(lines, codes.order, extraRows), [lines, codes.order, extraRows]);
  const before = useMemo(() => new Map(current.map((l) => [cellKey(l, l.needLevel), l])), [current]);
  const [drafts, setDrafts] = useState<Record<string, CellDraft>>({});
  const counter = useRef(0);
  const onEdits = useCallback(
    (edits: CellEdit[]) => {
      const plan = planSave(rows, edits, lines[0]?.effectiveFrom ?? '', parseMoney, translate('placewise.grid.enterMoney'));
      const bad = edits.filter((e) => plan.invalid[cellKey(e.row, e.needLevel)]);
      setDrafts(Object.fromEntries(bad.map((e) => [cellKey(e.row, e.needLevel), { row: rows.find((r) => r.key === rowKey(e.row))!, needLevel: e.needLevel, text: e.text, state: 'error' as const, message: plan.invalid[cellKey(e.row, e.needLevel)] }])));
      setLines(applySave(lines, plan.save, () => `new-edit-${counter.current++}`));
      onEdited(edits.map((e) => cellKey(e.row, e.needLevel)));
    },
    [rows, lines, setLines, translate, onEdited],
  );
  const shown = useMemo(() => {
    const marked: Record<string, CellDraft> = {};
    for (const row of rows)
      for (const [needLevel, line] of Object.entries(row.cells)) {
        const message = line && refused[cellKey(row, needLevel)];
        if (message) marked[cellKey(row, needLevel)] = { row, needLevel, text: formatMoney(line.weeklyFee), state: 'error', message };
      }
    return { ...marked, ...drafts };
  }, [rows, refused, drafts]);
  return (
    <Stack spacing={1} data-testid="new-card-editor">
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <Typography variant="body2" color="text.secondary" sx={{ flex: 1 }}>
          {translate('placewise.rateCard.newVersion.editIntro')}
        </Typography>
        <Button size="small" onClick={startAgain}>
          {translate('placewise.rateCard.newVersion.startAgain')}
        </Button>
      </Stack>
      <CellErrors drafts={shown} needLevels={codes.needLevels} testId="new-card-errors" />
      <RateCardGrid rows={rows} needLevels={codes.needLevels} placementTypeLabel={codes.placementTypeLabel} editable
        drafts={shown}
        onEdits={onEdits}
        previous={(l) => {
          // Only the fees changed from the current card show their change.
          const was = before.get(cellKey(l, l.needLevel));
          return was && was.weeklyFee !== l.weeklyFee ? was : undefined;
        }}
        testId="new-card-grid"
      />
      <AddRateRow
        placementTypes={codes.placementTypes}
        exists={(r) => rows.some((x) => rowKey(x) === rowKey(r))}
        onAdd={(r) => setExtraRows((x) => [...x, r])}
      />
    </Stack>
  );
}

/**
 * "New version" of an ACTIVE agreement's card from a date: every line raised by a percentage
 * (previewed to the penny), or a new card edited from a copy of the current one. One
 * addRateCardVariation with the agreement's version; a CONFLICT reads the agreement again.
 */
export function NewVersionDialog({ agreement, current }: { agreement: RateCardAgreement; current: CardLine[] }) {
  const translate = useTranslate();
  const [draft, setDraft] = useState<CardLine[]>(() => copyForVersion(current, ''));
  const [refused, setRefused] = useState<Record<string, string>>({});
  const startAgain = useCallback(() => {
    setDraft(copyForVersion(current, ''));
    setRefused({});
  }, [current]);
  const onEdited = useCallback((cells: string[]) => setRefused((r) => Object.fromEntries(Object.entries(r).filter(([key]) => !cells.includes(key)))), []);
  // A refused line's error goes on the cell it was sent from; the rest stay with the form.
  const claimFieldErrors = useCallback((fieldErrors: FieldError[], sent: Record<string, unknown>) => {
    const lines = (sent.input as { lines?: Array<RowKey & { needLevel: string }> }).lines ?? [];
    const { cells, other } = errorsByLine(lines, fieldErrors);
    setRefused(cells);
    return other;
  }, []);
  // A new copy only when the current card itself changed (a new version recorded), not each time
  // the agreement is read again (after a CONFLICT the officer's edits stay).
  const currentKey = current.map((l) => `${l.id}:${l.version}`).join(',');
  useEffect(startAgain, [currentKey]);
  const isUplift = (texts: Record<string, string>) => (texts.mode ?? 'uplift') === 'uplift';
  return (
    <ActionDialog
      label={translate('placewise.rateCard.newVersion.button')}
      title={translate('placewise.rateCard.newVersion.title')}
      intro={translate('placewise.rateCard.newVersion.intro')}
      testId="new-rate-version"
      icon={<AddchartIcon />}
      maxWidth="lg"
      mutation={MUTATION}
      fields={[
        { name: 'effectiveFrom', label: translate('placewise.rateCard.newVersion.effectiveFrom'), kind: 'date', required: true },
        {
          name: 'mode',
          label: translate('placewise.rateCard.newVersion.mode'),
          kind: 'select',
          required: true,
          initial: 'uplift',
          options: [
            { value: 'uplift', label: translate('placewise.rateCard.newVersion.uplift') },
            { value: 'edit', label: translate('placewise.rateCard.newVersion.edit') },
          ],
        },
        { name: 'upliftPercent', label: translate('placewise.rateCard.newVersion.percent'), kind: 'text', required: true, when: isUplift, helperText: translate('placewise.rateCard.newVersion.percentHint') },
        { name: 'reason', label: translate('placewise.rateCard.newVersion.reason'), kind: 'multiline' },
      ]}
      claimFieldErrors={claimFieldErrors}
      preview={(texts) => (isUplift(texts) ? <UpliftPreview current={current} percent={texts.upliftPercent ?? ''} /> : <NewCardEditor current={current} lines={draft} setLines={setDraft} startAgain={startAgain} refused={refused} onEdited={onEdited} />)}
      variables={(v) => {
        const hundredths = v.upliftPercent ? parsePercent(v.upliftPercent) : null;
        const input =
          v.mode === 'edit'
            ? {
                effectiveFrom: v.effectiveFrom,
                reason: v.reason,
                lines: draft.map(({ placementType, needLevel, minAge, maxAge, weeklyFee }) => ({ placementType, needLevel, minAge, maxAge, weeklyFee, effectiveFrom: v.effectiveFrom })),
              }
            : { effectiveFrom: v.effectiveFrom, reason: v.reason, upliftPercent: hundredths === null ? v.upliftPercent : percentText(hundredths) };
        return { agreementId: agreement.id, version: agreement.version, input };
      }}
      done={translate('placewise.rateCard.newVersion.done')}
      confirmLabel={translate('placewise.rateCard.newVersion.confirm')}
    />
  );
}

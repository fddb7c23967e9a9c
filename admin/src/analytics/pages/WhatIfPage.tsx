import { Alert, Box, MenuItem, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import { todayIso, useApiQuery } from '../../api/useApi';
import { Figure } from '../../dashboard/DashboardCard';
import { financialYear as financialYearOf, formatDate, formatMoney, parseDate, parseMoney } from '../../i18n/formats';
import { AnalyticsPage } from '../AnalyticsPage';
import { AnalyticsTable } from '../AnalyticsTable';
import type { AnalyticsColumn } from '../columns';
import { DateFilter } from '../filters';
import { MovesEditor, type DraftMove } from './whatIf/MovesEditor';
import { WhatIfChart } from './whatIf/WhatIfChart';
import { LOCALITIES, WHAT_IF, type WhatIfMonth, type WhatIfResult } from './whatIf/whatIfQuery';

interface Applied {
  financialYear: string;
  localityId: string | null;
  asOf: string;
  moves: Array<Record<string, unknown>>;
}

/** "2025-26" → the years around it, for the year choice. */
function yearsAround(year: string): string[] {
  const start = Number(year.slice(0, 4));
  return [start - 1, start, start + 1].map((y) => `${y}-${String((y + 1) % 100).padStart(2, '0')}`);
}

const monthFormat = new Intl.DateTimeFormat('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' });

/** "2026-01" → "Jan 2026". */
function monthLabel(month: string): string {
  return monthFormat.format(new Date(`${month}-01T00:00:00Z`));
}

/** The first of the month after `date`. */
function nextMonth(date: string): string {
  const [y, m] = date.split('-').map(Number);
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}

/** The moves as the API takes them, or the page's own errors by field when a fee is not money or a count not a number. */
function toInput(moves: DraftMove[], messages: { notMoney: string; notWholeNumber: string; notDate: string }): { input: Array<Record<string, unknown>>; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const input = moves.map((m, i) => {
    const weeklyFee = parseMoney(m.weeklyFee);
    const fromDate = parseDate(m.fromDate);
    if (weeklyFee === null) errors[`moves.${i}.weeklyFee`] = messages.notMoney;
    if (!/^-?\d+$/.test(m.count.trim())) errors[`moves.${i}.count`] = messages.notWholeNumber;
    if (fromDate === null) errors[`moves.${i}.fromDate`] = messages.notDate;
    return { from: m.from, to: m.to, toProviderCode: m.toProviderCode || null, count: Number(m.count), weeklyFee, fromDate };
  });
  return { input, errors };
}

/** What-if: the budget forecast beside the same with placements moved, for "will the number in care and its cost stay within the budget?". */
export function WhatIfPage() {
  const translate = useTranslate();
  const today = todayIso();
  const [draft, setDraft] = useState<Omit<Applied, 'moves'>>({ financialYear: financialYearOf(today), localityId: null, asOf: today });
  const [moves, setMoves] = useState<DraftMove[]>([]);
  const [ownErrors, setOwnErrors] = useState<Record<string, string>>({});
  const [applied, setApplied] = useState<Applied>({ ...draft, moves: [] });
  const localities = useApiQuery<{ localities: { nodes: Array<{ id: string; name: string }> } }>('whatIfLocalities', LOCALITIES);
  const { data, isPending, error } = useApiQuery<WhatIfResult>('whatIf', WHAT_IF, { ...applied });
  const apply = (next = draft) => {
    const { input, errors } = toInput(moves, { notMoney: translate('placewise.whatIf.notMoney'), notWholeNumber: translate('placewise.whatIf.notWholeNumber'), notDate: translate('placewise.whatIf.notDate') });
    setOwnErrors(errors);
    if (Object.keys(errors).length === 0) setApplied({ ...next, moves: input });
  };
  const setFilter = (patch: Partial<typeof draft>) => {
    const next = { ...draft, ...patch };
    setDraft(next);
    apply(next);
  };
  const moveErrors = error?.fieldErrors.filter((e) => e.field.startsWith('moves')) ?? [];
  const errors = { ...Object.fromEntries(moveErrors.map((e) => [e.field, e.message])), ...ownErrors };
  const w = data?.whatIf;
  const rows = (w?.base.months ?? []).map((m, i) => ({ base: m, scenario: w!.scenario.months[i] }));
  const columns: AnalyticsColumn<{ base: WhatIfMonth; scenario: WhatIfMonth }>[] = [
    { key: 'month', label: translate('placewise.whatIf.month'), kind: 'text', value: (r) => monthLabel(r.base.month) },
    { key: 'baseForecast', label: translate('placewise.whatIf.baseForecast'), kind: 'money', value: (r) => r.base.forecast },
    { key: 'scenarioForecast', label: translate('placewise.whatIf.scenarioForecast'), kind: 'money', value: (r) => r.scenario.forecast },
    { key: 'baseCumulative', label: translate('placewise.whatIf.baseCumulative'), kind: 'money', value: (r) => r.base.cumulativeForecast },
    { key: 'scenarioCumulative', label: translate('placewise.whatIf.scenarioCumulative'), kind: 'money', value: (r) => r.scenario.cumulativeForecast },
    { key: 'budgetToDate', label: translate('placewise.whatIf.budgetToDate'), kind: 'money', value: (r) => r.base.budgetToDate },
    { key: 'baseChildren', label: translate('placewise.whatIf.baseChildren'), kind: 'count', value: (r) => r.base.childrenInCare },
    { key: 'scenarioChildren', label: translate('placewise.whatIf.scenarioChildren'), kind: 'count', value: (r) => r.scenario.childrenInCare },
  ];
  const movedColumns: AnalyticsColumn<WhatIfResult['whatIf']['moves'][number]>[] = [
    { key: 'move', label: translate('placewise.whatIf.move'), kind: 'count', value: (m) => m.index + 1 },
    { key: 'placements', label: translate('placewise.whatIf.placements'), kind: 'count', value: (m) => m.placementIds.length },
    { key: 'weeklyCostBefore', label: translate('placewise.whatIf.weeklyCostBefore'), kind: 'money', value: (m) => m.weeklyCostBefore },
    { key: 'weeklyCostAfter', label: translate('placewise.whatIf.weeklyCostAfter'), kind: 'money', value: (m) => m.weeklyCostAfter },
  ];
  // A new move starts on the first of next month, or on asOf itself when next month is in the next year.
  const yearEnd = `${Number(draft.financialYear.slice(0, 4)) + 1}-04-01`;
  const firstNight = nextMonth(draft.asOf) < yearEnd ? nextMonth(draft.asOf) : draft.asOf;
  const addMove = () => setMoves([...moves, { from: 'K2', to: 'U4', toProviderCode: 'PR1', count: '1', weeklyFee: '', fromDate: formatDate(firstNight) }]);
  const filters = (
    <>
      <TextField select size="small" label={translate('placewise.whatIf.financialYear')} value={draft.financialYear} onChange={(e) => setFilter({ financialYear: e.target.value })} slotProps={{ htmlInput: { 'data-testid': 'filter-financialYear' } }} sx={{ width: 150 }}>
        {yearsAround(financialYearOf(today)).map((y) => (
          <MenuItem key={y} value={y}>
            {y}
          </MenuItem>
        ))}
      </TextField>
      <TextField select size="small" label={translate('placewise.whatIf.locality')} value={draft.localityId ?? ''} onChange={(e) => setFilter({ localityId: e.target.value || null })} slotProps={{ htmlInput: { 'data-testid': 'filter-locality' } }} sx={{ width: 220 }}>
        <MenuItem value="">{translate('placewise.whatIf.allLocalities')}</MenuItem>
        {(localities.data?.localities.nodes ?? []).map((l) => (
          <MenuItem key={l.id} value={l.id}>
            {l.name}
          </MenuItem>
        ))}
      </TextField>
      <DateFilter label={translate('placewise.whatIf.asOf')} value={draft.asOf} onChange={(asOf) => setFilter({ asOf })} name="asOf" />
      {/* The moves sit with the filters, on a line of their own, so they stay while the figures load or fail. */}
      <Box sx={{ flexBasis: '100%' }}>
        <MovesEditor moves={moves} onChange={setMoves} onAdd={addMove} onApply={() => apply()} errors={errors} />
        {moveErrors.length > 0 && (
          <Alert severity="error" data-testid="whatif-error">
            {moveErrors.some((e) => !/^moves\.\d+\./.test(e.field)) ? error!.message : translate('placewise.whatIf.refused')}
          </Alert>
        )}
      </Box>
    </>
  );
  return (
    <AnalyticsPage
      name="what-if"
      title={translate('placewise.whatIf.title')}
      description={translate('placewise.whatIf.description')}
      filters={filters}
      loading={isPending}
      error={error && moveErrors.length === 0 ? error : null}
      chart={w && <WhatIfChart base={w.base.months} scenario={w.scenario.months} />}
    >
      {w && (
        <>
          <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 4, mb: 2 }}>
            <Figure label={translate('placewise.whatIf.baseOutturn')} value={formatMoney(w.base.outturn)} testId="whatif-base-outturn" />
            <Figure label={translate('placewise.whatIf.scenarioOutturn')} value={formatMoney(w.scenario.outturn)} testId="whatif-scenario-outturn" />
            <Figure label={translate('placewise.whatIf.difference')} value={formatMoney(w.outturnDifference)} testId="whatif-difference" />
            <Figure label={translate('placewise.whatIf.budget')} value={formatMoney(w.base.budget)} testId="whatif-budget" />
          </Box>
          <Typography variant="body2" sx={{ mb: 2 }} data-testid="whatif-children">
            {translate('placewise.whatIf.childrenAtYearEnd', { base: w.base.childrenInCareAtYearEnd, scenario: w.scenario.childrenInCareAtYearEnd })}
          </Typography>
          <AnalyticsTable name="what-if-months" title={translate('placewise.whatIf.monthTable')} columns={columns} rows={rows} rowKey={(r) => r.base.month} fileSuffix={applied.asOf} />
          {w.moves.length > 0 && <AnalyticsTable name="what-if-moves" title={translate('placewise.whatIf.movedTable')} columns={movedColumns} rows={w.moves} rowKey={(m) => String(m.index)} />}
        </>
      )}
    </AnalyticsPage>
  );
}

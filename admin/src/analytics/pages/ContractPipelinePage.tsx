import { Box, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import { CartesianGrid, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis, ZAxis } from 'recharts';
import { todayIso, useApiQuery } from '../../api/useApi';
import { Figure, pounds, shortPounds } from '../../dashboard/DashboardCard';
import { formatDate, formatMoney } from '../../i18n/formats';
import { AnalyticsPage } from '../AnalyticsPage';
import { AnalyticsTable, type TableSort } from '../AnalyticsTable';
import { ChoiceFilter, DateFilter } from '../filters';
import { pipelineColumns, type PipelineRow } from './pipelineColumns';

export const CONTRACT_PIPELINE = `query ContractPipeline($withinDays: Int!, $onDate: Date, $orderBy: [ContractPipelineOrderBy!]) {
  contractPipeline(withinDays: $withinDays, onDate: $onDate, orderBy: $orderBy) {
    onDate until
    items { recordType id reference title providerId provider { legalName } contractKind endDate reviewDate dueFor dueDate daysLeft annualValue annualValueBasis placements spendAtStake }
    totals { recordType items annualValue spendAtStake }
  }
}`;

interface PipelineTotal {
  recordType: 'CONTRACT' | 'AGREEMENT';
  items: number;
  annualValue: string;
  spendAtStake: string;
}
interface PipelineData {
  contractPipeline: { onDate: string; until: string; items: PipelineRow[]; totals: PipelineTotal[] };
}

const WINDOWS = [30, 60, 90] as const;

/** Each line as a point: days until it is due against its annual value (drawing only; the table has the exact figures). */
function PipelineChart({ rows, t }: { rows: PipelineRow[]; t: (key: string) => string }) {
  const points = rows.filter((r) => r.annualValue !== null).map((r) => ({ days: r.daysLeft, value: pounds(r.annualValue!), stake: pounds(r.spendAtStake), row: r }));
  return (
    <Box sx={{ height: 260 }} data-testid="pipeline-chart">
      <ResponsiveContainer width="100%" height="100%">
        <ScatterChart margin={{ top: 8, right: 24, left: 8, bottom: 8 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis type="number" dataKey="days" name={t('placewise.contractPipeline.col.daysLeft')} tick={{ fontSize: 12 }} />
          <YAxis type="number" dataKey="value" name={t('placewise.contractPipeline.col.annualValue')} tickFormatter={shortPounds} tick={{ fontSize: 12 }} width={60} />
          <ZAxis type="number" dataKey="stake" range={[40, 400]} />
          <Tooltip
            content={({ active, payload }) => {
              const r = active ? (payload?.[0]?.payload as { row: PipelineRow } | undefined)?.row : undefined;
              return r ? (
                <Box sx={{ bgcolor: 'background.paper', border: 1, borderColor: 'divider', p: 1, fontSize: 13 }}>
                  <strong>{r.reference}</strong> · {r.provider.legalName}
                  <br />
                  {formatDate(r.dueDate)} · {formatMoney(r.annualValue)} · {formatMoney(r.spendAtStake)}
                </Box>
              ) : null;
            }}
          />
          <Scatter data={points.filter((p) => p.row.recordType === 'CONTRACT')} fill="#1565c0" isAnimationActive={false} />
          <Scatter data={points.filter((p) => p.row.recordType === 'AGREEMENT')} fill="#ef6c00" isAnimationActive={false} />
        </ScatterChart>
      </ResponsiveContainer>
      <Typography variant="caption" color="text.secondary">
        {t('placewise.contractPipeline.chartLegend')}
      </Typography>
    </Box>
  );
}

/** The contract pipeline: contracts and agreements ending or due for review in the next 30, 60 or 90 days, sorted by the server. */
export function ContractPipelinePage() {
  const translate = useTranslate();
  const [onDate, setOnDate] = useState(todayIso());
  const [withinDays, setWithinDays] = useState<number>(90);
  const [sort, setSort] = useState<TableSort>({ field: 'dueDate', direction: 'ASC' });
  const { data, isPending, error } = useApiQuery<PipelineData>('contractPipeline', CONTRACT_PIPELINE, { withinDays, onDate, orderBy: [sort] });
  const p = data?.contractPipeline;
  const totals = p?.totals ?? [];
  return (
    <AnalyticsPage
      name="contract-pipeline"
      title={translate('placewise.contractPipeline.title')}
      description={translate('placewise.contractPipeline.about')}
      filters={
        <>
          <DateFilter label={translate('placewise.analytics.onDate')} value={onDate} onChange={setOnDate} />
          <ChoiceFilter
            name="within"
            label={translate('placewise.contractPipeline.within')}
            value={withinDays}
            choices={WINDOWS.map((d) => ({ value: d, label: translate('placewise.contractPipeline.days', { days: d }) }))}
            onChange={setWithinDays}
          />
          {p && (
            <Typography variant="body2" color="text.secondary" data-testid="pipeline-window">
              {translate('placewise.contractPipeline.window', { from: formatDate(p.onDate), until: formatDate(p.until) })}
            </Typography>
          )}
        </>
      }
      chart={p && p.items.length > 0 ? <PipelineChart rows={p.items} t={translate} /> : undefined}
      loading={isPending}
      error={error}
    >
      {p && (
        <>
          <Box sx={{ display: 'flex', gap: 4, flexWrap: 'wrap', mb: 2 }} data-testid="pipeline-totals">
            {totals.map((tot) => (
              <Box key={tot.recordType} sx={{ display: 'flex', gap: 3 }} data-testid={`totals-${tot.recordType}`}>
                <Figure label={translate(`placewise.contractPipeline.count.${tot.recordType}`, { smart_count: tot.items })} value={String(tot.items)} testId={`count-${tot.recordType}`} />
                <Figure label={translate('placewise.contractPipeline.totalAnnualValue')} value={formatMoney(tot.annualValue)} testId={`annual-${tot.recordType}`} />
                <Figure label={translate('placewise.contractPipeline.totalAtStake')} value={formatMoney(tot.spendAtStake)} testId={`stake-${tot.recordType}`} />
              </Box>
            ))}
          </Box>
          <AnalyticsTable
            name="contract-pipeline"
            columns={pipelineColumns(translate)}
            rows={p.items}
            rowKey={(r) => r.id}
            sort={sort}
            onSort={setSort}
            fileSuffix={`${p.onDate}-${withinDays}-days`}
          />
        </>
      )}
    </AnalyticsPage>
  );
}

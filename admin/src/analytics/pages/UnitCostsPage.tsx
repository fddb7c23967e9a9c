import { Box, Tab, Tabs } from '@mui/material';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { todayIso, useApiQuery } from '../../api/useApi';
import { pounds, shortPounds } from '../../dashboard/DashboardCard';
import { formatMoney } from '../../i18n/formats';
import { AnalyticsPage } from '../AnalyticsPage';
import { AnalyticsTable } from '../AnalyticsTable';
import { BoxPlot } from '../BoxPlot';
import { codeText } from '../columns';
import { DateFilter, SwitchFilter } from '../filters';
import { groupColumns, highCostColumns, ofstedColumns, premiumColumns, providerColumns } from './unitCostsColumns';
import { UNIT_COST_QUERIES, UNIT_COST_TABS, type PremiumRow, type UnitCostsData, type UnitCostTab } from './unitCostsQueries';

/** Spot against framework: the premium of each group with both medians, as bars (drawing only; the table has the exact figures). */
function PremiumChart({ rows, label }: { rows: PremiumRow[]; label: (r: PremiumRow) => string }) {
  const data = rows.filter((r) => r.premium !== null).map((r) => ({ label: label(r), premium: pounds(r.premium!), text: formatMoney(r.premium) }));
  return (
    <Box sx={{ height: Math.max(160, 40 + data.length * 28) }} data-testid="premium-chart">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} layout="vertical" margin={{ top: 8, right: 24, left: 8, bottom: 8 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" tickFormatter={shortPounds} tick={{ fontSize: 12 }} />
          <YAxis type="category" dataKey="label" width={200} tick={{ fontSize: 12 }} interval={0} />
          <Tooltip formatter={(_v, _n, item) => [(item.payload as { text: string }).text]} />
          <Bar dataKey="premium" fill="#ef6c00" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </Box>
  );
}

/**
 * Unit costs and value for money: the weekly cost (fee + weekly services) of the placements running on a date,
 * by placement type and need level, by provider, spot against framework, by Ofsted rating, and the highest.
 * Each tab reads its one section of `unitCosts`; every figure is the server's.
 */
export function UnitCostsPage() {
  const translate = useTranslate();
  const [onDate, setOnDate] = useState(todayIso());
  const [own, setOwn] = useState(false);
  const [tab, setTab] = useState<UnitCostTab>('groups');
  const { data, isPending, error } = useApiQuery<UnitCostsData>(`unitCosts:${tab}`, UNIT_COST_QUERIES[tab], { onDate, own });
  const u = data?.unitCosts;
  const notKnown = translate('placewise.notKnown');
  const groupLabel = (r: { placementType: string; needLevel: string | null }) => `${r.placementType} · ${codeText(r.needLevel, notKnown)}`;
  const table = { fileSuffix: onDate };

  let chart = null;
  let body = null;
  if (u && tab === 'groups') {
    const rows = u.byPlacementTypeAndNeed ?? [];
    chart = <BoxPlot boxes={rows.map((r) => ({ ...r, label: groupLabel(r) }))} />;
    body = <AnalyticsTable name="unit-costs-groups" columns={groupColumns(translate)} rows={rows} rowKey={groupLabel} {...table} />;
  } else if (u && tab === 'providers') {
    const rows = u.byProvider ?? [];
    body = <AnalyticsTable name="unit-costs-providers" columns={providerColumns(translate)} rows={rows} rowKey={(r) => `${r.providerId} ${groupLabel(r)}`} {...table} />;
  } else if (u && tab === 'premium') {
    const rows = u.frameworkPremium ?? [];
    chart = <PremiumChart rows={rows} label={groupLabel} />;
    body = <AnalyticsTable name="unit-costs-premium" columns={premiumColumns(translate)} rows={rows} rowKey={groupLabel} {...table} />;
  } else if (u && tab === 'ofsted') {
    const rows = u.byOfstedRating ?? [];
    const label = (r: { ofstedRating: string | null }) => codeText(r.ofstedRating, notKnown);
    chart = <BoxPlot boxes={rows.map((r) => ({ ...r, label: label(r) }))} />;
    body = <AnalyticsTable name="unit-costs-ofsted" columns={ofstedColumns(translate)} rows={rows} rowKey={label} {...table} />;
  } else if (u && tab === 'highCost') {
    body = <AnalyticsTable name="unit-costs-high-cost" columns={highCostColumns(translate)} rows={u.highCostPlacements ?? []} rowKey={(r) => r.placementId} {...table} />;
  }

  return (
    <AnalyticsPage
      name="unit-costs"
      title={translate('placewise.unitCosts.title')}
      description={translate(`placewise.unitCosts.about.${tab}`)}
      filters={
        <>
          <DateFilter label={translate('placewise.analytics.onDate')} value={onDate} onChange={setOnDate} />
          <SwitchFilter name="own" label={translate('placewise.unitCosts.includeOwn')} checked={own} onChange={setOwn} />
        </>
      }
      tabs={
        <Tabs value={tab} onChange={(_, v: UnitCostTab) => setTab(v)} variant="scrollable">
          {UNIT_COST_TABS.map((k) => (
            <Tab key={k} value={k} label={translate(`placewise.unitCosts.tab.${k}`)} data-testid={`tab-${k}`} />
          ))}
        </Tabs>
      }
      chart={chart}
      loading={isPending}
      error={error}
    >
      {body}
    </AnalyticsPage>
  );
}

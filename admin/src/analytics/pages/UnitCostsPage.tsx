import { Tab, Tabs } from '@mui/material';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import { todayIso, useApiQuery } from '../../api/useApi';
import { pounds } from '../../dashboard/DashboardCard';
import { AnalyticsPage } from '../AnalyticsPage';
import { AnalyticsTable } from '../AnalyticsTable';
import { Bars } from '../Bars';
import { BoxPlot } from '../BoxPlot';
import { codeText } from '../columns';
import { DateFilter, SwitchFilter } from '../filters';
import { groupColumns, highCostColumns, ofstedColumns, premiumColumns, providerColumns } from './unitCostsColumns';
import { UNIT_COST_QUERIES, UNIT_COST_TABS, type ProviderRow, type UnitCostsData, type UnitCostTab } from './unitCostsQueries';

/**
 * Unit costs and value for money: the weekly cost (fee + weekly services) of the placements running on a date,
 * by placement type and need level, by provider, spot against framework, by Ofsted rating, and the highest.
 * Each tab reads its one section of `unitCosts`; every figure is the server's.
 */
/** How many provider rows the chart shows. */
const FURTHEST = 20;

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
    // The rows furthest above their group's median: chosen by comparing the server's percentages, nothing worked out here.
    const furthest = [...rows].filter((r) => r.percentFromMedian !== null).sort((a, b) => pounds(b.percentFromMedian!) - pounds(a.percentFromMedian!)).slice(0, FURTHEST);
    const label = (r: ProviderRow) => `${r.provider.legalName} · ${groupLabel(r)}`;
    chart = <Bars rows={furthest} label={label} unit="percent" series={[{ name: translate('placewise.unitCosts.col.percentFromMedian'), colour: '#6a1b9a', value: (r) => r.percentFromMedian }]} testId="providers-chart" />;
    body = <AnalyticsTable name="unit-costs-providers" columns={providerColumns(translate)} rows={rows} rowKey={(r) => `${r.providerId} ${groupLabel(r)}`} {...table} />;
  } else if (u && tab === 'premium') {
    const rows = u.frameworkPremium ?? [];
    chart = (
      <Bars rows={rows.filter((r) => r.premium !== null)} label={groupLabel} unit="money" series={[{ name: translate('placewise.unitCosts.col.premium'), colour: '#ef6c00', value: (r) => r.premium }]} testId="premium-chart" />
    );
    body = <AnalyticsTable name="unit-costs-premium" columns={premiumColumns(translate)} rows={rows} rowKey={groupLabel} {...table} />;
  } else if (u && tab === 'ofsted') {
    const rows = u.byOfstedRating ?? [];
    const label = (r: { ofstedRating: string | null }) => codeText(r.ofstedRating, notKnown);
    chart = <BoxPlot boxes={rows.map((r) => ({ ...r, label: label(r) }))} />;
    body = <AnalyticsTable name="unit-costs-ofsted" columns={ofstedColumns(translate)} rows={rows} rowKey={label} {...table} />;
  } else if (u && tab === 'highCost') {
    const rows = u.highCostPlacements ?? [];
    chart = rows.length ? (
      <Bars
        rows={rows}
        label={(r) => `${r.placement.reference ?? r.placementId.slice(0, 8)} · ${r.placement.provider.legalName}`}
        unit="money"
        series={[
          { name: translate('placewise.unitCosts.col.weeklyCost'), colour: '#c62828', value: (r) => r.weeklyCost },
          { name: translate('placewise.unitCosts.col.cardWeeklyFee'), colour: '#90a4ae', value: (r) => r.cardWeeklyFee },
        ]}
        testId="high-cost-chart"
      />
    ) : null;
    body = <AnalyticsTable name="unit-costs-high-cost" columns={highCostColumns(translate)} rows={rows} rowKey={(r) => r.placementId} {...table} />;
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

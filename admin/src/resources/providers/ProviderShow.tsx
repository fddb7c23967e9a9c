import { useRecordContext } from 'react-admin';
import { todayIso } from '../../api/useApi';
import { EmbeddedTable, GenericShow, type ShowTab } from '../../forms/GenericShow';
import { RelatedList } from '../RelatedList';
import { ProviderSpendCard } from './ProviderSpendCard';

const showFields = ['legalName', 'tradingName', 'providerCode', 'status', 'serviceCategories', 'companyNumber', 'charityNumber', 'notes', 'archivedAt'];

function ProviderSettings() {
  const record = useRecordContext();
  if (!record) return null;
  return (
    <RelatedList
      resource="settings"
      testId="provider-settings"
      filter={{ providerId: { eq: record.id } }}
      orderBy="{ field: name }"
      fields={['name', 'kind', 'ofstedRating', 'inspectionDate', 'ofstedUrn', 'registeredPlaces', 'postcode', 'localityId']}
    />
  );
}

function ProviderAgreementsAndContracts() {
  const record = useRecordContext();
  if (!record) return null;
  return (
    <>
      <RelatedList
        resource="agreements"
        testId="provider-agreements"
        title="Agreements"
        filter={{ providerId: { eq: record.id } }}
        fields={['reference', 'title', 'status', 'startDate', 'endDate', 'tier']}
      />
      <RelatedList
        resource="contracts"
        testId="provider-contracts"
        title="Contracts"
        filter={{ providerId: { eq: record.id } }}
        orderBy="{ field: startDate, direction: DESC }"
        fields={['reference', 'title', 'kind', 'status', 'startDate', 'endDate', 'weeklyFee']}
      />
    </>
  );
}

function ProviderLivePlacements() {
  const record = useRecordContext();
  if (!record) return null;
  return (
    <RelatedList
      resource="placements"
      testId="provider-placements"
      filter={{ providerId: { eq: record.id }, openOn: todayIso() }}
      orderBy="{ field: startDate, direction: DESC }"
      fields={['reference', 'placementType', 'settingId', 'startDate', 'plannedEndDate', 'currentWeeklyCost', 'distanceMiles']}
    />
  );
}

const tabs: ShowTab[] = [
  { label: 'placewise.provider.settings', path: 'settings', content: <ProviderSettings /> },
  { label: 'placewise.provider.agreements', path: 'agreements', content: <ProviderAgreementsAndContracts /> },
  { label: 'placewise.provider.placements', path: 'placements', content: <ProviderLivePlacements /> },
];

/** A provider's page: its details and spend this year, its settings with their Ofsted judgements, agreements and contracts, live placements, and history. */
export const ProviderShow = () => (
  <GenericShow fields={showFields} tabs={tabs}>
    <EmbeddedTable source="contacts" columns={['name', 'role', 'email', 'phone']} />
    <ProviderSpendCard />
  </GenericShow>
);

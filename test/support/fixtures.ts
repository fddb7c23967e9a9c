import type { TestApi } from './test-api';

/** A record as the API returned it: at least an id and a version. */
export type Row = { id: string; version: number } & Record<string, any>;

export const PROVIDER_FIELDS = 'id version legalName tradingName companyNumber charityNumber providerCode serviceCategories status notes archivedAt';

export async function createProvider(t: TestApi, input: Record<string, unknown>, token?: string): Promise<Row> {
  const data = await t.ok<{ createProvider: Row }>(
    `mutation($i: ProviderCreateInput!) { createProvider(input: $i) { ${PROVIDER_FIELDS} } }`,
    { i: { providerCode: 'PR4', ...input } },
    token,
  );
  return data.createProvider;
}

export async function createSetting(t: TestApi, input: Record<string, unknown>): Promise<Row> {
  const data = await t.ok<{ createSetting: Row }>(
    `mutation($i: SettingCreateInput!) { createSetting(input: $i) { id version name kind ofstedUrn ofstedRating inspectionDate registeredPlaces postcode latitude longitude localityId providerId } }`,
    { i: { kind: 'CHILDRENS_HOME', ...input } },
  );
  return data.createSetting;
}

/** Row counts of every table: compared before and after a request that must write nothing. */
export async function tableCounts(t: TestApi): Promise<Record<string, number>> {
  const [row] = await t.api.db.query(
    `SELECT json_object_agg(table_name, (xpath('/row/n/text()', query_to_xml(format('SELECT count(*) AS n FROM %I', table_name), false, true, '')))[1]::text::int) AS counts
     FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> 'migrations'`,
  );
  return row.counts as Record<string, number>;
}

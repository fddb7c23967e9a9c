import type { TestApi } from './test-api';

export const PROVIDER_FIELDS = 'id version legalName tradingName companyNumber charityNumber providerCode serviceCategories status notes archivedAt';

export async function createProvider(t: TestApi, input: Record<string, unknown>, token?: string) {
  const data = await t.ok<{ createProvider: Record<string, any> }>(
    `mutation($i: ProviderCreateInput!) { createProvider(input: $i) { ${PROVIDER_FIELDS} } }`,
    { i: { providerCode: 'PR4', ...input } },
    token,
  );
  return data.createProvider;
}

export async function createSetting(t: TestApi, input: Record<string, unknown>) {
  const data = await t.ok<{ createSetting: Record<string, any> }>(
    `mutation($i: SettingCreateInput!) { createSetting(input: $i) { id version name kind ofstedUrn ofstedRating inspectionDate registeredPlaces postcode latitude longitude localityId providerId } }`,
    { i: { kind: 'CHILDRENS_HOME', ...input } },
  );
  return data.createSetting;
}

/** Row counts of every table a bad request might touch: compared before and after. */
export async function tableCounts(t: TestApi): Promise<Record<string, number>> {
  const tables = ['provider', 'setting', 'authority', 'locality', 'user_account', 'audit_event'];
  const counts: Record<string, number> = {};
  for (const table of tables) counts[table] = await t.rowCount(table);
  return counts;
}

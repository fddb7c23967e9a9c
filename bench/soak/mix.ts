/** The soak's mixed load: what analysts, officers and other services send, in proportion. */

export interface Step {
  name: string;
  /** Relative frequency. */
  weight: number;
  run(call: Caller, n: number): Promise<void>;
}

export type Caller = (operation: string, query: string, variables?: Record<string, unknown>, headers?: Record<string, string>) => Promise<Record<string, any>>;

const PROVIDER = 'id version legalName';

export const MIX: Step[] = [
  {
    name: 'ProviderPage',
    weight: 6,
    run: (call) => call('ProviderPage', `query ProviderPage { providers(first: 50, orderBy: [{ field: legalName }]) { totalCount nodes { id legalName status settings { name ofstedRating } } } }`).then(() => undefined),
  },
  {
    name: 'PlacementSearch',
    weight: 4,
    run: (call, n) =>
      call('PlacementSearch', `query PlacementSearch($t: [PlacementType!]) { placements(filter: { placementType: { in: $t } }, first: 100) { totalCount nodes { id reference startDate child { caseReference } provider { legalName } } } }`, {
        t: n % 2 ? ['K2'] : ['U4', 'U5', 'U6'],
      }).then(() => undefined),
  },
  {
    name: 'MonthlySpend',
    weight: 2,
    run: (call) =>
      call('MonthlySpend', `query MonthlySpend { spend(groupBy: [MONTH, PLACEMENT_TYPE], from: "2025-04-01", to: "2026-03-31", basis: EXPECTED) { total { amount nights } groups { amount } } }`).then(() => undefined),
  },
  {
    name: 'CareIndicators',
    weight: 1,
    run: (call) => call('CareIndicators', `query CareIndicators { careIndicators(onDate: "2026-05-01") { childrenInCare residential } }`).then(() => undefined),
  },
  {
    name: 'UnitCosts',
    weight: 1,
    run: (call) => call('UnitCosts', `query UnitCosts { unitCosts(onDate: "2026-05-01") { byPlacementTypeAndNeed { placementType median } } }`).then(() => undefined),
  },
  {
    name: 'CreateAndEditProvider',
    weight: 3,
    run: async (call, n) => {
      const created = await call('CreateProvider', `mutation CreateProvider($i: ProviderCreateInput!) { createProvider(input: $i) { ${PROVIDER} } }`, {
        i: { legalName: `Soak Provider ${n}`, providerCode: 'PR4', serviceCategories: ['RESIDENTIAL'] },
      });
      const { id, version } = created.createProvider;
      // Values travel as variables, as a service sends them: a literal in the text would make every document new to the server's parsed-document cache.
      await call('EditProvider', `mutation EditProvider($id: ID!, $v: Int!, $name: String!) { updateProvider(id: $id, version: $v, input: { tradingName: $name }) { ${PROVIDER} } }`, { id, v: version, name: `Soak ${n}` });
    },
  },
  {
    name: 'RetriedCreate',
    weight: 1,
    // A service that retries: the same create twice under one Idempotency-Key; the second must replay the first.
    run: async (call, n) => {
      const headers = { 'idempotency-key': `soak-${process.pid}-${n}` };
      const query = `mutation RetriedCreate($i: ProviderCreateInput!) { createProvider(input: $i) { id } }`;
      const variables = { i: { legalName: `Soak Retried ${n}`, providerCode: 'PR5' } };
      const [a, b] = await Promise.all([call('RetriedCreate', query, variables, headers), call('RetriedCreate', query, variables, headers)]);
      if (a.createProvider.id !== b.createProvider.id) throw Object.assign(new Error('a retried create made a second provider'), { code: 'DUPLICATE' });
    },
  },
];

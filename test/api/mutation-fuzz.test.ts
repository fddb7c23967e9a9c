import fc from 'fast-check';
import { buildClientSchema, getIntrospectionQuery, type GraphQLInputObjectType, type GraphQLSchema, type IntrospectionQuery } from 'graphql';
import { databaseFingerprint } from '../support/database-fingerprint';
import { createProvider, createSetting } from '../support/fixtures';
import { inputArbitrary, type IdPools } from '../support/input-arbitrary';
import { createChild } from '../support/services';
import { startTestApi, type TestApi } from '../support/test-api';

/** The main records' create and update mutations, with what to select and how to read the record back. */
const MUTATIONS = [
  { name: 'createProvider', input: 'ProviderCreateInput', read: 'provider', fields: 'id version legalName tradingName providerCode serviceCategories status notes' },
  { name: 'updateProvider', input: 'ProviderUpdateInput', read: 'provider', fields: 'id version legalName tradingName providerCode serviceCategories status notes' },
  { name: 'createSetting', input: 'SettingCreateInput', read: 'setting', fields: 'id version name kind ofstedRating postcode latitude longitude registeredPlaces' },
  { name: 'createChild', input: 'ChildCreateInput', read: 'child', fields: 'id version caseReference initials dateOfBirth gender legalStatus homePostcode' },
  { name: 'updateChild', input: 'ChildUpdateInput', read: 'child', fields: 'id version caseReference initials dateOfBirth gender legalStatus homePostcode' },
  { name: 'createPlacement', input: 'PlacementCreateInput', read: 'placement', fields: 'id version startDate plannedEndDate currentWeeklyCost placementType providerCode childId contractId' },
  { name: 'updatePlacement', input: 'PlacementUpdateInput', read: 'placement', fields: 'id version startDate plannedEndDate currentWeeklyCost placementType providerCode childId contractId' },
  { name: 'createContract', input: 'ContractCreateInput', read: 'contract', fields: 'id version reference title kind startDate endDate weeklyFee' },
] as const;
const RUNS = 25;
const SAFE_CODES = ['BAD_USER_INPUT', 'NOT_FOUND', 'CONFLICT', 'LIMIT_EXCEEDED'];

let t: TestApi;
let schema: GraphQLSchema;
/** The records an update aims at, by the entity it reads back as, with their current versions. */
const targets: Record<string, { id: string; version: number }> = {};
let ids: IdPools = { any: [] };
/** How many random inputs each mutation wrote. */
const written: Record<string, number> = {};

beforeAll(async () => {
  t = await startTestApi();
  schema = buildClientSchema(await t.ok<IntrospectionQuery>(getIntrospectionQuery()));
  const provider = await createProvider(t, { legalName: 'Fuzz Homes Ltd', serviceCategories: ['RESIDENTIAL'] });
  const setting = await createSetting(t, { providerId: provider.id, name: 'Fuzz House' });
  const child = await createChild(t, 'FZ-0001');
  const placement = (
    await t.ok('mutation($i: PlacementCreateInput!) { createPlacement(input: $i) { id version } }', {
      i: { childId: child.id, providerId: provider.id, settingId: setting.id, placementType: 'K2', providerCode: 'PR4', startDate: '2026-04-06', weeklyFee: '4200.00' },
    })
  ).createPlacement;
  Object.assign(targets, { provider, child, placement, setting });
  const authority = (await t.ok('mutation { createAuthority(input: { name: "Fuzz Council", onsCode: "E06000099" }) { id } }')).createAuthority;
  const locality = (await t.ok(`mutation { createLocality(input: { authorityId: "${authority.id}", name: "Fuzzton" }) { id } }`)).createLocality;
  // A second child with no placement yet, so that a random placement can be valid.
  const unplaced = await createChild(t, 'FZ-0002');
  ids = {
    providerId: [provider.id],
    settingId: [setting.id],
    childId: [child.id, unplaced.id],
    placementId: [placement.id],
    localityId: [locality.id],
    any: [provider.id, setting.id, child.id, unplaced.id, placement.id, locality.id],
  };
}, 60_000);
afterAll(() => t.stop());

describe.each(MUTATIONS)('$name with random variables', ({ name, input, read, fields }) => {
  const isUpdate = name.startsWith('update');
  const document = isUpdate
    ? `mutation($id: ID!, $version: Int!, $input: ${input}!) { result: ${name}(id: $id, version: $version, input: $input) { ${fields} } }`
    : `mutation($input: ${input}!) { result: ${name}(input: $input) { ${fields} } }`;

  it(`never answers 500 and never writes part of a record (${RUNS} runs)`, async () => {
    const outcomes = { written: 0, refused: 0 };
    const variables = fc.record({
      input: fc.oneof(...(['plausible', 'hostile'] as const).map((mode) => inputArbitrary(schema.getType(input) as GraphQLInputObjectType, ids, mode))),
      // Mostly the record's current version, so that the input is what decides.
      stale: fc.oneof({ weight: 5, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
      otherId: fc.oneof({ weight: 5, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
    });
    await fc.assert(
      fc.asyncProperty(variables, async ({ input: given, stale, otherId }) => {
        const target = targets[read];
        const vars = isUpdate ? { id: otherId ? '00000000-0000-4000-8000-000000000000' : target.id, version: stale ? target.version + 7 : target.version, input: given } : { input: given };
        const before = await databaseFingerprint(t);
        const res = await t.gql(document, vars);
        const errors = res.body.errors ?? [];
        expect(res.status).toBeLessThan(500);
        expect(errors.map((e) => e.extensions?.code).filter((code) => !SAFE_CODES.includes(code))).toEqual([]);
        if (errors.length) {
          outcomes.refused += 1;
          expect(res.body.data?.result ?? null).toBeNull();
          expect(await databaseFingerprint(t)).toBe(before);
          return;
        }
        outcomes.written += 1;
        const written = res.body.data!.result;
        // All of it was written: what the mutation answered is what a fresh read finds.
        const back = await t.ok(`query($id: ID!) { record: ${read}(id: $id) { ${fields} } }`, { id: written.id });
        expect(back.record).toEqual(written);
        if (isUpdate) targets[read] = { id: written.id, version: written.version };
      }),
      { numRuns: RUNS },
    );
    written[name] = outcomes.written;
    // Both paths were exercised: some inputs were refused (the generator sends mostly broken ones).
    expect(outcomes.refused).toBeGreaterThan(0);
  }, 120_000);
});

describe('the random inputs', () => {
  it('were written for most of the mutations, so the read-back check ran as well as the refusals', () => {
    expect(Object.keys(written)).toHaveLength(MUTATIONS.length);
    expect(Object.values(written).filter((n) => n > 0).length).toBeGreaterThanOrEqual(4);
  });
});

describe('a value with more places than its column keeps', () => {
  it('is answered, and audited, as stored (the case the random inputs found)', async () => {
    const provider = targets.provider;
    const data = await t.ok('mutation($i: SettingCreateInput!) { createSetting(input: $i) { id latitude longitude } }', {
      i: { providerId: provider.id, name: 'Decimal House', kind: 'CHILDRENS_HOME', latitude: 50.123456789, longitude: -5e-324 },
    });
    expect(data.createSetting).toMatchObject({ latitude: 50.123457, longitude: 0 });
    const [row] = await t.api.db.query(`SELECT latitude::text AS latitude, longitude::text AS longitude FROM setting WHERE id = $1`, [data.createSetting.id]);
    expect(row).toEqual({ latitude: '50.123457', longitude: '0.000000' });
    const [event] = await t.api.db.query(
      `SELECT c->'after' AS latitude FROM audit_event, jsonb_array_elements(changes) c WHERE entity_id = $1 AND c->>'field' = 'latitude'`,
      [data.createSetting.id],
    );
    expect(event.latitude).toBe(50.123457);
  });
});

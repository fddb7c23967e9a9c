import { createProvider } from './fixtures';
import type { TestApi } from './test-api';

export const AGREEMENT_FIELDS = 'id version status reference startDate endDate upliftRule upliftPercent tier';

/** An authority, a fostering provider and its framework agreement with a three-line card. */
export async function commissioningFixture(t: TestApi, options: { reference?: string; activate?: boolean } = {}) {
  const authority = (await t.ok('mutation { createAuthority(input: { name: "Fixture Council", onsCode: "E06000099" }) { id } }').catch(async () =>
    t.ok('{ authorities(filter: { onsCode: { eq: "E06000099" } }) { nodes { id } } }').then((d) => ({ createAuthority: d.authorities.nodes[0] })),
  )).createAuthority;
  const provider = await createProvider(t, { legalName: `Harbour Fostering ${options.reference ?? 'A'}`, serviceCategories: ['FOSTERING'] });
  const { createAgreement: agreement } = await t.ok(
    `mutation($i: AgreementCreateInput!) { createAgreement(input: $i) { ${AGREEMENT_FIELDS} } }`,
    {
      i: {
        providerId: provider.id,
        authorityId: authority.id,
        title: 'Independent Fostering Framework',
        reference: options.reference ?? 'IFA-2025-A',
        startDate: '2025-04-01',
        endDate: '2029-03-31',
        tier: 1,
        upliftRule: 'FIXED_PERCENT',
        upliftPercent: '4.00',
        rateLines: [
          { placementType: 'U4', needLevel: 'STANDARD', minAge: 0, maxAge: 10, weeklyFee: '850.00', effectiveFrom: '2025-04-01' },
          { placementType: 'U4', needLevel: 'STANDARD', minAge: 11, maxAge: 17, weeklyFee: '900.00', effectiveFrom: '2025-04-01' },
          { placementType: 'U4', needLevel: 'COMPLEX', minAge: 0, maxAge: 17, weeklyFee: '1234.57', effectiveFrom: '2025-04-01' },
        ],
      },
    },
  );
  let current = agreement;
  if (options.activate !== false) {
    current = (await t.ok(`mutation($id: ID!, $v: Int!) { changeAgreementStatus(id: $id, version: $v, status: ACTIVE) { ${AGREEMENT_FIELDS} } }`, { id: agreement.id, v: agreement.version }))
      .changeAgreementStatus;
  }
  return { authority, provider, agreement: current };
}

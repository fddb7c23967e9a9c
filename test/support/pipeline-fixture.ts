import { commissioningFixture } from './commissioning';
import { createProvider } from './fixtures';
import type { TestApi } from './test-api';

/**
 * The hand-worked contract pipeline fixture (worked in test/api/contract-pipeline.test.ts), around 1 June 2026:
 * - AG-Q, Quay Fostering's framework agreement ending 15 July 2026, with call-offs CO-A (ends 15 July,
 *   £900.00 a week: placement PA from 1 January 2026, planned end 16 July) and CO-B (ended with its
 *   placement PB, £700.00 a week, 1 April to 1 August 2025);
 * - SP-R, Rock Homes' spot at £5,000.00 a week to 31 December, review on 20 June: placement PR from
 *   1 February, open, with a £100.00 weekly service 1–15 June and a £300.00 one-off on 1 July;
 * - BL-1, Rock Homes' block of 3 places at £4,000.00 each a week, ending 30 August, review 1 August;
 * - TR-1, Tide Transport's contract to 30 June with a £10,000.00 ceiling over its 181 days;
 * - SP-O, a spot whose review was due on 1 May (overdue), no fee or ceiling;
 * and, not listed: the fixture agreement ending in 2029, a contract ending 15 September, one ending
 * 1 July but terminated, one that ended on 31 May.
 */
export async function pipelineFixture(t: TestApi) {
  const { authority } = await commissioningFixture(t, { reference: 'IFA-LATER' });
  const quay = await createProvider(t, { legalName: 'Quay Fostering Ltd', serviceCategories: ['FOSTERING'] });
  const rock = await createProvider(t, { legalName: 'Rock Homes Ltd', serviceCategories: ['RESIDENTIAL'] });
  const tide = await createProvider(t, { legalName: 'Tide Transport Ltd', serviceCategories: ['TRANSPORT'] });
  const { createAgreement: draft } = await t.ok('mutation($i: AgreementCreateInput!) { createAgreement(input: $i) { id version } }', {
    i: {
      providerId: quay.id,
      authorityId: authority.id,
      title: 'Quay fostering framework',
      reference: 'AG-Q',
      startDate: '2025-04-01',
      endDate: '2026-07-15',
      rateLines: [{ placementType: 'U4', needLevel: 'STANDARD', minAge: 0, maxAge: 17, weeklyFee: '900.00', effectiveFrom: '2025-04-01' }],
    },
  });
  const agreement = (await t.ok('mutation($id: ID!, $v: Int!) { changeAgreementStatus(id: $id, version: $v, status: ACTIVE) { id } }', { id: draft.id, v: draft.version })).changeAgreementStatus;

  const contract = async (i: Record<string, unknown>) =>
    (await t.ok('mutation($i: ContractCreateInput!) { createContract(input: $i) { id version } }', { i: { title: `Contract ${i.reference}`, ...i } })).createContract;
  let n = 0;
  const place = async (i: Record<string, unknown>) => {
    const child = (await t.ok('mutation($i: ChildCreateInput!) { createChild(input: $i) { id } }', { i: { caseReference: `PL-${++n}`, initials: 'PL', dateOfBirth: '2014-01-01', gender: 'MALE' } }))
      .createChild;
    return (await t.ok('mutation($i: PlacementCreateInput!) { createPlacement(input: $i) { id version } }', { i: { childId: child.id, placementType: 'U4', providerCode: 'PR4', ...i } })).createPlacement;
  };
  const callOff = { kind: 'CALL_OFF', providerId: quay.id, agreementId: agreement.id, placementType: 'U4', needLevel: 'STANDARD', childAgeAtStart: 12 };

  const coA = await contract({ ...callOff, reference: 'CO-A', startDate: '2026-01-01', endDate: '2026-07-15', weeklyFee: '900.00' });
  await place({ providerId: quay.id, contractId: coA.id, startDate: '2026-01-01', plannedEndDate: '2026-07-16', weeklyFee: '900.00' });
  const coB = await contract({ ...callOff, reference: 'CO-B', startDate: '2025-04-01', endDate: '2025-09-30', weeklyFee: '700.00' });
  const pb = await place({ providerId: quay.id, contractId: coB.id, startDate: '2025-04-01', weeklyFee: '700.00' });
  await t.ok('mutation($id: ID!, $v: Int!) { endPlacement(id: $id, version: $v, endDate: "2025-08-01", endReason: E4A) { id } }', { id: pb.id, v: pb.version });

  const spR = await contract({ kind: 'SPOT', reference: 'SP-R', providerId: rock.id, placementType: 'K2', startDate: '2026-01-01', endDate: '2026-12-31', reviewDate: '2026-06-20', weeklyFee: '5000.00' });
  let pr = await place({ providerId: rock.id, contractId: spR.id, placementType: 'K2', startDate: '2026-02-01', weeklyFee: '5000.00' });
  const service = 'mutation($id: ID!, $v: Int!, $i: AdditionalServiceInput!) { addAdditionalService(placementId: $id, version: $v, input: $i) { id } }';
  await t.ok(service, { id: pr.id, v: pr.version, i: { description: 'Waking night', charge: 'WEEKLY', amount: '100.00', startDate: '2026-06-01', endDate: '2026-06-15' } });
  pr = (await t.ok('query($id: ID!) { placement(id: $id) { id version } }', { id: pr.id })).placement;
  await t.ok(service, { id: pr.id, v: pr.version, i: { description: 'Assessment', charge: 'ONE_OFF', amount: '300.00', startDate: '2026-07-01' } });

  await contract({ kind: 'BLOCK', reference: 'BL-1', providerId: rock.id, startDate: '2025-09-01', endDate: '2026-08-30', reviewDate: '2026-08-01', blockPlaces: 3, weeklyFee: '4000.00' });
  await contract({ kind: 'TRANSPORT', reference: 'TR-1', providerId: tide.id, startDate: '2026-01-01', endDate: '2026-06-30', ceilingValue: '10000.00' });
  await contract({ kind: 'SPOT', reference: 'SP-O', providerId: rock.id, startDate: '2025-05-01', endDate: '2027-03-31', reviewDate: '2026-05-01' });

  await contract({ kind: 'SPOT', reference: 'X-LATER', providerId: rock.id, startDate: '2025-09-16', endDate: '2026-09-15', weeklyFee: '100.00' });
  const terminated = await contract({ kind: 'SPOT', reference: 'X-TERMINATED', providerId: rock.id, startDate: '2025-07-02', endDate: '2026-07-01', weeklyFee: '100.00' });
  await t.ok('mutation($id: ID!, $v: Int!) { changeContractStatus(id: $id, version: $v, status: TERMINATED) { id } }', { id: terminated.id, v: terminated.version });
  await contract({ kind: 'SPOT', reference: 'X-ENDED', providerId: rock.id, startDate: '2025-06-01', endDate: '2026-05-31', weeklyFee: '100.00' });
  return { quay, rock, tide };
}

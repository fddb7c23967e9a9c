import { commissioningFixture } from './commissioning';
import { createProvider, createSetting } from './fixtures';
import type { TestApi } from './test-api';

/**
 * The hand-worked unit costs fixture (worked in test/api/unit-costs.test.ts), on 1 June 2026:
 * - Harbour Fostering A (PR4), with the fixture's active agreement: 4% uplift each 1 April from
 *   cards of 1 April 2025, so on 1 June 2026 U4 STANDARD 0–10 £884.00, 11–17 £936.00, COMPLEX £1,283.95.
 *   Two U4 STANDARD call-offs: £880.00 + £50.00 weekly service (child 12: card £936.00) and £950.00
 *   (child 10, 11 tomorrow: card £884.00); a U4 COMPLEX spot at £1,300.00 (child 9: card £1,283.95).
 * - Birch Fostering Ltd (PR5), no agreement: U4 STANDARD spots at £1,000.01 and £1,100.04 (raised
 *   to £2,000.00 from 2 June: not yet), and a U4 with no contract at £777.77 (need level not known).
 * - Council Fostering (PR1): U4 at £500.00, no contract (own provision).
 * - Hillside Homes Ltd (PR4): K2 COMPLEX spots at Oak House (GOOD) £4,000.00, Elm House
 *   (OUTSTANDING) £5,000.00 + £250.50 weekly, Ash House (REQUIRES_IMPROVEMENT) £12,000.00; a K2 with
 *   no contract at Beech House (no rating) £10,000.00; not running on 1 June: one that ended that
 *   day (£15,000.00) and one starting the next day (£20,000.00).
 */
export async function unitCostFixture(t: TestApi) {
  const { provider: harbour, agreement } = await commissioningFixture(t, { reference: 'A' });
  const birch = await createProvider(t, { legalName: 'Birch Fostering Ltd', providerCode: 'PR5' });
  const council = await createProvider(t, { legalName: 'Council Fostering', providerCode: 'PR1' });
  const hillside = await createProvider(t, { legalName: 'Hillside Homes Ltd', serviceCategories: ['RESIDENTIAL'] });
  const home = async (name: string, ofstedRating?: string) => (await createSetting(t, { providerId: hillside.id, name, ...(ofstedRating ? { ofstedRating } : {}) })).id;
  const [oak, elm, ash, beech] = [await home('Oak House', 'GOOD'), await home('Elm House', 'OUTSTANDING'), await home('Ash House', 'REQUIRES_IMPROVEMENT'), await home('Beech House')];

  let n = 0;
  const child = async (dateOfBirth: string) =>
    (await t.ok('mutation($i: ChildCreateInput!) { createChild(input: $i) { id } }', { i: { caseReference: `UC-${++n}`, initials: 'UC', dateOfBirth, gender: 'FEMALE' } })).createChild.id;
  const contract = async (i: Record<string, unknown>) =>
    (await t.ok('mutation($i: ContractCreateInput!) { createContract(input: $i) { id } }', { i: { title: `Contract ${i.reference}`, startDate: '2026-04-01', ...i } })).createContract.id;
  const place = async (i: Record<string, unknown>) =>
    (await t.ok('mutation($i: PlacementCreateInput!) { createPlacement(input: $i) { id version reference } }', { i: { placementType: 'U4', providerCode: 'PR4', startDate: '2026-04-01', ...i } }))
      .createPlacement;

  const callOff = (reference: string, childAgeAtStart: number, weeklyFee: string, extra: Record<string, unknown> = {}) =>
    contract({ kind: 'CALL_OFF', reference, providerId: harbour.id, agreementId: agreement.id, endDate: '2027-03-31', placementType: 'U4', needLevel: 'STANDARD', childAgeAtStart, weeklyFee, ...extra });
  const spot = (reference: string, providerId: string, placementType: string, needLevel: string, weeklyFee: string) =>
    contract({ kind: 'SPOT', reference, providerId, placementType, needLevel, weeklyFee, endDate: '2027-03-31' });

  const p1 = await place({ reference: 'UC-P1', childId: await child('2014-01-01'), providerId: harbour.id, contractId: await callOff('CO-1', 12, '880.00'), weeklyFee: '880.00' });
  await t.ok('mutation($id: ID!, $v: Int!) { addAdditionalService(placementId: $id, version: $v, input: { description: "1:1 support", charge: WEEKLY, amount: "50.00", startDate: "2026-05-01" }) { id } }', {
    id: p1.id,
    v: p1.version,
  });
  await place({
    reference: 'UC-P2',
    childId: await child('2015-06-02'),
    providerId: harbour.id,
    contractId: await callOff('CO-2', 10, '950.00', { feeAboveCardReason: 'Sibling placed together' }),
    weeklyFee: '950.00',
  });
  await place({ reference: 'UC-P5', childId: await child('2017-01-01'), providerId: harbour.id, contractId: await spot('SP-3', harbour.id, 'U4', 'COMPLEX', '1300.00'), weeklyFee: '1300.00' });
  await place({ reference: 'UC-P3', childId: await child('2012-01-01'), providerId: birch.id, providerCode: 'PR5', contractId: await spot('SP-1', birch.id, 'U4', 'STANDARD', '1000.01'), weeklyFee: '1000.01' });
  const p4 = await place({ reference: 'UC-P4', childId: await child('2012-01-01'), providerId: birch.id, providerCode: 'PR5', contractId: await spot('SP-2', birch.id, 'U4', 'STANDARD', '1100.04'), weeklyFee: '1100.04' });
  await t.ok('mutation($id: ID!, $v: Int!) { changePlacementFee(id: $id, version: $v, input: { effectiveFrom: "2026-06-02", weeklyFee: "2000.00", reason: "Uplift" }) { id } }', { id: p4.id, v: p4.version });
  await place({ reference: 'UC-P6', childId: await child('2012-01-01'), providerId: birch.id, providerCode: 'PR5', weeklyFee: '777.77' });
  await place({ reference: 'UC-P7', childId: await child('2012-01-01'), providerId: council.id, providerCode: 'PR1', weeklyFee: '500.00' });

  const k2 = async (reference: string, settingId: string, weeklyFee: string, contractRef: string | null, startDate = '2026-04-01') =>
    place({
      reference,
      childId: await child('2010-01-01'),
      providerId: hillside.id,
      settingId,
      placementType: 'K2',
      weeklyFee,
      startDate,
      contractId: contractRef ? await spot(contractRef, hillside.id, 'K2', 'COMPLEX', weeklyFee) : null,
    });
  await k2('UC-K1', oak, '4000.00', 'SP-K1');
  const elmPlacement = await k2('UC-K2', elm, '5000.00', 'SP-K2');
  await t.ok('mutation($id: ID!, $v: Int!) { addAdditionalService(placementId: $id, version: $v, input: { description: "Waking night", charge: WEEKLY, amount: "250.50", startDate: "2026-04-01" }) { id } }', {
    id: elmPlacement.id,
    v: elmPlacement.version,
  });
  await k2('UC-K3', ash, '12000.00', 'SP-K3');
  await k2('UC-K4', beech, '10000.00', null);
  const ended = await k2('UC-K5', oak, '15000.00', null);
  await t.ok('mutation($id: ID!, $v: Int!) { endPlacement(id: $id, version: $v, endDate: "2026-06-01", endReason: E4A) { id } }', { id: ended.id, v: ended.version });
  await k2('UC-K6', oak, '20000.00', null, '2026-06-02');
  return { harbour, birch, council, hillside };
}

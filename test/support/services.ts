import type { TestApi } from './test-api';
import { createProvider, type Row } from './fixtures';

/** Small fixtures for transport and contact tests: a child, a provider with a contract of a kind. */
let n = 0;

export async function createChild(t: TestApi, caseReference: string, over: Record<string, unknown> = {}): Promise<Row> {
  return (
    await t.ok('mutation($i: ChildCreateInput!) { createChild(input: $i) { id version caseReference } }', {
      i: { caseReference, initials: 'AB', dateOfBirth: '2014-03-01', gender: 'FEMALE', legalStatus: 'C2', ...over },
    })
  ).createChild;
}

export async function providerWithContract(t: TestApi, kind: 'TRANSPORT' | 'SUPERVISED_CONTACT', startDate = '2026-04-01', endDate = '2027-03-31'): Promise<{ provider: Row; contract: Row }> {
  const provider = await createProvider(t, { legalName: `${kind} Provider ${++n}`, serviceCategories: [kind] });
  const contract = (
    await t.ok('mutation($i: ContractCreateInput!) { createContract(input: $i) { id version kind startDate endDate } }', {
      i: { kind, providerId: provider.id, reference: `${kind}-${n}`, title: `${kind} contract ${n}`, startDate, endDate },
    })
  ).createContract;
  return { provider, contract };
}

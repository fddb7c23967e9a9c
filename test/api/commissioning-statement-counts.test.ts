import { startTestApi, type TestApi } from '../support/test-api';

let t: TestApi;
beforeAll(async () => {
  t = await startTestApi();
  await t.ok('{ me { id } }'); // the signed-in user is cached after this
});
afterAll(() => t.stop());

/** Adds `count` agreements (3 rate lines each) and as many contracts (2 negotiations × 3 offers each), in SQL. */
async function grow(count: number, offset: number): Promise<void> {
  await t.api.db.query(`
    WITH p AS (INSERT INTO provider (version, legal_name, provider_code) SELECT 1, 'P' || g, 'PR4' FROM generate_series(${offset}, ${offset + count - 1}) g RETURNING id, legal_name),
         a AS (INSERT INTO authority (version, name, ons_code) VALUES (1, 'A${offset}', 'E${String(offset).padStart(8, '0')}') RETURNING id),
         ag AS (INSERT INTO agreement (version, provider_id, authority_id, title, reference, start_date, end_date, status)
                SELECT 1, p.id, a.id, 'Agreement ' || p.legal_name, 'AG-' || p.legal_name, '2025-04-01', '2029-03-31', 'ACTIVE' FROM p, a RETURNING id, provider_id, reference),
         rl AS (INSERT INTO rate_line (version, agreement_id, placement_type, need_level, min_age, max_age, weekly_fee, effective_from)
                SELECT 1, ag.id, 'U4', 'STANDARD', b * 6, b * 6 + 5, 80000 + b * 1000, '2025-04-01' FROM ag, generate_series(0, 2) b RETURNING id),
         c AS (INSERT INTO contract (version, kind, provider_id, agreement_id, reference, title, start_date, end_date, weekly_fee)
               SELECT 1, 'SPOT', ag.provider_id, NULL, 'C-' || ag.reference, 'Contract', '2026-01-01', '2026-12-31', 90000 FROM ag RETURNING id),
         n AS (INSERT INTO negotiation (version, contract_id, status) SELECT 1, c.id, 'ABANDONED' FROM c, generate_series(1, 2) RETURNING id)
    INSERT INTO negotiation_offer (negotiation_id, sequence, offered_on, party, amount)
    SELECT n.id, s, '2026-01-01', 'PROVIDER', 90000 + s FROM n, generate_series(1, 3) s`);
}

const QUERY = `{
  agreements(first: 200) { nodes { reference rateLines { weeklyFee } } }
  contracts(first: 200) { nodes { reference negotiations { status firstAsk offers { amount } } } }
}`;

it('agreements { rateLines } and contracts { negotiations { offers } } take the same number of statements at 10 and 100 agreements', async () => {
  await grow(10, 0);
  let data: any;
  const small = await t.countStatements(async () => (data = await t.ok(QUERY)));
  expect(data.agreements.nodes).toHaveLength(10);
  expect(data.contracts.nodes[0].negotiations[0].offers).toHaveLength(3);
  expect(data.contracts.nodes[0].negotiations[0].firstAsk).toBe('900.01');

  await grow(90, 10);
  const large = await t.countStatements(async () => (data = await t.ok(QUERY)));
  expect(data.agreements.nodes).toHaveLength(100);
  expect(data.agreements.nodes.every((a: any) => a.rateLines.length === 3)).toBe(true);
  expect(data.contracts.nodes).toHaveLength(100);
  // agreements, rate lines, contracts, negotiations, offers: one statement each
  expect(small).toBe(5);
  expect(large).toBe(5);
});

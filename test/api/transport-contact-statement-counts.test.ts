import { startTestApi, type TestApi } from '../support/test-api';

let t: TestApi;
beforeAll(async () => {
  t = await startTestApi();
  await t.ok('{ me { id } }'); // the signed-in user is cached after this
});
afterAll(() => t.stop());

/** Adds `count` routes (2 children, 10 priced journeys each) and as many arrangements (4 sessions each), in SQL. */
async function grow(count: number, offset: number): Promise<void> {
  await t.api.db.query(`
    WITH p AS (INSERT INTO provider (version, legal_name, provider_code) VALUES (1, 'Carrier ${offset}', 'PR4') RETURNING id),
         k AS (INSERT INTO contract (version, kind, provider_id, reference, title, start_date) SELECT 1, kind::contract_kind, p.id, 'K-${offset}-' || kind, 'Contract', '2026-01-01' FROM p, unnest(ARRAY['TRANSPORT', 'SUPERVISED_CONTACT']) kind RETURNING id, kind, provider_id),
         ch AS (INSERT INTO child (version, case_reference, initials, date_of_birth, gender) SELECT 1, 'SC-' || g, 'AB', '2014-01-01', 'FEMALE' FROM generate_series(${offset * 2}, ${offset * 2 + count * 2 - 1}) g RETURNING id, case_reference),
         r AS (INSERT INTO transport_route (version, reference, purpose, vehicle_type, contract_id, from_postcode, to_postcode, miles, days, pickup_time, term_start, term_end)
               SELECT 1, 'R-' || g, 'SCHOOL', 'CAR', (SELECT id FROM k WHERE kind = 'TRANSPORT'), 'LU1 1AA', 'LU2 2AB', 1000, ARRAY['MON']::weekday[], '08:00', '2026-01-05', '2026-03-27'
               FROM generate_series(${offset}, ${offset + count - 1}) g RETURNING id, reference),
         rc AS (INSERT INTO transport_route_child (route_id, child_id)
                SELECT r.id, ch.id FROM r JOIN ch ON ch.case_reference IN ('SC-' || (substr(r.reference, 3)::int * 2), 'SC-' || (substr(r.reference, 3)::int * 2 + 1)) RETURNING route_id),
         j AS (INSERT INTO transport_journey (version, route_id, date, leg, miles, cost) SELECT 1, r.id, '2026-01-05'::date + 7 * w, 'OUTBOUND', 1000, 1001 FROM r, generate_series(0, 9) w RETURNING id),
         a AS (INSERT INTO contact_arrangement (version, reference, child_id, contact_with, frequency, supervision_level, venue, session_hours, provider_id, contract_id, start_date)
               SELECT 1, 'A-' || ch.case_reference, ch.id, ARRAY['MOTHER']::contact_role[], 'WEEKLY', 'SUPERVISED', 'Centre', 200, (SELECT provider_id FROM k WHERE kind = 'SUPERVISED_CONTACT'), (SELECT id FROM k WHERE kind = 'SUPERVISED_CONTACT'), '2026-01-01'
               FROM ch WHERE right(ch.case_reference, 1) IN ('0', '2', '4', '6', '8') RETURNING id)
    INSERT INTO contact_session (version, arrangement_id, date, start_time, planned_hours, cost) SELECT 1, a.id, '2026-01-06'::date + 7 * w, '10:00', 200, 6550 FROM a, generate_series(0, 3) w`);
}

const QUERY = `{
  transportRoutes(first: 500) { nodes { reference childIds children { caseReference } contract { reference } totals { journeys cost } } }
  transportJourneys(first: 500) { nodes { date cost route { reference } shares { childId amount } } }
  contactArrangements(first: 500) { nodes { reference child { caseReference } provider { legalName } contract { reference } } }
  contactSessions(first: 500) { nodes { date cost charge { percent } arrangement { reference } } }
}`;

it('routes, journeys with shares, arrangements and sessions take the same number of statements at 5 and 40 routes', async () => {
  await grow(5, 0);
  let data: any;
  const small = await t.countStatements(async () => (data = await t.ok(QUERY)));
  expect(data.transportRoutes.nodes).toHaveLength(5);
  expect(data.transportRoutes.nodes[0].totals).toEqual({ journeys: 10, cost: '100.10' });
  expect(data.transportJourneys.nodes[0].shares.map((s: { amount: string }) => s.amount)).toEqual(['5.01', '5.00']);
  expect(data.contactSessions.nodes).toHaveLength(20);

  await grow(35, 5);
  const large = await t.countStatements(async () => (data = await t.ok(QUERY)));
  expect(data.transportRoutes.nodes).toHaveLength(40);
  expect(data.transportJourneys.nodes).toHaveLength(400);
  expect(large).toBe(small);
  expect(small).toBeLessThanOrEqual(16);
});

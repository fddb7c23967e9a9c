import { addDays } from '../../server/src/common/dates';
import { pipelineFixture } from '../support/pipeline-fixture';
import { startTestApi, TEST_TODAY, type TestApi } from '../support/test-api';

// The fixture: test/support/pipeline-fixture.ts. Every figure below is worked by hand.
const ON = '2026-06-01';
let t: TestApi;
beforeAll(async () => {
  t = await startTestApi({ AS_OF: TEST_TODAY });
  await pipelineFixture(t);
  await t.ok('{ me { id } }');
}, 60_000);
afterAll(() => t.stop());

const FIELDS = 'recordType reference provider { legalName } contractKind endDate reviewDate dueFor dueDate daysLeft annualValue annualValueBasis placements spendAtStake';
const pipeline = (args: string, fields = FIELDS) => t.ok(`{ contractPipeline${args ? `(${args})` : ''} { onDate withinDays until items { ${fields} } totals { recordType items annualValue spendAtStake } } }`).then((d) => d.contractPipeline);

// SP-R's placement at stake from 1 June to the end of the financial year (1 April 2027, 304 nights): 5000.00 × 304 plus the
// service 100.00 × 14 nights = 1,521,400.00 / 7 = 217,342.857 → 217,342.86, plus the one-off 300.00 = 217,642.86.
const SP_O = { recordType: 'CONTRACT', reference: 'SP-O', provider: { legalName: 'Rock Homes Ltd' }, contractKind: 'SPOT', endDate: '2027-03-31', reviewDate: '2026-05-01', dueFor: 'REVIEW', dueDate: '2026-05-01', daysLeft: -31, annualValue: null, annualValueBasis: null, placements: 0, spendAtStake: '0.00' };
// 5000.00 × 52 = 260,000.00.
const SP_R = { recordType: 'CONTRACT', reference: 'SP-R', provider: { legalName: 'Rock Homes Ltd' }, contractKind: 'SPOT', endDate: '2026-12-31', reviewDate: '2026-06-20', dueFor: 'REVIEW', dueDate: '2026-06-20', daysLeft: 19, annualValue: '260000.00', annualValueBasis: 'WEEKLY_FEE', placements: 1, spendAtStake: '217642.86' };
// 10,000.00 × 365 / 181 days = 20,165.7458 → 20,165.75.
const TR_1 = { recordType: 'CONTRACT', reference: 'TR-1', provider: { legalName: 'Tide Transport Ltd' }, contractKind: 'TRANSPORT', endDate: '2026-06-30', reviewDate: null, dueFor: 'ENDING', dueDate: '2026-06-30', daysLeft: 29, annualValue: '20165.75', annualValueBasis: 'CEILING', placements: 0, spendAtStake: '0.00' };
// PA at stake 1 June to its planned end 16 July: 45 nights × 900.00 / 7 = 5,785.714 → 5,785.71. Spend in the 12 months from 1 June 2025:
// PA 1 January to 1 June, 151 nights × 900.00 / 7 = 19,414.286 → 19,414.29; PB 1 June to 1 August 2025, 61 × 700.00 / 7 = 6,100.00; 25,514.29.
const AG_Q = { recordType: 'AGREEMENT', reference: 'AG-Q', provider: { legalName: 'Quay Fostering Ltd' }, contractKind: null, endDate: '2026-07-15', reviewDate: null, dueFor: 'ENDING', dueDate: '2026-07-15', daysLeft: 44, annualValue: '25514.29', annualValueBasis: 'SPEND_LAST_12_MONTHS', placements: 1, spendAtStake: '5785.71' };
// 900.00 × 52 = 46,800.00.
const CO_A = { recordType: 'CONTRACT', reference: 'CO-A', provider: { legalName: 'Quay Fostering Ltd' }, contractKind: 'CALL_OFF', endDate: '2026-07-15', reviewDate: null, dueFor: 'ENDING', dueDate: '2026-07-15', daysLeft: 44, annualValue: '46800.00', annualValueBasis: 'WEEKLY_FEE', placements: 1, spendAtStake: '5785.71' };
// 4000.00 × 3 places × 52 = 624,000.00; ends on the last day of the window (counted) and is due for review first.
const BL_1 = { recordType: 'CONTRACT', reference: 'BL-1', provider: { legalName: 'Rock Homes Ltd' }, contractKind: 'BLOCK', endDate: '2026-08-30', reviewDate: '2026-08-01', dueFor: 'ENDING_AND_REVIEW', dueDate: '2026-08-01', daysLeft: 61, annualValue: '624000.00', annualValueBasis: 'WEEKLY_FEE', placements: 0, spendAtStake: '0.00' };

describe('contractPipeline', () => {
  it('lists the contracts and agreements ending or due for review within 90 days, by due date, with their value and the spend at stake', async () => {
    const p = await pipeline(`withinDays: 90, onDate: "${ON}"`);
    expect(p).toMatchObject({ onDate: ON, withinDays: 90, until: '2026-08-30' });
    // Not listed: the agreement ending in 2029, X-LATER (15 September), X-TERMINATED, X-ENDED (31 May), CO-B (ended 2025).
    expect(p.items).toEqual([SP_O, SP_R, TR_1, AG_Q, CO_A, BL_1]);
    expect(p.totals).toEqual([
      // 260,000.00 + 20,165.75 + 46,800.00 + 624,000.00 = 950,965.75; 217,642.86 + 5,785.71 = 223,428.57.
      { recordType: 'CONTRACT', items: 5, annualValue: '950965.75', spendAtStake: '223428.57' },
      { recordType: 'AGREEMENT', items: 1, annualValue: '25514.29', spendAtStake: '5785.71' },
    ]);
  });

  it('narrows to 30 days (overdue reviews stay) and 60 days', async () => {
    const thirty = await pipeline(`withinDays: 30, onDate: "${ON}"`, 'reference');
    expect(thirty.until).toBe('2026-07-01');
    expect(thirty.items.map((i: any) => i.reference)).toEqual(['SP-O', 'SP-R', 'TR-1']);
    expect(thirty.totals).toEqual([{ recordType: 'CONTRACT', items: 3, annualValue: '280165.75', spendAtStake: '217642.86' }]);
    const sixty = await pipeline(`withinDays: 60, onDate: "${ON}"`, 'reference');
    expect(sixty.items.map((i: any) => i.reference)).toEqual(['SP-O', 'SP-R', 'TR-1', 'AG-Q', 'CO-A']);
  });

  it('sorts in SQL by any field asked, empty values last whichever the direction', async () => {
    const order = async (orderBy: string) => (await pipeline(`onDate: "${ON}", orderBy: ${orderBy}`, 'reference')).items.map((i: any) => i.reference);
    expect(await order('[{ field: annualValue, direction: DESC }]')).toEqual(['BL-1', 'SP-R', 'CO-A', 'AG-Q', 'TR-1', 'SP-O']);
    expect(await order('[{ field: annualValue, direction: ASC }]')).toEqual(['TR-1', 'AG-Q', 'CO-A', 'SP-R', 'BL-1', 'SP-O']);
    // Equal spend at stake: then by due date, then reference.
    expect(await order('[{ field: spendAtStake, direction: DESC }]')).toEqual(['SP-R', 'AG-Q', 'CO-A', 'SP-O', 'TR-1', 'BL-1']);
    expect(await order('[{ field: provider }, { field: reference, direction: DESC }]')).toEqual(['CO-A', 'AG-Q', 'SP-R', 'SP-O', 'BL-1', 'TR-1']);
    expect(await order('[{ field: reviewDate }]')).toEqual(['SP-O', 'SP-R', 'BL-1', 'TR-1', 'AG-Q', 'CO-A']);
  });

  it('takes 90 days from today when left out, and loads the providers, contracts and agreements in one statement each', async () => {
    const p = await pipeline('', 'reference');
    expect(p).toMatchObject({ onDate: TEST_TODAY, withinDays: 90, until: addDays(TEST_TODAY, 90) });
    let data: any;
    const statements = await t.countStatements(async () => {
      data = await t.ok(`{ contractPipeline(onDate: "${ON}") { items { reference provider { legalName } contract { status } agreement { status } } } }`);
    });
    expect(data.contractPipeline.items).toHaveLength(6);
    expect(data.contractPipeline.items[3]).toMatchObject({ reference: 'AG-Q', contract: null, agreement: { status: 'ACTIVE' } });
    // the pipeline, its providers, its contracts, its agreements
    expect(statements).toBe(4);
  });

  it.each([0, 400, -5])('refuses withinDays %i, naming the field', async (days) => {
    const res = await t.gql(`{ contractPipeline(withinDays: ${days}) { until } }`);
    expect(res.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: [{ field: 'withinDays', message: 'must be from 1 to 366 days' }] });
  });

  it('is read by analysts and refused without a session', async () => {
    const analyst = await t.userWithRole('ANALYST');
    expect((await t.ok(`{ contractPipeline(onDate: "${ON}") { items { reference } } }`, {}, analyst.token)).contractPipeline.items).toHaveLength(6);
    expect((await t.gql('{ contractPipeline { until } }', {}, null)).body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});

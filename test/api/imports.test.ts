import { createProvider, createSetting, tableCounts } from '../support/fixtures';
import { startTestApi, type TestApi } from '../support/test-api';

let t: TestApi;
beforeAll(async () => {
  t = await startTestApi();
  const provider = await createProvider(t, { legalName: 'Import Care Ltd', companyNumber: '07654321', serviceCategories: ['RESIDENTIAL'] });
  await createSetting(t, { providerId: provider.id, name: 'Import House', ofstedUrn: '2233445' });
  for (const ref of ['IMP-C1', 'IMP-C2']) {
    await t.ok('mutation($i: ChildCreateInput!) { createChild(input: $i) { id } }', { i: { caseReference: ref, initials: 'EF', dateOfBirth: '2011-03-03', gender: 'FEMALE' } });
  }
});
afterAll(() => t.stop());

const IMPORT_PLACEMENTS = 'mutation($csv: String!) { importPlacements(csv: $csv) }';
const IMPORT_LINES = 'mutation($csv: String!) { importInvoiceLines(csv: $csv) { invoices lines matched disputed } }';
const PLACEMENT_HEADER = 'placement_reference,child_reference,supplier,setting_urn,placement_type,provider_code,start_date,planned_end_date,weekly_fee';

describe('placement import', () => {
  it('refuses the whole file when one row is bad, listing every bad row by line number', async () => {
    const before = await tableCounts(t);
    const csv = [
      PLACEMENT_HEADER,
      'PL-1,IMP-C1,Import Care Ltd,2233445,K2,PR4,2026-01-05,,4200.00',
      'PL-2,IMP-NOBODY,import care ltd,,K2,PR4,2026-01-05,,4200.005',
      'PL-3,IMP-C2,Nobody Ltd,,K9,PR4,2026-13-01,,4000.00',
      'PL-4,IMP-C1,07654321,,K2,PR4,2026-02-01,,4300.00',
    ].join('\n');
    const res = await t.gql(IMPORT_PLACEMENTS, { csv });
    expect(res.body.errors![0].message).toBe('3 row(s) have errors; nothing was imported');
    expect(res.body.errors![0].extensions!.rowErrors).toEqual([
      { line: 3, field: 'weekly_fee', message: 'must be an amount with at most two decimal places; got "4200.005"' },
      { line: 3, field: 'child_reference', message: 'no child has the case reference "IMP-NOBODY"' },
      { line: 4, field: 'placement_type', message: expect.stringContaining('must be one of U1, U2') },
      { line: 4, field: 'start_date', message: 'must be a date written YYYY-MM-DD; got "2026-13-01"' },
      { line: 4, field: 'supplier', message: 'no single provider has the name or company number "Nobody Ltd"' },
      { line: 5, field: 'start_date', message: 'overlaps the child’s placement from 2026-01-05 to now (still open)' },
    ]);
    expect(await tableCounts(t)).toEqual(before);
  });

  it('imports a clean file in one transaction', async () => {
    const csv = [PLACEMENT_HEADER, 'PL-1,IMP-C1,Import Care Ltd,2233445,K2,PR4,2026-01-05,,4200.00', 'PL-2,IMP-C2,07654321,,K2,PR4,2026-02-01,2026-08-01,4350.50'].join('\n');
    expect((await t.ok(IMPORT_PLACEMENTS, { csv })).importPlacements).toBe(2);
    const list = await t.ok('{ placements(filter: { reference: { in: ["PL-1", "PL-2"] } }, orderBy: [{ field: startDate }]) { nodes { reference fees { weeklyFee } setting { name } } } }');
    expect(list.placements.nodes).toEqual([
      { reference: 'PL-1', fees: [{ weeklyFee: '4200.00' }], setting: { name: 'Import House' } },
      { reference: 'PL-2', fees: [{ weeklyFee: '4350.50' }], setting: null },
    ]);
    const again = await t.gql(IMPORT_PLACEMENTS, { csv: [PLACEMENT_HEADER, 'PL-1,IMP-C1,Import Care Ltd,,K2,PR4,2027-01-05,,1.00'].join('\n') });
    expect(again.body.errors![0].extensions!.rowErrors).toEqual([{ line: 2, field: 'placement_reference', message: 'a placement with the reference "PL-1" already exists' }]);
  });

  it('refuses a file without the required columns', async () => {
    const res = await t.gql(IMPORT_PLACEMENTS, { csv: 'reference,child\nA,B' });
    expect(res.body.errors![0].extensions!.fieldErrors[0].field).toBe('csv');
    expect(res.body.errors![0].extensions!.fieldErrors[0].message).toContain('is missing the column(s) placement_reference, child_reference');
  });
});

describe('invoice line import', () => {
  const HEADER = 'supplier,invoice_number,invoice_date,placement_reference,from_date,to_date,nights,amount,description';
  it('refuses a file with a bad row, writing nothing, then imports it corrected and matches each line', async () => {
    // PL-1: £4,200.00 a week from 5 January. January: 27 nights × 420000 / 7 = 1620000p. February: 28 nights = 1680000p.
    const bad = [
      HEADER,
      'Import Care Ltd,INV-100,2026-02-03,PL-1,2026-01-05,2026-02-01,27,16200.00,January care',
      'Import Care Ltd,INV-100,2026-02-03,PL-404,2026-01-05,2026-02-01,27,16200.00,Unknown placement',
      'Import Care Ltd,INV-100,2026-02-03,PL-1,2026-02-01,2026-01-20,-12,100.00,Backwards',
    ].join('\n');
    const before = await tableCounts(t);
    const res = await t.gql(IMPORT_LINES, { csv: bad });
    expect(res.body.errors![0].extensions!.rowErrors).toEqual([
      { line: 3, field: 'placement_reference', message: 'no placement has the reference "PL-404"' },
      { line: 4, field: 'nights', message: 'must not be negative' },
      { line: 4, field: 'to_date', message: 'must not be before fromDate' },
    ]);
    expect(await tableCounts(t)).toEqual(before);

    const good = [
      HEADER,
      'Import Care Ltd,INV-100,2026-02-03,PL-1,2026-01-05,2026-02-01,27,16200.00,January care',
      'Import Care Ltd,INV-101,2026-03-03,PL-1,2026-02-01,2026-03-01,28,16800.01,February care',
      '07654321,INV-101,2026-03-03,,,,,250.00,Damage to a window',
    ].join('\n');
    expect((await t.ok(IMPORT_LINES, { csv: good })).importInvoiceLines).toEqual({ invoices: 2, lines: 3, matched: 1, disputed: 2 });
    const invoices = await t.ok('{ invoices(orderBy: [{ field: reference }]) { nodes { reference status total lines { status difference } } } }');
    expect(invoices.invoices.nodes).toEqual([
      { reference: 'INV-100', status: 'MATCHED', total: '16200.00', lines: [{ status: 'MATCHED', difference: '0.00' }] },
      { reference: 'INV-101', status: 'DISPUTED', total: '17050.01', lines: [{ status: 'DISPUTED', difference: '0.01' }, { status: 'DISPUTED', difference: null }] },
    ]);
    const dup = await t.gql(IMPORT_LINES, { csv: [HEADER, 'Import Care Ltd,INV-100,2026-02-03,PL-1,2026-01-05,2026-02-01,27,16200.00,Again'].join('\n') });
    expect(dup.body.errors![0].extensions!.rowErrors).toEqual([{ line: 2, field: 'invoice_number', message: 'this supplier already sent invoice INV-100' }]);
  });
});

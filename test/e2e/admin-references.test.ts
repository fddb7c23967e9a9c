// How the admin's grid reads reference cells typed or pasted by name, tested without a browser (pure functions).
// Loaded with require: these admin modules import each other the bundler's way (no extensions, a
// virtual schema module for their types), which the tests' compiler settings do not resolve.
const { parseValue } = require('../../admin/src/grid/columns');
const { blockReferenceTexts, lookupFilter, lookupOfRow, matchTexts, parseReference, searchFilter, toChoice } = require('../../admin/src/grid/resolveReferences');
const { importReferenceTexts, planImport } = require('../../admin/src/grid/importPlan');

type FieldModel = Record<string, any> & { name: string };
type ResourceModel = Record<string, any>;
type GridColumn = Record<string, any> & { key: string };
type ParseMessages = Record<string, any>;

const POOLE = '0b6f5c1e-3c1a-4a8e-9a37-6f2d8f1f0a01';
const WESTBOURNE_A = '0b6f5c1e-3c1a-4a8e-9a37-6f2d8f1f0a02';
const WESTBOURNE_B = '0b6f5c1e-3c1a-4a8e-9a37-6f2d8f1f0a03';

/** A resource as the admin's schema model describes it: just what the look-ups read. */
function resource(name: string, labelField: string, filterFields: string[], fields: FieldModel[] = []): ResourceModel {
  return {
    name,
    labelField,
    filterType: filterFields.length ? { inputFields: filterFields.map((f: string) => ({ name: f })) } : undefined,
    fields: fields.map((f: FieldModel) => ({ type: { kind: 'SCALAR', name: 'String', list: false, nonNull: false }, ...f })),
  };
}

const localities = resource('localities', 'name', ['id', 'name', 'search', 'or'], [{ name: 'name' }, { name: 'code' }]);
const users = resource('users', 'displayName', []);
const settings = resource('settings', 'name', ['id', 'name', 'search', 'or'], [
  { name: 'name' },
  { name: 'ofstedUrn' },
  { name: 'postcode' },
  { name: 'locality', reference: 'localities', type: { kind: 'OBJECT', name: 'Locality', list: false, nonNull: false } },
  { name: 'provider', reference: 'providers', type: { kind: 'OBJECT', name: 'Provider', list: false, nonNull: true } },
]);

const column = (key: string, options: Partial<GridColumn> = {}): GridColumn => ({
  key,
  field: { name: key, reference: 'localities' },
  kind: 'reference',
  updatable: true,
  required: false,
  sortable: false,
  referenceObject: { field: key.replace(/Id$/, ''), labelField: 'name' },
  ...options,
});

const messages: ParseMessages = {
  date: 'must be a date',
  number: 'must be a number',
  wholeNumber: 'must be a whole number',
  money: 'must be money',
  boolean: 'must be Yes or No',
  code: (codes: string) => `must be one of ${codes}`,
  notEditable: 'cannot be changed here',
  unknownReference: 'must be a name as shown in the list, or an id',
  noReference: (text: string, resource: string) => `No ${resource} called “${text}”`,
  manyReferences: (text: string, count: number, resource: string) => `“${text}” matches ${count} ${resource}`,
};

test('what is typed is searched with the resource’s free-text search, else its label, else not on the server', () => {
  expect(searchFilter(localities, '  poo ')).toEqual({ q: 'poo' });
  expect(searchFilter(resource('agreements', 'title', ['title']), 'frame')).toEqual({ title: 'frame' });
  expect(searchFilter(users, 'ann')).toEqual({});
  expect(searchFilter(localities, '   ')).toEqual({});
});

test('pasted names and ids are read in one filter: exact labels or ids, each once', () => {
  expect(lookupFilter(localities, ['Poole North', ' Poole North ', 'Westbourne', ''])).toEqual({ name: { in: ['Poole North', 'Westbourne'] } });
  expect(lookupFilter(localities, ['Poole North', POOLE])).toEqual({ or: [{ name: { in: ['Poole North'] } }, { id: { in: [POOLE] } }] });
  expect(lookupFilter(localities, [POOLE])).toEqual({ id: { in: [POOLE] } });
  expect(lookupFilter(users, ['Ann Smith'])).toBeNull();
  // Where the label's filter has it, names are looked up ignoring case.
  expect(lookupFilter(localities, ['poole NORTH'], 'inIgnoringCase')).toEqual({ name: { inIgnoringCase: ['poole NORTH'] } });
});

test('each text names the records whose label it is (ignoring case) or whose id it is', () => {
  const records = [
    { id: POOLE, label: 'Poole North' },
    { id: WESTBOURNE_A, label: 'Westbourne' },
    { id: WESTBOURNE_B, label: 'Westbourne' },
  ];
  expect(matchTexts(['Poole North', 'Westbourne', 'poole north', POOLE.toUpperCase(), 'Nowhere'], records)).toEqual({
    'Poole North': [records[0]],
    Westbourne: [records[1], records[2]],
    'poole north': [records[0]],
    [POOLE.toUpperCase()]: [records[0]],
    Nowhere: [],
  });
});

test('a looked-up cell becomes the id, or says plainly why not', () => {
  const lookup = matchTexts(['Poole North', 'Westbourne', 'Nowhere'], [
    { id: POOLE, label: 'Poole North' },
    { id: WESTBOURNE_A, label: 'Westbourne' },
    { id: WESTBOURNE_B, label: 'Westbourne' },
  ]);
  const localityId = column('localityId');
  expect(parseReference(localityId, ' Poole North ', lookup, messages)).toEqual({ ok: true, value: POOLE, shown: 'Poole North' });
  expect(parseReference(localityId, 'Nowhere', lookup, messages)).toEqual({ ok: false, message: 'No localities called “Nowhere”' });
  expect(parseReference(localityId, 'Westbourne', lookup, messages)).toEqual({ ok: false, message: '“Westbourne” matches 2 localities' });
  // Empty clears; a name that was not looked up is refused; an id not looked up goes to the server as it is.
  expect(parseReference(localityId, '', lookup, messages)).toEqual({ ok: true, value: null });
  expect(parseReference(localityId, 'Elsewhere', undefined, messages)).toEqual({ ok: false, message: 'must be a name as shown in the list, or an id' });
  expect(parseReference(localityId, POOLE, undefined, messages)).toEqual({ ok: true, value: POOLE });
  expect(parseReference(column('localityId', { updatable: false }), 'Poole North', lookup, messages)).toEqual({ ok: false, message: 'cannot be changed here' });
  // The editor's choice is saved as its id and shown by its label.
  expect(parseValue(localityId, { id: POOLE, label: 'Poole North' }, messages)).toEqual({ ok: true, value: POOLE, shown: 'Poole North' });
});

test('a pasted block gives each editable reference column its texts; fill down uses the first row’s own record', () => {
  const name = { ...column('name'), kind: 'text' };
  const providerId = column('providerId', { updatable: false });
  const localityId = column('localityId');
  expect(blockReferenceTexts([['A', 'X', 'Poole North'], ['B', 'Y', ''], ['C', 'Z', 'Westbourne']], [name, providerId, localityId])).toEqual([
    { column: localityId, texts: ['Poole North', 'Westbourne'] },
  ]);
  expect(lookupOfRow(localityId, { localityId: POOLE, locality: { id: POOLE, name: 'Poole North' } })).toEqual({ [POOLE]: [{ id: POOLE, label: 'Poole North' }] });
  expect(lookupOfRow(localityId, { localityId: null, locality: null })).toEqual({});
});

test('each choice shows its label with what tells it apart: an identifier and the record it belongs to', () => {
  expect(toChoice(settings, { id: 's1', name: 'Brook House', ofstedUrn: null, postcode: 'BH1 1AA', provider: { id: 'p1', legalName: 'Harbour Fostering Ltd' } })).toEqual({
    id: 's1',
    label: 'Brook House',
    detail: 'BH1 1AA · Harbour Fostering Ltd',
  });
  expect(toChoice(settings, { id: 's2', name: 'Cliff Lodge', ofstedUrn: 'SC123456', postcode: 'BH3 3AA', provider: { id: 'p1', legalName: 'Harbour Fostering Ltd' } }).detail).toBe(
    'SC123456 · Harbour Fostering Ltd',
  );
  expect(toChoice(localities, { id: POOLE, name: 'Poole North', code: null })).toEqual({ id: POOLE, label: 'Poole North' });
  // Of the records it must have, its provider is the one that tells it apart (not its council).
  const agreements = resource('agreements', 'title', ['search'], [
    { name: 'authority', reference: 'authorities', type: { kind: 'OBJECT', name: 'Authority', list: false, nonNull: true } },
    { name: 'provider', reference: 'providers', type: { kind: 'OBJECT', name: 'Provider', list: false, nonNull: true } },
    { name: 'reference' },
    { name: 'title' },
  ]);
  expect(
    toChoice(agreements, { id: 'a1', title: 'Fostering Framework', reference: 'IFA-2025-01', authority: { id: 'c1', name: 'Coast Council' }, provider: { id: 'p1', legalName: 'Harbour Fostering Ltd' } }),
  ).toEqual({ id: 'a1', label: 'Fostering Framework', detail: 'IFA-2025-01 · Harbour Fostering Ltd' });
});

test('an imported reference column is looked up by its distinct names (corrections included) and saved as the id, shown by name', () => {
  const targets = [
    { name: 'id', kind: 'text', required: true, label: 'Id' },
    { name: 'localityId', kind: 'reference', required: false, label: 'Locality', reference: 'localities' },
  ];
  const table = { fileName: 'settings.csv', headers: ['Id', 'Locality'], rows: [['s1', 'Poole North'], ['s2', ' Poole North '], ['s3', 'Atlantis'], ['s4', null]] };
  const mapping = ['id', 'localityId'];
  const wanted = importReferenceTexts(table, mapping, targets, { 2: { localityId: 'Westbourne' } });
  expect(wanted.map((w: { column: GridColumn; texts: string[] }) => [w.column.key, w.column.field.reference, w.texts])).toEqual([['localityId', 'localities', ['Poole North', 'Westbourne']]]);

  const references = { localityId: matchTexts(['Poole North', 'Atlantis'], [{ id: POOLE, label: 'Poole North' }]) };
  const plan = planImport(table, mapping, targets, {}, { ...messages, required: 'is required' }, references);
  expect(plan.rows.map((r: any) => r.cells[1])).toMatchObject([
    { value: POOLE, parsed: POOLE, shown: 'Poole North' },
    { value: POOLE, parsed: POOLE, shown: 'Poole North' },
    { value: null, error: 'No localities called “Atlantis”' },
    { value: null, parsed: null },
  ]);
  expect(plan.invalid).toBe(1);
});

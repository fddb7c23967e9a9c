import fc from 'fast-check';
import {
  getNullableType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLInputObjectType,
  type GraphQLInputType,
} from 'graphql';

/** Existing record ids by the ID field that points at them (`providerId`), and `any` for the rest. */
export type IdPools = Record<string, string[]> & { any: string[] };

function poolFor(ids: IdPools, field: string): string[] {
  return ids[field.replace(/Ids?$/, 'Id')] ?? ids.any;
}

/** Text a careless or hostile client might send. */
const NASTY_TEXT = ['', ' ', "' OR '1'='1", '\u0000', 'é'.repeat(300), 'x'.repeat(5000), '<script>alert(1)</script>', '😀', '-1', 'null'];

/**
 * `plausible`: values a careful client would send (the server's rules still refuse some);
 * `hostile`: values of the right shape but often out of range, and values of the wrong shape.
 */
export type InputMode = 'plausible' | 'hostile';

/** Text fields whose rules a random word never meets, by field name. */
const PLAUSIBLE_TEXT: Record<string, string[]> = {
  companyNumber: ['01234567', 'SC123456'],
  charityNumber: ['1123456', 'SC012345'],
  postcode: ['BH1 1AA', 'LU1 1AA'],
  homePostcode: ['BH1 1AA', 'LU2 7AB'],
  initials: ['AB', 'J', 'MKT'],
  email: ['contracts@harbour.example'],
  phone: ['01202 123456', '+44 1582 000000'],
  ofstedUrn: ['SC123456', '1234567'],
};

function plausibleScalar(name: string, ids: IdPools, field: string): fc.Arbitrary<unknown> {
  switch (name) {
    case 'String':
      return PLAUSIBLE_TEXT[field] ? fc.constantFrom(...PLAUSIBLE_TEXT[field]) : fc.stringMatching(/^[A-Z][a-z]{2,10}( [A-Z][a-z]{2,10})?$/);
    case 'Int':
      return fc.integer({ min: 0, max: 60 });
    case 'Float':
      return /latitude/i.test(field) ? fc.double({ min: 50, max: 55, noNaN: true }) : fc.double({ min: -3, max: 1, noNaN: true });
    case 'Boolean':
      return fc.boolean();
    case 'ID':
      return fc.constantFrom(...poolFor(ids, field));
    case 'Date':
      return fc.date({ min: new Date('2020-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    case 'DateTime':
      return fc.date({ min: new Date('2020-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).map((d) => d.toISOString());
    case 'Money':
    case 'Decimal':
      return fc.bigInt({ min: 0n, max: 500_000n }).map((p) => `${p / 100n}.${String(p % 100n).padStart(2, '0')}`);
    default:
      return fc.constant(null);
  }
}

function scalar(name: string, ids: IdPools, field: string): fc.Arbitrary<unknown> {
  const junk = fc.oneof(fc.constantFrom(...NASTY_TEXT), fc.integer(), fc.boolean(), fc.constant({}), fc.constant([]));
  switch (name) {
    case 'String':
      return fc.oneof({ weight: 4, arbitrary: fc.string({ maxLength: 40 }) }, { weight: 1, arbitrary: fc.constantFrom(...NASTY_TEXT) });
    case 'Int':
      return fc.oneof(fc.integer({ min: -5, max: 200 }), fc.constantFrom(0, -1, 2147483647, -2147483648), fc.constant(1.5), fc.constant('7'));
    case 'Float':
      return fc.oneof(fc.double({ min: -200, max: 200, noNaN: true }), fc.constantFrom(0, 90.0001, -180.5, 1e308), fc.constant('51.5'));
    case 'Boolean':
      return fc.oneof({ weight: 4, arbitrary: fc.boolean() }, { weight: 1, arbitrary: junk });
    case 'ID':
      return fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...poolFor(ids, field)) }, { weight: 1, arbitrary: fc.uuid() }, { weight: 1, arbitrary: fc.constantFrom('', 'not-an-id', "1' OR '1'='1") });
    case 'Date':
      return fc.oneof(
        { weight: 4, arbitrary: fc.date({ min: new Date('1990-01-01'), max: new Date('2035-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)) },
        { weight: 1, arbitrary: fc.constantFrom('2026-02-30', '2026-13-01', '0000-00-00', '26-04-01', '2026-04-01T00:00:00Z', '') },
      );
    case 'DateTime':
      return fc.oneof(fc.date({ noInvalidDate: true }).map((d) => d.toISOString()), fc.constantFrom('yesterday', '2026-04-01'));
    case 'Money':
    case 'Decimal':
      return fc.oneof(
        { weight: 4, arbitrary: fc.bigInt({ min: 0n, max: 2_000_000n }).map((p) => `${p / 100n}.${String(p % 100n).padStart(2, '0')}`) },
        { weight: 1, arbitrary: fc.constantFrom('-1.00', '1.005', '1e5', '99999999999999999999.99', '£10', '10,50', 'NaN', '') },
        { weight: 1, arbitrary: fc.double({ noNaN: true }) },
      );
    default:
      return junk;
  }
}

function ofType(type: GraphQLInputType, field: string, ids: IdPools, mode: InputMode, depth: number): fc.Arbitrary<unknown> {
  const inner = getNullableType(type) as GraphQLInputType;
  let value: fc.Arbitrary<unknown>;
  if (isListType(inner)) value = fc.array(ofType(inner.ofType, field, ids, mode, depth + 1), { maxLength: depth > 1 || mode === 'plausible' ? 1 : 4 });
  else if (isInputObjectType(inner)) value = depth > 2 ? fc.constant({}) : inputArbitrary(inner, ids, mode, depth + 1);
  else if (isEnumType(inner)) {
    const codes = fc.constantFrom(...inner.getValues().map((v) => v.name));
    value = mode === 'plausible' ? codes : fc.oneof({ weight: 6, arbitrary: codes }, { weight: 1, arbitrary: fc.constantFrom('NOT_A_CODE', '', 'pr4') });
  } else if (isScalarType(inner)) value = mode === 'plausible' ? plausibleScalar(inner.name, ids, field) : scalar(inner.name, ids, field);
  else value = fc.constant(null);
  if (mode === 'plausible') return value;
  // A required value is now and then missing or null, an optional one null.
  return isNonNullType(type) ? fc.oneof({ weight: 12, arbitrary: value }, { weight: 1, arbitrary: fc.constant(null) }) : fc.oneof({ weight: 4, arbitrary: value }, { weight: 1, arbitrary: fc.constant(null) });
}

/**
 * Random variables for an input type, from the schema, in one of the two modes above; optional
 * fields are often left out. `ids` are the records an ID field usually points at (by field
 * name, `providerId`, else any), so that some inputs are valid and get written.
 */
export function inputArbitrary(type: GraphQLInputObjectType, ids: IdPools, mode: InputMode, depth = 0): fc.Arbitrary<Record<string, unknown>> {
  const fields = Object.values(type.getFields());
  const record: Record<string, fc.Arbitrary<unknown>> = Object.fromEntries(fields.map((f) => [f.name, ofType(f.type, f.name, ids, mode, depth)]));
  const requiredKeys = fields.filter((f) => isNonNullType(f.type)).map((f) => f.name);
  return fc.record(record, { requiredKeys }) as fc.Arbitrary<Record<string, unknown>>;
}

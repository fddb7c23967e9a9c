import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { isIsoDate, type IsoDate } from '../../common/dates';

function check(value: unknown): IsoDate {
  if (typeof value === 'string' && isIsoDate(value)) return value;
  throw new GraphQLError(`Date must be a calendar date written YYYY-MM-DD, e.g. "2026-03-31"; got ${JSON.stringify(value)?.slice(0, 40)}`);
}

/** A calendar date with no time and no time zone. */
export const DateScalar = new GraphQLScalarType<IsoDate, IsoDate>({
  name: 'Date',
  description: 'A calendar date written YYYY-MM-DD (ISO 8601), with no time zone, e.g. "2026-03-31".',
  serialize: (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : check(value)),
  parseValue: check,
  parseLiteral: (ast) => check(ast.kind === Kind.STRING ? ast.value : undefined),
});

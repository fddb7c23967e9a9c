import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

const ISO_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}:\d{2})$/;

function parse(value: unknown): Date {
  if (typeof value === 'string' && ISO_DATETIME.test(value)) {
    const date = new Date(value);
    if (!Number.isNaN(date.getTime())) return date;
  }
  throw new GraphQLError(`DateTime must be ISO 8601 with a time zone, e.g. "2026-03-31T09:30:00Z"; got ${JSON.stringify(value)?.slice(0, 40)}`);
}

/** An instant, always written in UTC. */
export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  description: 'An instant in ISO 8601, written in UTC with milliseconds, e.g. "2026-03-31T09:30:00.000Z".',
  serialize(value) {
    if (value instanceof Date) return value.toISOString();
    return parse(value).toISOString();
  },
  parseValue: parse,
  parseLiteral: (ast) => parse(ast.kind === Kind.STRING ? ast.value : undefined),
});

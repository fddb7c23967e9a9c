import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { formatPence, parsePence, type Pence } from '../../common/money';

const HOW = 'a decimal string with at most two decimal places, e.g. "1045.50"';

function fromText(text: string): Pence {
  const pence = parsePence(text);
  if (pence === null) throw new GraphQLError(`Money must be ${HOW}; got ${JSON.stringify(text).slice(0, 40)}`);
  return pence;
}

/** Exact money: pence inside the server, a two-place decimal string on the wire. */
export const MoneyScalar = new GraphQLScalarType<Pence, string>({
  name: 'Money',
  description:
    'An exact amount in pounds sterling as a decimal string with two places, e.g. "1045.50". ' +
    'Stored as integer pence; never a binary floating-point number. Input also accepts integers and ' +
    'literals with fewer places ("1045.5").',
  serialize(value) {
    if (typeof value === 'bigint') return formatPence(value);
    if (typeof value === 'string' && /^-?\d+$/.test(value)) return formatPence(BigInt(value));
    throw new GraphQLError('Money value is not in pence');
  },
  parseValue(value) {
    if (typeof value === 'string') return fromText(value);
    if (typeof value === 'number' && Number.isSafeInteger(value)) return BigInt(value) * 100n;
    throw new GraphQLError(`Money must be ${HOW}`);
  },
  parseLiteral(ast) {
    // A float literal keeps its source text, so 1045.50 written in a query is still exact.
    if (ast.kind === Kind.STRING || ast.kind === Kind.FLOAT) return fromText(ast.value);
    if (ast.kind === Kind.INT) return BigInt(ast.value) * 100n;
    throw new GraphQLError(`Money must be ${HOW}`);
  },
});

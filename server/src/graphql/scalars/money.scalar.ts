import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { formatPence, parsePence } from '../../common/money';

/**
 * An exact number with two decimal places: held as a bigint of hundredths inside the
 * server and written as a decimal string on the wire. Never binary floating point.
 */
function twoPlaceScalar(name: string, description: string, example: string) {
  const how = `a decimal string with at most two decimal places, e.g. "${example}"`;
  const fromText = (text: string): bigint => {
    const value = parsePence(text);
    if (value === null) throw new GraphQLError(`${name} must be ${how}; got ${JSON.stringify(text).slice(0, 40)}`);
    return value;
  };
  return new GraphQLScalarType<bigint, string>({
    name,
    description,
    serialize(value) {
      if (typeof value === 'bigint') return formatPence(value);
      if (typeof value === 'string' && /^-?\d+$/.test(value)) return formatPence(BigInt(value));
      throw new GraphQLError(`${name} value is not a whole number of hundredths`);
    },
    parseValue(value) {
      if (typeof value === 'string') return fromText(value);
      if (typeof value === 'number' && Number.isSafeInteger(value)) return BigInt(value) * 100n;
      throw new GraphQLError(`${name} must be ${how}`);
    },
    parseLiteral(ast) {
      // A float literal keeps its source text, so 1045.50 written in a query is still exact.
      if (ast.kind === Kind.STRING || ast.kind === Kind.FLOAT) return fromText(ast.value);
      if (ast.kind === Kind.INT) return BigInt(ast.value) * 100n;
      throw new GraphQLError(`${name} must be ${how}`);
    },
  });
}

export const MoneyScalar = twoPlaceScalar(
  'Money',
  'An exact amount in pounds sterling as a decimal string with two places, e.g. "1045.50". ' +
    'Stored as integer pence; never a binary floating-point number. Input also accepts integers and ' +
    'literals with fewer places ("1045.5").',
  '1045.50',
);

export const DecimalScalar = twoPlaceScalar(
  'Decimal',
  'An exact decimal number with two places as a string, e.g. "60.00" or "2.50": used for percentages, ' +
    'scores and weeks. Stored as whole hundredths; never a binary floating-point number.',
  '2.50',
);

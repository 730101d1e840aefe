import { GraphQLScalarType, Kind } from 'graphql';
import { GraphQLJSONObject, GraphQLUUID } from 'graphql-scalars';

export { GraphQLUUID as UUIDScalar, GraphQLJSONObject as JSONObjectScalar };

function toCents(value: unknown): number {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return value;
  if (typeof value === 'string' && /^-?\d+$/.test(value) && Number.isSafeInteger(Number(value))) {
    return Number(value);
  }
  throw new TypeError('Money is a whole number of cents (CAD), e.g. 150000 for 1 500,00 $');
}

/**
 * Money in integer cents of Canadian dollars. Never a float: 0.1 + 0.2 must not
 * happen to a contribution. Sent as a JSON integer (exact up to 2^53 cents).
 */
export const MoneyScalar = new GraphQLScalarType<number, number>({
  name: 'Money',
  description: 'An amount in integer cents of Canadian dollars (CAD).',
  serialize: toCents,
  parseValue: toCents,
  parseLiteral(ast) {
    if (ast.kind === Kind.INT || ast.kind === Kind.STRING) return toCents(ast.value);
    throw new TypeError('Money must be an integer literal of cents');
  },
});

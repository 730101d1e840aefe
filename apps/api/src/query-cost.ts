import { DocumentNode, GraphQLSchema } from 'graphql';
import {
  ComplexityEstimator,
  fieldExtensionsEstimator,
  getComplexity,
  simpleEstimator,
} from 'graphql-query-complexity';
// A relative path, not @delibera/kernel: the portal's tests load this file under the portal's tsconfig.
import {
  DEFAULT_MAX_QUERY_COST,
  MAX_PAGE_SIZE,
} from '../../../libs/kernel/src/graphql/query-bounds';

export { DEFAULT_MAX_QUERY_COST, MAX_PAGE_SIZE };

/** Arguments that say how many items a list field returns. */
const PAGE_SIZE_ARGUMENTS = new Set(['first', 'limit']);

/**
 * A list is paid once per item it may return: a field with a `first` (or
 * `limit`) argument costs 1 plus its children times that size (its default
 * when not given, else the largest page). Below zero counts as zero, so a
 * negative size cannot lower the cost of the rest of the query.
 */
const listSizeEstimator: ComplexityEstimator = ({ field, args, childComplexity }) => {
  const sizeArgument = field.args.find((arg) => PAGE_SIZE_ARGUMENTS.has(arg.name));
  if (!sizeArgument) return undefined;
  const asked: unknown = args[sizeArgument.name];
  const size = typeof asked === 'number' ? Math.max(asked, 0) : MAX_PAGE_SIZE;
  return 1 + size * childComplexity;
};

/** An explicit `complexity` on a field wins; otherwise lists multiply and every other field costs 1. */
export const QUERY_COST_ESTIMATORS: ComplexityEstimator[] = [
  fieldExtensionsEstimator(),
  listSizeEstimator,
  simpleEstimator({ defaultComplexity: 1 }),
];

/**
 * The estimated cost of one operation of a request, its variables included.
 * Throws a GraphQLError when the variables do not fit the operation, or when
 * the query expands (through fragments) to too many fields to even count.
 */
export function queryCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> = {},
  operationName?: string,
): number {
  return getComplexity({
    schema,
    query: document,
    variables,
    operationName,
    estimators: QUERY_COST_ESTIMATORS,
  });
}

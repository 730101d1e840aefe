import {
  BREAK,
  DocumentNode,
  GraphQLSchema,
  isInterfaceType,
  isObjectType,
  Kind,
  visit,
} from 'graphql';
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

/**
 * Whether an operation's cost can change with its variables: a page size or
 * an `@include`/`@skip` condition given as a variable. When it cannot, the
 * cost is a property of the document alone and is computed once per document
 * (the plugin caches it), not on every request — unless a field's cost is a
 * function (see hasCostFunctions), which may read any argument.
 */
export function costDependsOnVariables(document: DocumentNode): boolean {
  let depends = false;
  visit(document, {
    Argument(argument, _key, _arguments, _path, ancestors) {
      // The argument's owner (a field or a directive) comes just before its list of arguments.
      const owner = ancestors[ancestors.length - 1] as { kind?: Kind };
      const inDirective = owner.kind === Kind.DIRECTIVE;
      if (!inDirective && !PAGE_SIZE_ARGUMENTS.has(argument.name.value)) return false;
      let usesVariable = false;
      visit(argument.value, {
        Variable() {
          usesVariable = true;
          return BREAK;
        },
      });
      if (!usesVariable) return false;
      depends = true;
      return BREAK;
    },
  });
  return depends;
}

/** Whether some field's cost is a function of its arguments (a `complexity` extension), not a number. */
export function hasCostFunctions(schema: GraphQLSchema): boolean {
  return Object.values(schema.getTypeMap()).some(
    (type) =>
      (isObjectType(type) || isInterfaceType(type)) &&
      Object.values(type.getFields()).some(
        (field) => typeof field.extensions?.complexity === 'function',
      ),
  );
}

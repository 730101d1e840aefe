import { ApolloServerPlugin } from '@apollo/server';
import { DocumentNode, GraphQLError, GraphQLSchema } from 'graphql';
import { CommonErrors, DomainError } from '@delibera/kernel';
import { costDependsOnVariables, hasCostFunctions, queryCost } from './query-cost';

/** A refusal before execution: a client error (400), localised by the error formatter. */
function refusal(error: DomainError): GraphQLError {
  return new GraphQLError(error.code, {
    originalError: error,
    extensions: { http: { status: 400 } },
  });
}

/** What graphql-query-complexity throws when fragments expand past what it will walk. */
const TOO_MANY_NODES = /maximum allowed number of nodes/;

/**
 * Refuses, before any resolver runs, an operation whose estimated cost (lists
 * multiplied by the page size asked, variables included; see query-cost.ts)
 * exceeds `maxCost`.
 */
export function queryCostPlugin(maxCost: number): ApolloServerPlugin {
  /**
   * Operations found within the limit at a cost no variable can change, per
   * parsed document: Apollo hands back the same document object for the same
   * query text, so a portal operation (casting a ballot, say) is costed once,
   * not on every request. A refused operation is costed, and refused, each time.
   */
  const accepted = new WeakMap<DocumentNode, Set<string>>();
  const variableDependent = new WeakMap<DocumentNode, boolean>();
  const costFunctions = new WeakMap<GraphQLSchema, boolean>();
  const cacheable = (schema: GraphQLSchema, document: DocumentNode): boolean => {
    if (!costFunctions.has(schema)) costFunctions.set(schema, hasCostFunctions(schema));
    if (!variableDependent.has(document)) {
      variableDependent.set(document, costDependsOnVariables(document));
    }
    return !costFunctions.get(schema) && !variableDependent.get(document);
  };
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, request, operationName }) {
          const operation = operationName ?? '';
          if (accepted.get(document)?.has(operation)) return;
          let cost: number;
          try {
            cost = queryCost(schema, document, request.variables, operationName ?? undefined);
          } catch (error) {
            const detail = error instanceof Error ? error.message : String(error);
            throw refusal(
              TOO_MANY_NODES.test(detail)
                ? CommonErrors.QUERY_TOO_COMPLEX({ detail })
                : CommonErrors.BAD_USER_INPUT({ detail }),
            );
          }
          if (cost > maxCost) {
            throw refusal(
              CommonErrors.QUERY_TOO_COMPLEX({
                detail: {
                  fr: `son coût estimé est de ${cost}, au-delà de la limite de ${maxCost}.`,
                  en: `its estimated cost is ${cost}, over the limit of ${maxCost}.`,
                },
              }),
            );
          }
          if (cacheable(schema, document)) {
            accepted.set(document, (accepted.get(document) ?? new Set()).add(operation));
          }
        },
      };
    },
  };
}

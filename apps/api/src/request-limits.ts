import type { ApolloArmor } from '@escape.tech/graphql-armor';

type ArmorConfig = NonNullable<ConstructorParameters<typeof ApolloArmor>[0]>;

/**
 * Bounds on what one request may ask, so no query can exhaust the API or the
 * database. Shared with the portal's test that keeps its operations within them.
 */
export function requestLimits(isProduction: boolean): ArmorConfig {
  return {
    maxDepth: { n: 10 },
    maxAliases: { n: 15 },
    costLimit: { maxCost: 5000 },
    maxDirectives: { n: 20 },
    maxTokens: { n: 3000 },
    blockFieldSuggestion: { enabled: isProduction },
  };
}

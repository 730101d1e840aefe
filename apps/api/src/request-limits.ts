import type { ApolloArmor } from '@escape.tech/graphql-armor';

type ArmorConfig = NonNullable<ConstructorParameters<typeof ApolloArmor>[0]>;

/**
 * Bounds on what one request may ask, so no query can exhaust the API or the
 * database. Shared with the portal's test that keeps its operations within them.
 * The cost is not armor's: its estimate ignores page sizes, so query-cost.plugin.ts
 * counts lists by the number of items they may return.
 */
export function requestLimits(isProduction: boolean): ArmorConfig {
  return {
    maxDepth: { n: 10 },
    maxAliases: { n: 15 },
    costLimit: { enabled: false },
    maxDirectives: { n: 20 },
    maxTokens: { n: 3000 },
    blockFieldSuggestion: { enabled: isProduction },
  };
}

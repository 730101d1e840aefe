import DataLoader from 'dataloader';

/** What the GraphQL context carries for batching: one map of loaders per request (see apps/api AppModule). */
export interface LoaderContext {
  loaders: Map<string, DataLoader<unknown, unknown>>;
}

/**
 * The request's DataLoader for `key`, created on first use. Field resolvers
 * call it instead of querying, so N parents cost one query, and nothing is
 * cached beyond the request.
 */
export function requestLoader<K, V>(
  context: LoaderContext,
  key: string,
  batch: (keys: readonly K[]) => Promise<V[]>,
): DataLoader<K, V> {
  let loader = context.loaders.get(key) as DataLoader<K, V> | undefined;
  if (!loader) {
    loader = new DataLoader<K, V>(batch);
    context.loaders.set(key, loader as DataLoader<unknown, unknown>);
  }
  return loader;
}

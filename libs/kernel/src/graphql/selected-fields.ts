import { FieldNode, GraphQLResolveInfo, Kind, SelectionSetNode } from 'graphql';

/**
 * The names of the fields the query selects under the resolved field, at
 * `path` (e.g. ['votes'] for the fields of each vote), fragments included.
 * Lets a resolver skip work no client asked for, without a field resolver per
 * row (thousands of promises) to find out.
 */
export function selectedFields(
  info: GraphQLResolveInfo,
  path: readonly string[] = [],
): Set<string> {
  let level: readonly FieldNode[] = info.fieldNodes;
  for (const name of path) {
    level = level.flatMap((node) =>
      fieldsOf(node.selectionSet, info).filter((field) => field.name.value === name),
    );
  }
  return new Set(
    level.flatMap((node) => fieldsOf(node.selectionSet, info)).map((field) => field.name.value),
  );
}

function fieldsOf(set: SelectionSetNode | undefined, info: GraphQLResolveInfo): FieldNode[] {
  return (set?.selections ?? []).flatMap((selection) => {
    if (selection.kind === Kind.FIELD) return [selection];
    if (selection.kind === Kind.INLINE_FRAGMENT) return fieldsOf(selection.selectionSet, info);
    const fragment = info.fragments[selection.name.value];
    return fragment ? fieldsOf(fragment.selectionSet, info) : [];
  });
}

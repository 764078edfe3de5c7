import { Kind, type FieldNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

/**
 * The names of the fields selected under `path` (e.g. `['items']`) of the field being resolved,
 * through fragments and inline fragments. Used to ask a zaaksysteem only for what the query
 * needs (docs/architecture.md §2.6). Directives (`@include`, `@skip`) are ignored: a field that might be
 * selected counts as selected.
 */
export function selectedFields(info: GraphQLResolveInfo, path: readonly string[]): Set<string> {
  const names = new Set<string>();
  const visit = (set: SelectionSetNode | undefined, depth: number, seen: Set<string>): void => {
    for (const selection of set?.selections ?? []) {
      if (selection.kind === Kind.FIELD) {
        if (depth === path.length) names.add(selection.name.value);
        else if (selection.name.value === path[depth]) visit(selection.selectionSet, depth + 1, seen);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        visit(selection.selectionSet, depth, seen);
      } else if (!seen.has(selection.name.value)) {
        const fragment = info.fragments[selection.name.value];
        visit(fragment?.selectionSet, depth, new Set([...seen, selection.name.value]));
      }
    }
  };
  info.fieldNodes.forEach((node: FieldNode) => visit(node.selectionSet, 0, new Set()));
  return names;
}

import { Kind, type FieldNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

/** The fields named `name` directly in a selection set, through fragments. */
function fieldsNamed(selectionSet: SelectionSetNode | undefined, name: string, info: GraphQLResolveInfo): FieldNode[] {
  if (!selectionSet) return [];
  return selectionSet.selections.flatMap((selection) => {
    if (selection.kind === Kind.FIELD) return selection.name.value === name ? [selection] : [];
    if (selection.kind === Kind.INLINE_FRAGMENT) return fieldsNamed(selection.selectionSet, name, info);
    const fragment = info.fragments[selection.name.value];
    return fragment ? fieldsNamed(fragment.selectionSet, name, info) : [];
  });
}

/** Whether the client asked for a field directly under the current one (fragments included). */
export function isFieldRequested(info: GraphQLResolveInfo, name: string): boolean {
  return isPathRequested(info, [name]);
}

/** Whether the client asked for a field at `path` below the current one: ['groups', 'lowestWeeklyFee']. */
export function isPathRequested(info: GraphQLResolveInfo, path: string[]): boolean {
  let nodes: readonly FieldNode[] = info.fieldNodes;
  for (const name of path) nodes = nodes.flatMap((node) => fieldsNamed(node.selectionSet, name, info));
  return nodes.length > 0;
}

/** The names of every field in a selection set, through fragments. */
function allFieldNames(selectionSet: SelectionSetNode | undefined, info: GraphQLResolveInfo): string[] {
  return (selectionSet?.selections ?? []).flatMap((selection) => {
    if (selection.kind === Kind.FIELD) return [selection.name.value];
    const fragment = selection.kind === Kind.INLINE_FRAGMENT ? selection : info.fragments[selection.name.value];
    return allFieldNames(fragment?.selectionSet, info);
  });
}

/** The fields the client asked for on each record of a connection (under `nodes`, fragments included). */
export function requestedNodeFields(info: GraphQLResolveInfo): string[] {
  const nodes = info.fieldNodes.flatMap((node) => fieldsNamed(node.selectionSet, 'nodes', info));
  return [...new Set(nodes.flatMap((node) => allFieldNames(node.selectionSet, info)))];
}

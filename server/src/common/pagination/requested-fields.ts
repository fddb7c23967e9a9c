import { Kind, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

function selects(selectionSet: SelectionSetNode | undefined, name: string, info: GraphQLResolveInfo): boolean {
  if (!selectionSet) return false;
  return selectionSet.selections.some((selection) => {
    if (selection.kind === Kind.FIELD) return selection.name.value === name;
    if (selection.kind === Kind.INLINE_FRAGMENT) return selects(selection.selectionSet, name, info);
    const fragment = info.fragments[selection.name.value];
    return fragment ? selects(fragment.selectionSet, name, info) : false;
  });
}

/** Whether the client asked for a field directly under the current one (fragments included). */
export function isFieldRequested(info: GraphQLResolveInfo, name: string): boolean {
  return info.fieldNodes.some((node) => selects(node.selectionSet, name, info));
}

function fieldNames(selectionSet: SelectionSetNode | undefined, info: GraphQLResolveInfo, into: Set<string>, under?: string): void {
  for (const selection of selectionSet?.selections ?? []) {
    if (selection.kind === Kind.FIELD) {
      if (under === undefined) into.add(selection.name.value);
      else if (selection.name.value === under) fieldNames(selection.selectionSet, info, into);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) fieldNames(selection.selectionSet, info, into, under);
    else fieldNames(info.fragments[selection.name.value]?.selectionSet, info, into, under);
  }
}

/** The fields the client asked for on each record of a connection (under `nodes`, fragments included). */
export function requestedNodeFields(info: GraphQLResolveInfo): string[] {
  const names = new Set<string>();
  for (const node of info.fieldNodes) fieldNames(node.selectionSet, info, names, 'nodes');
  return [...names];
}

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

import { GraphQLError, Kind, type ASTVisitor, type FragmentDefinitionNode, type SelectionSetNode, type ValidationContext } from 'graphql';

/** Refuses queries nested deeper than `max` levels (introspection aside): a cheap guard against runaway queries. */
export function depthLimit(max: number) {
  return (context: ValidationContext): ASTVisitor => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    const fragmentDepth = new Map<string, number>();
    for (const def of context.getDocument().definitions) {
      if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
    }
    const depth = (set: SelectionSetNode | undefined, seen: Set<string>): number => {
      if (!set) return 0;
      let deepest = 0;
      for (const sel of set.selections) {
        // Introspection nests its type references 9 deep by design; the cost limit bounds it instead.
        if (sel.kind === Kind.FIELD && sel.name.value.startsWith('__')) continue;
        if (sel.kind === Kind.FIELD) deepest = Math.max(deepest, sel.selectionSet ? 1 + depth(sel.selectionSet, seen) : 1);
        else if (sel.kind === Kind.INLINE_FRAGMENT) deepest = Math.max(deepest, depth(sel.selectionSet, seen));
        else if (!seen.has(sel.name.value)) {
          // A fragment's depth is reckoned once, however often it is spread.
          const name = sel.name.value;
          if (!fragmentDepth.has(name)) fragmentDepth.set(name, depth(fragments.get(name)?.selectionSet, new Set([...seen, name])));
          deepest = Math.max(deepest, fragmentDepth.get(name)!);
        }
      }
      return deepest;
    };
    return {
      OperationDefinition(node) {
        const d = depth(node.selectionSet, new Set());
        if (d > max) {
          context.reportError(
            new GraphQLError(`The query is ${d} levels deep; at most ${max} are allowed`, { nodes: [node], extensions: { code: 'LIMIT_EXCEEDED' } }),
          );
        }
      },
    };
  };
}

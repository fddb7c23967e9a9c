import type { ApolloServerPlugin } from '@apollo/server';
import {
  getNamedType,
  getNullableType,
  isLeafType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  SchemaMetaFieldDef,
  TypeMetaFieldDef,
  valueFromAST,
  type ArgumentNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';
import { LimitExceeded } from '../common/errors';
import { DEFAULT_PAGE_SIZE } from '../common/pagination/find-connection';
import type { GraphQLContext } from './context';

/** What a list without paging (a provider's settings, a report's groups) is reckoned to hold. */
export const UNPAGED_LIST_SIZE = 10;

interface Walk {
  schema: GraphQLSchema;
  fragments: Map<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
  fragmentCost: Map<string, number>;
}

function fieldDef(type: GraphQLNamedType, name: string, schema: GraphQLSchema): GraphQLField<unknown, unknown> | undefined {
  if (name === '__schema' && type === schema.getQueryType()) return SchemaMetaFieldDef;
  if (name === '__type' && type === schema.getQueryType()) return TypeMetaFieldDef;
  return isObjectType(type) || isInterfaceType(type) ? type.getFields()[name] : undefined;
}

/** How many items a field returns per parent: its `first` (or the default page), a reckoned size for other lists, else 1. */
function itemsOf(field: GraphQLField<unknown, unknown>, args: readonly ArgumentNode[], parent: GraphQLNamedType, walk: Walk): number {
  const firstArg = field.args.find((a) => a.name === 'first');
  if (firstArg) {
    const given = args.find((a) => a.name.value === 'first');
    const value = given ? valueFromAST(given.value, firstArg.type, walk.variables) : firstArg.defaultValue;
    return typeof value === 'number' && value >= 0 ? value : DEFAULT_PAGE_SIZE;
  }
  // A connection's `nodes` are the page its field already counted.
  if (parent.name.endsWith('Connection')) return 1;
  return isListType(getNullableType(field.type)) ? UNPAGED_LIST_SIZE : 1;
}

/**
 * The cost of one of each object under `set`; the cost under a list is that times its items.
 * A fragment spread twice into one selection runs once, as GraphQL merges it; and each
 * fragment is walked once (a document spreading each of 30 fragments twice into the next
 * would otherwise be walked 2^30 times).
 */
function cost(set: SelectionSetNode, type: GraphQLNamedType, walk: Walk, seen: ReadonlySet<string>, spread = new Set<string>()): number {
  let total = 0;
  for (const sel of set.selections) {
    if (sel.kind === Kind.INLINE_FRAGMENT) {
      const on = sel.typeCondition ? (walk.schema.getType(sel.typeCondition.name.value) ?? type) : type;
      total += cost(sel.selectionSet, on, walk, seen, spread);
    } else if (sel.kind === Kind.FRAGMENT_SPREAD) {
      const name = sel.name.value;
      const fragment = walk.fragments.get(name);
      if (!fragment || seen.has(name) || spread.has(name)) continue;
      spread.add(name);
      if (!walk.fragmentCost.has(name)) {
        const on = walk.schema.getType(fragment.typeCondition.name.value) ?? type;
        walk.fragmentCost.set(name, cost(fragment.selectionSet, on, walk, new Set([...seen, name])));
      }
      total += walk.fragmentCost.get(name)!;
    } else {
      const field = fieldDef(type, sel.name.value, walk.schema);
      if (!field || isLeafType(getNamedType(field.type)) || !sel.selectionSet) continue;
      const items = itemsOf(field, sel.arguments ?? [], type, walk);
      total += items + items * cost(sel.selectionSet, getNamedType(field.type), walk, seen);
    }
  }
  return total;
}

/**
 * The cost of an operation: each object a response can hold counts 1, so a list field costs
 * its page size (`first`, or the default page of 50), a list without paging 10, and nested
 * lists multiply (`providers(first: 100) { nodes { settings { … } } }` costs 100 + 100 × 10).
 * Scalars are free: they come in the same row.
 */
export function operationCost(schema: GraphQLSchema, selectionSet: SelectionSetNode, rootType: GraphQLNamedType, fragments: Map<string, FragmentDefinitionNode>, variables: Record<string, unknown>): number {
  return cost(selectionSet, rootType, { schema, fragments, variables, fragmentCost: new Map() }, new Set());
}

/** Refuses, before anything runs, an operation that costs more than `config.maxQueryCost`. */
export function queryCostPlugin(): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, operation, document, request, contextValue }) {
          if (!operation) return;
          const root = operation.operation === 'query' ? schema.getQueryType() : operation.operation === 'mutation' ? schema.getMutationType() : schema.getSubscriptionType();
          if (!root) return;
          const fragments = new Map(document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
          const total = operationCost(schema, operation.selectionSet, root, fragments, request.variables ?? {});
          const max = contextValue.config.maxQueryCost;
          if (total > max) {
            throw new LimitExceeded(
              `The query costs ${total}; at most ${max} is allowed (a list costs its page size, ${UNPAGED_LIST_SIZE} when it has no paging, and nested lists multiply): ask for smaller pages or fewer nested lists`,
              undefined,
              400,
            );
          }
        },
      };
    },
  };
}

import {
  Kind,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { grants, scopeFor, type ApiKeyScope } from '../modules/user/api-key-scope';
import { SCOPE_EXTENSION, type FieldScope } from './operation-scope';

const META_FIELDS = new Set(['__typename', '__schema', '__type']);

function spreadNames(set: SelectionSetNode, out: Set<string>, fragments: Map<string, FragmentDefinitionNode>): void {
  for (const sel of set.selections) {
    if (sel.kind === Kind.FRAGMENT_SPREAD) {
      if (out.has(sel.name.value)) continue;
      out.add(sel.name.value);
      const fragment = fragments.get(sel.name.value);
      if (fragment) spreadNames(fragment.selectionSet, out, fragments);
    } else if (sel.selectionSet) {
      spreadNames(sel.selectionSet, out, fragments);
    }
  }
}

/** Why an API key may not run this operation: one line per field outside its scopes (none: it may). */
export function scopeRefusals(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, scopes: ReadonlySet<ApiKeyScope>): string[] {
  const fragments = new Map(
    document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
  );
  const used = new Set<string>();
  spreadNames(operation.selectionSet, used, fragments);
  const reachable: DocumentNode = { kind: Kind.DOCUMENT, definitions: [operation, ...[...used].flatMap((n) => fragments.get(n) ?? [])] };

  const roots = new Set<unknown>([schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].filter(Boolean));
  const mutation = schema.getMutationType();
  const refusals = new Set<string>();
  const typeInfo = new TypeInfo(schema);
  visit(
    reachable,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const name = node.name.value;
        if (META_FIELDS.has(name)) return;
        const parent = typeInfo.getParentType();
        const scope = typeInfo.getFieldDef()?.extensions?.[SCOPE_EXTENSION] as FieldScope | undefined;
        const coordinate = `${parent?.name}.${name}`;
        if (!scope) {
          // Fields without a domain belong to what their parent's resolver read; a root field without one is a mistake: closed to keys.
          if (parent && roots.has(parent)) refusals.add(`${name} is not open to API keys`);
          return;
        }
        const access = scope.access ?? (parent === mutation ? 'write' : 'read');
        if (scope.domain === 'public') return;
        if (scope.domain === 'people') refusals.add(`${coordinate} is for people signed in, not API keys`);
        else if (scope.domain === 'reference') {
          if (access === 'write') refusals.add(`${coordinate} changes reference data, which API keys may not`);
        } else if (!grants(scopes, scope.domain, access)) {
          const needed = access === 'read' ? `${scopeFor(scope.domain, 'read')} or ${scopeFor(scope.domain, 'write')}` : scopeFor(scope.domain, 'write');
          refusals.add(`${coordinate} needs the ${needed} scope`);
        }
      },
    }),
  );
  return [...refusals];
}

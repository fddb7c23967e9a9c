import {
  getNamedType,
  getNullableType,
  isLeafType,
  isListType,
  isObjectType,
  isInterfaceType,
  Kind,
  OperationTypeNode,
  parse,
  print,
  validate,
  visit,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import { badInput } from '../../common/errors';

/** One column of the export: its dotted name (`provider.legalName`), where its value sits in a row, and its GraphQL type. */
export interface ExportColumn {
  header: string;
  path: string[];
  /** Name of the leaf type: Money, Date, DateTime, Int, Boolean, String, an enum… */
  type: string;
  /** A list of values (codes, names): written joined with ", ". */
  list: boolean;
}

/** What to execute and where the rows are in each result. */
export interface ExportPlan {
  /** The document to execute for every page (the client's, with the paging added for a connection). */
  query: string;
  /** Response keys from `data` to the list of rows. */
  rowsPath: string[];
  /** For a connection: response keys from `data` to its page information; null for a plain list. */
  pageInfoPath: string[] | null;
  columns: ExportColumn[];
  /** The client's `first` on the exported connection: at most this many rows; null for all. */
  limit: number | null;
  /** The client's `after` on the exported connection: the cursor to start after. */
  startAfter: string | null;
  /** A name for the file: the path's response keys. */
  name: string;
}

export const FIRST_VARIABLE = 'placewiseExportFirst';
export const AFTER_VARIABLE = 'placewiseExportAfter';
const PAGE_INFO_ALIAS = 'placewiseExportPageInfo';

interface Step {
  key: string;
  node: FieldNode;
  def: GraphQLField<unknown, unknown>;
}

/** The fields of a selection set as they reach the response: fragments (inline or named) unfolded, in selection order. */
function fieldsOf(set: SelectionSetNode, fragments: Map<string, FragmentDefinitionNode>, seen = new Set<string>()): FieldNode[] {
  return set.selections.flatMap((sel) => {
    if (sel.kind === Kind.FIELD) return [sel];
    if (sel.kind === Kind.INLINE_FRAGMENT) return fieldsOf(sel.selectionSet, fragments, seen);
    const fragment = fragments.get(sel.name.value);
    if (!fragment || seen.has(sel.name.value)) return [];
    return fieldsOf(fragment.selectionSet, fragments, new Set([...seen, sel.name.value]));
  });
}

function fieldDef(parent: GraphQLCompositeType, node: FieldNode): GraphQLField<unknown, unknown> | null {
  if (!isObjectType(parent) && !isInterfaceType(parent)) return null;
  return parent.getFields()[node.name.value] ?? null;
}

/** A `<Type>Connection`: an object with a `nodes` list and `pageInfo`. */
function isConnection(def: GraphQLField<unknown, unknown>): boolean {
  const type = getNullableType(def.type);
  if (!isObjectType(type)) return false;
  const fields = type.getFields();
  return Boolean(fields.nodes && fields.pageInfo && isListType(getNullableType(fields.nodes.type)));
}

function isObjectList(def: GraphQLField<unknown, unknown>): boolean {
  const type = getNullableType(def.type);
  return isListType(type) && !isLeafType(getNamedType(type));
}

const keyOf = (node: FieldNode) => node.alias?.value ?? node.name.value;

/** The fields from the root to the list named by `path`, or to the first list of records in selection order. */
function findTarget(root: GraphQLCompositeType, set: SelectionSetNode, fragments: Map<string, FragmentDefinitionNode>, path: string[] | null): Step[] | null {
  const search = (parent: GraphQLCompositeType, selection: SelectionSetNode, trail: Step[]): Step[] | null => {
    for (const node of fieldsOf(selection, fragments)) {
      const def = fieldDef(parent, node);
      if (!def || !node.selectionSet) continue;
      const steps = [...trail, { key: keyOf(node), node, def }];
      if (isConnection(def) || isObjectList(def)) return steps;
      const found = search(getNamedType(def.type) as GraphQLCompositeType, node.selectionSet, steps);
      if (found) return found;
    }
    return null;
  };
  if (!path) return search(root, set, []);

  const steps: Step[] = [];
  let parent = root;
  let selection: SelectionSetNode | undefined = set;
  for (const [i, key] of path.entries()) {
    const node: FieldNode | undefined = selection && fieldsOf(selection, fragments).find((f) => keyOf(f) === key);
    const def = node ? fieldDef(parent, node) : null;
    if (!node || !def) throw badInput('path', `${path.slice(0, i + 1).join('.')} is not a field of the query`);
    const last = i === path.length - 1;
    // `invoiceLines.nodes` names the rows of a connection: export the connection, page by page.
    if (last && key === node.name.value && node.name.value === 'nodes' && steps.length && isConnection(steps[steps.length - 1].def)) return steps;
    steps.push({ key, node, def });
    if (last) {
      if (!isConnection(def) && !isObjectList(def)) throw badInput('path', `${path.join('.')} is not a list of records`);
      return steps;
    }
    if (isListType(getNullableType(def.type))) throw badInput('path', `${path.slice(0, i + 1).join('.')} is a list: the path must lead to one list`);
    parent = getNamedType(def.type) as GraphQLCompositeType;
    selection = node.selectionSet;
  }
  return steps;
}

/** Leaf fields of a row in selection order; nested objects flattened into dotted names. */
function columnsOf(type: GraphQLCompositeType, set: SelectionSetNode, fragments: Map<string, FragmentDefinitionNode>, prefix: string[] = []): ExportColumn[] {
  const columns: ExportColumn[] = [];
  for (const node of fieldsOf(set, fragments)) {
    const path = [...prefix, keyOf(node)];
    if (node.name.value === '__typename') {
      columns.push({ header: path.join('.'), path, type: 'String', list: false });
      continue;
    }
    const def = fieldDef(type, node);
    if (!def) continue;
    const named = getNamedType(def.type);
    const list = isListType(getNullableType(def.type));
    if (isLeafType(named)) columns.push({ header: path.join('.'), path, type: named.name, list });
    else if (list) throw badInput('path', `${path.join('.')} is a list inside each row; export it on its own with path`);
    else if (node.selectionSet) columns.push(...columnsOf(named as GraphQLCompositeType, node.selectionSet, fragments, path));
  }
  const seen = new Set<string>();
  return columns.filter((c) => !seen.has(c.header) && Boolean(seen.add(c.header)));
}

function argument(node: FieldNode, name: string): ValueNode | undefined {
  return node.arguments?.find((a) => a.name.value === name)?.value;
}

function valueOf(value: ValueNode | undefined, variables: Record<string, unknown>): unknown {
  if (!value) return undefined;
  if (value.kind === Kind.VARIABLE) return variables[value.name.value];
  if (value.kind === Kind.INT) return Number(value.value);
  if (value.kind === Kind.STRING) return value.value;
  if (value.kind === Kind.NULL) return null;
  return undefined;
}

/** The pieces the export adds to a connection, taken from a document rather than built by hand. */
const PAGING = parse(
  `query($${FIRST_VARIABLE}: Int!, $${AFTER_VARIABLE}: String) { list(first: $${FIRST_VARIABLE}, after: $${AFTER_VARIABLE}) { ${PAGE_INFO_ALIAS}: pageInfo { hasNextPage endCursor } } }`,
).definitions[0] as OperationDefinitionNode;
const PAGING_FIELD = PAGING.selectionSet.selections[0] as FieldNode;

/** The connection field with `first`/`after` taken from the export's variables and its page information asked for. */
function paged(node: FieldNode): FieldNode {
  return {
    ...node,
    arguments: [...(node.arguments ?? []).filter((a) => a.name.value !== 'first' && a.name.value !== 'after'), ...PAGING_FIELD.arguments!],
    selectionSet: { ...node.selectionSet!, selections: [...node.selectionSet!.selections, ...PAGING_FIELD.selectionSet!.selections] },
  };
}

/** The operation with the paging variables, and without the client's that only the replaced `first`/`after` used (an unused variable is invalid). */
function withPagingVariables(operation: OperationDefinitionNode, used: Set<string>): OperationDefinitionNode {
  const kept = (operation.variableDefinitions ?? []).filter((v) => used.has(v.variable.name.value));
  return { ...operation, variableDefinitions: [...kept, ...PAGING.variableDefinitions!] };
}

/**
 * Reads the client's document: which list to export, its columns, and for a connection the
 * document that pages through it. Null when the document does not parse, is not valid against
 * the schema or names no operation: executing it as it is then gives the client GraphQL's own error.
 */
export function planExport(schema: GraphQLSchema, text: string, operationName: string | null, path: string[] | null, variables: Record<string, unknown>): ExportPlan | null {
  let document: DocumentNode;
  try {
    document = parse(text);
  } catch {
    return null;
  }
  if (validate(schema, document).length) return null;
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const operation = operationName ? operations.find((o) => o.name?.value === operationName) : operations.length === 1 ? operations[0] : undefined;
  if (!operation) return null;
  if (operation.operation !== OperationTypeNode.QUERY) throw badInput('query', 'must be a query: an export runs it again for every page');
  if (operation.variableDefinitions?.some((v) => v.variable.name.value.startsWith('placewiseExport'))) {
    throw badInput('query', 'must not define variables named placewiseExport…: the export uses them for paging');
  }
  const fragments = new Map(document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
  const steps = findTarget(schema.getQueryType()!, operation.selectionSet, fragments, path);
  if (!steps) throw badInput('path', 'the query selects no list of records to export');
  const target = steps[steps.length - 1];
  const keys = steps.map((s) => s.key);
  const name = keys.join('.');

  if (!isConnection(target.def)) {
    const rowType = getNamedType(target.def.type) as GraphQLCompositeType;
    return { query: text, rowsPath: keys, pageInfoPath: null, columns: columnsOf(rowType, target.node.selectionSet!, fragments), limit: null, startAfter: null, name };
  }
  const connection = getNullableType(target.def.type) as GraphQLObjectType;
  const nodesField = fieldsOf(target.node.selectionSet!, fragments).find((f) => f.name.value === 'nodes' && f.selectionSet);
  if (!nodesField) throw badInput('path', `${name} selects no nodes to export`);
  if (argument(target.node, 'offset')) throw badInput('offset', 'cannot be used on the exported list: it pages by cursor; use after');
  const limit = valueOf(argument(target.node, 'first'), variables);
  if (limit !== undefined && limit !== null && !(Number.isInteger(limit) && (limit as number) >= 0)) throw badInput('first', 'must be a whole number, 0 or more');
  const startAfter = valueOf(argument(target.node, 'after'), variables);

  // Fields first (a visitor sees the original nodes), then the operation's variables.
  const withPagedField = visit(document, { Field: (node) => (node === target.node ? paged(node) : undefined) });
  const used = new Set<string>();
  visit(withPagedField, { VariableDefinition: () => false, Variable: (node) => void used.add(node.name.value) });
  const rewritten: DocumentNode = {
    ...withPagedField,
    definitions: withPagedField.definitions.map((d) => (d.kind === Kind.OPERATION_DEFINITION && d.name?.value === operation.name?.value ? withPagingVariables(d, used) : d)),
  };
  const rowType = getNamedType(connection.getFields().nodes.type) as GraphQLCompositeType;
  return {
    query: print(rewritten),
    rowsPath: [...keys, keyOf(nodesField)],
    pageInfoPath: [...keys, PAGE_INFO_ALIAS],
    columns: columnsOf(rowType, nodesField.selectionSet!, fragments),
    limit: (limit as number | null | undefined) ?? null,
    startAfter: typeof startAfter === 'string' ? startAfter : null,
    name,
  };
}

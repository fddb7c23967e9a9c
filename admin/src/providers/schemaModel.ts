import type {
  IntrospectionEnumType,
  IntrospectionField,
  IntrospectionInputObjectType,
  IntrospectionInputValue,
  IntrospectionObjectType,
  IntrospectionSchema,
  IntrospectionType,
  IntrospectionTypeRef,
} from 'graphql';
import introspection from 'virtual:placewise-introspection';

/**
 * What the admin knows about the API, read from the introspection of the published SDL
 * (computed at build time). Every resource, field, editor, filter and sort key the admin
 * offers comes from here: nothing is listed per resource by hand.
 */

export const SCALARS_EDITABLE = ['String', 'Int', 'Float', 'Boolean', 'Date', 'Money'] as const;

export interface NamedTypeRef {
  kind: 'SCALAR' | 'ENUM' | 'OBJECT' | 'INPUT_OBJECT' | 'INTERFACE' | 'UNION';
  name: string;
  list: boolean;
  nonNull: boolean;
}

export interface EnumOption {
  value: string;
  description: string;
}

export interface FieldModel {
  name: string;
  description: string;
  type: NamedTypeRef;
  /** The resource this field points to: an `xId` field next to an `x` object field, the object itself, or each id of an `xIds` list. */
  reference?: string;
  enumValues?: EnumOption[];
  /** In the update input: the grid may edit it. */
  updatable: boolean;
  /** In the create input. */
  creatable: boolean;
  /** In the order-field enum: the grid may sort by it. */
  sortable: boolean;
  /** The field of the filter input with the same name, if any. */
  filter?: IntrospectionInputValue;
  /** The field takes an argument that must be given (e.g. `costBetween(from, to)`): never asked for generically. */
  needsArgs?: boolean;
}

export interface ResourceModel {
  /** react-admin resource name: the list query, e.g. `providers`. */
  name: string;
  typeName: string;
  type: IntrospectionObjectType;
  fields: FieldModel[];
  /** The field shown to name a record (name, legalName, displayName, email… or id). */
  labelField: string;
  listQuery: IntrospectionField;
  oneQuery?: IntrospectionField;
  createMutation?: IntrospectionField;
  updateMutation?: IntrospectionField;
  updateManyMutation?: IntrospectionField;
  updateRowsMutation?: IntrospectionField;
  archiveMutation?: IntrospectionField;
  restoreMutation?: IntrospectionField;
  filterType?: IntrospectionInputObjectType;
  createInputType?: IntrospectionInputObjectType;
  updateInputType?: IntrospectionInputObjectType;
  /** The values of `<Type>OrderField`. */
  orderFields: string[];
  versioned: boolean;
}

const WEEK = ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'];
const LABEL_FIELDS = ['name', 'legalName', 'displayName', 'title', 'email', 'code', 'caseReference', 'reference'];

export function namedType(ref: IntrospectionTypeRef): NamedTypeRef {
  let list = false;
  let nonNull = false;
  let current: IntrospectionTypeRef = ref;
  let outerNonNull = true;
  while (current.kind === 'NON_NULL' || current.kind === 'LIST') {
    if (current.kind === 'NON_NULL' && outerNonNull) nonNull = true;
    if (current.kind === 'LIST') list = true;
    outerNonNull = false;
    current = current.ofType;
  }
  return { kind: current.kind as NamedTypeRef['kind'], name: current.name, list, nonNull };
}

/** Prints a type reference as in a variable definition, e.g. `[ProviderOrderBy!]`. */
export function printTypeRef(ref: IntrospectionTypeRef): string {
  if (ref.kind === 'NON_NULL') return `${printTypeRef(ref.ofType)}!`;
  if (ref.kind === 'LIST') return `[${printTypeRef(ref.ofType)}]`;
  return ref.name;
}

/** A field with an argument that has no default and must be given. */
export function hasRequiredArgs(field: IntrospectionField): boolean {
  return field.args.some((a) => a.type.kind === 'NON_NULL' && a.defaultValue == null);
}

const ucfirst = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const lcfirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

export class SchemaModel {
  readonly types = new Map<string, IntrospectionType>();
  readonly queries = new Map<string, IntrospectionField>();
  readonly mutations = new Map<string, IntrospectionField>();
  readonly resources = new Map<string, ResourceModel>();
  private readonly byTypeName = new Map<string, ResourceModel>();

  constructor(readonly schema: IntrospectionSchema) {
    for (const type of schema.types) this.types.set(type.name, type);
    const query = this.types.get(schema.queryType.name) as IntrospectionObjectType;
    for (const field of query.fields) this.queries.set(field.name, field);
    if (schema.mutationType) {
      const mutation = this.types.get(schema.mutationType.name) as IntrospectionObjectType;
      for (const field of mutation.fields) this.mutations.set(field.name, field);
    }
    // A resource is an object type with a list query returning `<Type>Connection`.
    for (const listQuery of this.queries.values()) {
      const returned = namedType(listQuery.type);
      if (returned.kind !== 'OBJECT' || !returned.name.endsWith('Connection') || returned.list) continue;
      const typeName = returned.name.slice(0, -'Connection'.length);
      const type = this.types.get(typeName);
      if (!type || type.kind !== 'OBJECT') continue;
      const model = this.buildResource(listQuery, type);
      this.resources.set(model.name, model);
      this.byTypeName.set(typeName, model);
    }
    for (const model of this.resources.values()) this.linkReferences(model);
  }

  /** By react-admin resource name (`providers`) or GraphQL type name (`Provider`). */
  resource(name: string): ResourceModel {
    const model = this.resources.get(name) ?? this.byTypeName.get(name);
    if (!model) throw new Error(`The API has no resource called "${name}"`);
    return model;
  }

  resourceOfType(typeName: string): ResourceModel | undefined {
    return this.byTypeName.get(typeName);
  }

  inputType(name: string | undefined): IntrospectionInputObjectType | undefined {
    const type = name ? this.types.get(name) : undefined;
    return type?.kind === 'INPUT_OBJECT' ? type : undefined;
  }

  enumOptions(name: string): EnumOption[] | undefined {
    const type = this.types.get(name);
    if (type?.kind !== 'ENUM') return undefined;
    const options = (type as IntrospectionEnumType).enumValues
      .filter((v) => !v.isDeprecated)
      .map((v) => ({ value: v.name, description: v.description ?? v.name }));
    // The printed schema sorts values alphabetically; days of the week read Monday to Sunday.
    return options.every((o) => WEEK.includes(o.value)) ? options.sort((a, b) => WEEK.indexOf(a.value) - WEEK.indexOf(b.value)) : options;
  }

  private buildResource(listQuery: IntrospectionField, type: IntrospectionObjectType): ResourceModel {
    const typeName = type.name;
    const plural = ucfirst(listQuery.name);
    const arg = (field: IntrospectionField | undefined, name: string) => field?.args.find((a) => a.name === name);
    const inputOf = (field: IntrospectionField | undefined, name: string) => {
      const a = arg(field, name);
      return a ? this.inputType(namedType(a.type).name) : undefined;
    };
    const oneQuery = this.queries.get(lcfirst(typeName));
    const createMutation = this.mutations.get(`create${typeName}`);
    const updateMutation = this.mutations.get(`update${typeName}`);
    const updateManyMutation = this.mutations.get(`update${plural}`);
    const updateRowsMutation = this.mutations.get(`update${typeName}Rows`);
    const filterType = inputOf(listQuery, 'filter');
    const createInputType = inputOf(createMutation, 'input');
    const updateInputType = inputOf(updateMutation, 'input');
    const orderByType = inputOf(listQuery, 'orderBy');
    const orderFieldArg = orderByType?.inputFields.find((f) => f.name === 'field');
    const orderFields = orderFieldArg ? (this.enumOptions(namedType(orderFieldArg.type).name) ?? []).map((o) => o.value) : [];
    const updatable = new Set(updateInputType?.inputFields.map((f) => f.name));
    const creatable = new Set(createInputType?.inputFields.map((f) => f.name));
    const fields: FieldModel[] = type.fields
      .filter((f) => !f.isDeprecated)
      .map((f) => {
        const ref = namedType(f.type);
        return {
          name: f.name,
          description: f.description ?? '',
          type: ref,
          enumValues: ref.kind === 'ENUM' ? this.enumOptions(ref.name) : undefined,
          updatable: updatable.has(f.name),
          creatable: creatable.has(f.name),
          sortable: orderFields.includes(f.name),
          filter: filterType?.inputFields.find((i) => i.name === f.name),
          needsArgs: hasRequiredArgs(f),
        };
      });
    const names = new Set(fields.map((f) => f.name));
    return {
      name: listQuery.name,
      typeName,
      type,
      fields,
      labelField: LABEL_FIELDS.find((f) => names.has(f)) ?? 'id',
      listQuery,
      oneQuery: oneQuery && namedType(oneQuery.type).name === typeName ? oneQuery : undefined,
      createMutation,
      updateMutation,
      updateManyMutation,
      updateRowsMutation,
      archiveMutation: this.mutations.get(`archive${typeName}`),
      restoreMutation: this.mutations.get(`restore${typeName}`),
      filterType,
      createInputType,
      updateInputType,
      orderFields,
      versioned: names.has('version'),
    };
  }

  /**
   * `providerId` beside `provider: Provider!` points to the providers resource; a list of ids
   * named after a type, `childIds: [ID!]!`, points to that type's resource (children).
   */
  private linkReferences(model: ResourceModel): void {
    for (const field of model.fields) {
      if (field.type.list && field.type.name === 'ID' && field.name.endsWith('Ids')) {
        const stem = field.name.slice(0, -'Ids'.length);
        const target = this.byTypeName.get(stem.charAt(0).toUpperCase() + stem.slice(1));
        if (target) field.reference = target.name;
        continue;
      }
      if (field.type.kind === 'OBJECT' && !field.type.list) {
        const target = this.byTypeName.get(field.type.name);
        if (!target) continue;
        field.reference = target.name;
        const idField = model.fields.find((f) => f.name === `${field.name}Id`);
        if (idField) idField.reference = target.name;
      }
    }
  }
}

export const schemaModel = new SchemaModel(introspection);
export { introspection };

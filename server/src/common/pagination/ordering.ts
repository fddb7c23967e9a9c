import { Field, InputType, registerEnumType } from 'type-graphql';

export enum SortDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}

registerEnumType(SortDirection, {
  name: 'SortDirection',
  description: 'Sort order. Empty values always sort last, whichever the direction.',
  valuesConfig: { ASC: { description: 'Smallest, earliest or A first.' }, DESC: { description: 'Largest, latest or Z first.' } },
});

/** How one sortable field maps to SQL and back to the loaded record (for cursors). */
export interface OrderField {
  sql: string;
  /** Property of the loaded entity holding the sorted value. */
  property: string;
  nullable: boolean;
}

export interface OrderTerm {
  field: string;
  direction: SortDirection;
}

type ClassType = new () => OrderTerm;

/** `inspectionDate` → `inspection date`. */
function words(name: string): string {
  return name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}
const orderInputs = new Map<string, ClassType>();

/** `<Type>OrderBy`: one sort key; a list of them sorts by several fields in turn. */
export function orderByInput(fields: Record<string, string>, typeName: string): ClassType {
  const existing = orderInputs.get(typeName);
  if (existing) return existing;
  registerEnumType(fields, {
    name: `${typeName}OrderField`,
    description: `Fields ${typeName} lists can be sorted by.`,
    valuesConfig: Object.fromEntries(Object.keys(fields).map((key) => [key, { description: `Sort by ${words(key)}.` }])),
  });
  @InputType(`${typeName}OrderBy`, { description: `A sort key for ${typeName} lists.` })
  class OrderBy implements OrderTerm {
    @Field(() => fields, { description: 'The field to sort by.' })
    field!: string;

    @Field(() => SortDirection, { defaultValue: SortDirection.ASC, description: 'The direction; ascending when omitted.' })
    direction!: SortDirection;
  }
  orderInputs.set(typeName, OrderBy);
  return OrderBy;
}

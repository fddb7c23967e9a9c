import { Field, InputType } from 'type-graphql';
import { FILTER_DESCRIPTIONS as D } from './scalar-filters';

type EnumObject = Record<string, string>;
type ClassType = new () => object;

const enumFilters = new Map<string, ClassType>();
const enumArrayFilters = new Map<string, ClassType>();

/** `<Enum>Filter`: eq, ne, in, notIn and isNull on a field holding one code. Built once per enum. */
export function enumFilter(values: EnumObject, enumName: string): ClassType {
  const existing = enumFilters.get(enumName);
  if (existing) return existing;
  @InputType(`${enumName}Filter`, { description: `Conditions on a ${enumName} field; all the conditions given must hold.` })
  class EnumFilter {
    @Field(() => values, { nullable: true, description: D.eq }) eq?: string;
    @Field(() => values, { nullable: true, description: D.ne }) ne?: string;
    @Field(() => [values], { nullable: true, description: D.in }) in?: string[];
    @Field(() => [values], { nullable: true, description: D.notIn }) notIn?: string[];
    @Field(() => Boolean, { nullable: true, description: D.isNull }) isNull?: boolean;
  }
  enumFilters.set(enumName, EnumFilter);
  return EnumFilter;
}

/** `<Enum>ListFilter`: conditions on a field holding a set of codes. */
export function enumArrayFilter(values: EnumObject, enumName: string): ClassType {
  const existing = enumArrayFilters.get(enumName);
  if (existing) return existing;
  @InputType(`${enumName}ListFilter`, { description: `Conditions on a list of ${enumName} codes; all the conditions given must hold.` })
  class EnumArrayFilter {
    @Field(() => values, { nullable: true, description: 'The list includes this code.' }) includes?: string;
    @Field(() => [values], { nullable: true, description: 'The list includes at least one of these codes.' }) includesAny?: string[];
    @Field(() => [values], { nullable: true, description: 'The list includes every one of these codes.' }) includesAll?: string[];
    @Field(() => Boolean, { nullable: true, description: 'true: the list is empty; false: it has at least one code.' }) isEmpty?: boolean;
  }
  enumArrayFilters.set(enumName, EnumArrayFilter);
  return EnumArrayFilter;
}

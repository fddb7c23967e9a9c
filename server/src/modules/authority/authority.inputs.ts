import { Field, ID, InputType } from 'type-graphql';
import { FilterOn, IdFilter, StringFilter } from '../../common/filters/scalar-filters';
import { orderByInput } from '../../common/pagination/ordering';
import { OptionalText, Pattern, RequiredText, RequiredValue } from '../../common/validation';

const ONS_CODE = /^[EWSN]\d{8}$/i;
const ONS_MESSAGE = 'must be an ONS code: a letter E, W, S or N then 8 digits, e.g. E06000058';

@InputType({ description: 'A new authority.' })
export class AuthorityCreateInput {
  @Field({ description: 'The council’s name.' }) @RequiredText(200) name!: string;
  @Field({ description: 'ONS local authority code, e.g. E06000058.' }) @RequiredText(9) @Pattern(ONS_CODE, ONS_MESSAGE) onsCode!: string;
}

@InputType({ description: 'Changes to an authority; fields left out stay as they are.' })
export class AuthorityUpdateInput {
  @Field(() => String, { nullable: true, description: 'The council’s name.' }) @RequiredText(200) name?: string;
  @Field(() => String, { nullable: true, description: 'ONS local authority code.' }) @RequiredText(9) @Pattern(ONS_CODE, ONS_MESSAGE) onsCode?: string;
}

@InputType({ description: 'A new locality of an authority.' })
export class LocalityCreateInput {
  @Field(() => ID, { description: 'The authority.' }) @RequiredValue() authorityId!: string;
  @Field({ description: 'The locality’s name.' }) @RequiredText(200) name!: string;
  @Field(() => String, { nullable: true, description: 'A short code.' }) @OptionalText(32) code?: string | null;
}

@InputType({ description: 'Changes to a locality; fields left out stay as they are.' })
export class LocalityUpdateInput {
  @Field(() => String, { nullable: true, description: 'The locality’s name.' }) @RequiredText(200) name?: string;
  @Field(() => String, { nullable: true, description: 'A short code; null clears it.' }) @OptionalText(32) code?: string | null;
}

@InputType({ description: 'Which authorities to list.' })
export class AuthorityFilter {
  @Field(() => [AuthorityFilter], { nullable: true, description: 'All of these hold.' }) and?: AuthorityFilter[];
  @Field(() => [AuthorityFilter], { nullable: true, description: 'At least one of these holds.' }) or?: AuthorityFilter[];
  @Field(() => AuthorityFilter, { nullable: true, description: 'This does not hold.' }) not?: AuthorityFilter;
  @Field(() => String, { nullable: true, description: 'Free text matched against name and ONS code.' }) search?: string;
  @FilterOn(() => IdFilter, 'the id') id?: IdFilter;
  @FilterOn(() => StringFilter, 'the name') name?: StringFilter;
  @FilterOn(() => StringFilter, 'the ONS code') onsCode?: StringFilter;
}

@InputType({ description: 'Which localities to list.' })
export class LocalityFilter {
  @Field(() => [LocalityFilter], { nullable: true, description: 'All of these hold.' }) and?: LocalityFilter[];
  @Field(() => [LocalityFilter], { nullable: true, description: 'At least one of these holds.' }) or?: LocalityFilter[];
  @Field(() => LocalityFilter, { nullable: true, description: 'This does not hold.' }) not?: LocalityFilter;
  @Field(() => String, { nullable: true, description: 'Free text matched against name and code.' }) search?: string;
  @FilterOn(() => IdFilter, 'the id') id?: IdFilter;
  @FilterOn(() => IdFilter, 'the authority') authorityId?: IdFilter;
  @FilterOn(() => StringFilter, 'the name') name?: StringFilter;
  @FilterOn(() => StringFilter, 'the code') code?: StringFilter;
}

export enum AuthorityOrderField {
  name = 'name',
  onsCode = 'onsCode',
  createdAt = 'createdAt',
}
export const AuthorityOrderBy = orderByInput(AuthorityOrderField, 'Authority');

export enum LocalityOrderField {
  name = 'name',
  code = 'code',
  createdAt = 'createdAt',
}
export const LocalityOrderBy = orderByInput(LocalityOrderField, 'Locality');

import { Field, ID, InputType } from 'type-graphql';
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

import { ValidateNested } from 'class-validator';
import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { OfstedRating } from '../../common/codes/ofsted-rating.code';
import { Between, Pattern, RequiredText, RequiredValue, UK_POSTCODE, WholeNumber } from '../../common/validation';
import { DateScalar } from '../../graphql/scalars/date.scalar';
import { SettingKind } from './setting-kind';

const URN = /^\d{6,8}$/;
const URN_MESSAGE = 'must be an Ofsted URN: 6 to 8 digits';
const POSTCODE_MESSAGE = 'must be a valid UK postcode, e.g. BH1 1AA';

@InputType({ description: 'A new setting of a provider.' })
export class SettingCreateInput {
  @Field(() => ID, { description: 'The provider that runs it.' }) @RequiredValue() providerId!: string;
  @Field({ description: 'The setting’s name.' }) @RequiredText(200) name!: string;
  @Field(() => SettingKind, { description: 'What the setting is.' }) @RequiredValue() kind!: SettingKind;
  @Field(() => String, { nullable: true, description: 'Ofsted URN (6 to 8 digits).' }) @Pattern(URN, URN_MESSAGE) ofstedUrn?: string | null;
  @Field(() => OfstedRating, { nullable: true, description: 'Ofsted overall effectiveness.' }) ofstedRating?: OfstedRating | null;
  @Field(() => DateScalar, { nullable: true, description: 'Date of the inspection (not in the future).' }) inspectionDate?: string | null;
  @Field(() => Int, { nullable: true, description: 'Registered places (0 to 500).' }) @WholeNumber(0, 500) registeredPlaces?: number | null;
  @Field(() => String, { nullable: true, description: 'UK postcode.' }) @Pattern(UK_POSTCODE, POSTCODE_MESSAGE) postcode?: string | null;
  @Field(() => Float, { nullable: true, description: 'Latitude (−90 to 90); give it with longitude.' }) @Between(-90, 90, 'latitude') latitude?: number | null;
  @Field(() => Float, { nullable: true, description: 'Longitude (−180 to 180); give it with latitude.' }) @Between(-180, 180, 'longitude') longitude?: number | null;
  @Field(() => ID, { nullable: true, description: 'The authority’s locality it lies in.' }) localityId?: string | null;
}

@InputType({ description: 'Changes to a setting; fields left out stay as they are, null clears an optional field.' })
export class SettingUpdateInput {
  @Field(() => String, { nullable: true, description: 'The setting’s name.' }) @RequiredText(200) name?: string;
  @Field(() => SettingKind, { nullable: true, description: 'What the setting is.' }) @RequiredValue() kind?: SettingKind;
  @Field(() => String, { nullable: true, description: 'Ofsted URN (6 to 8 digits).' }) @Pattern(URN, URN_MESSAGE) ofstedUrn?: string | null;
  @Field(() => OfstedRating, { nullable: true, description: 'Ofsted overall effectiveness.' }) ofstedRating?: OfstedRating | null;
  @Field(() => DateScalar, { nullable: true, description: 'Date of the inspection (not in the future).' }) inspectionDate?: string | null;
  @Field(() => Int, { nullable: true, description: 'Registered places (0 to 500).' }) @WholeNumber(0, 500) registeredPlaces?: number | null;
  @Field(() => String, { nullable: true, description: 'UK postcode.' }) @Pattern(UK_POSTCODE, POSTCODE_MESSAGE) postcode?: string | null;
  @Field(() => Float, { nullable: true, description: 'Latitude (−90 to 90).' }) @Between(-90, 90, 'latitude') latitude?: number | null;
  @Field(() => Float, { nullable: true, description: 'Longitude (−180 to 180).' }) @Between(-180, 180, 'longitude') longitude?: number | null;
  @Field(() => ID, { nullable: true, description: 'The authority’s locality it lies in; null when outside.' }) localityId?: string | null;
}

@InputType({ description: 'One row of a bulk change to settings.' })
export class SettingRowUpdate {
  @Field(() => ID, { description: 'The setting.' }) id!: string;
  @Field(() => Int, { description: 'The version the client saw.' }) version!: number;
  @Field(() => SettingUpdateInput, { description: 'The new values.' }) @ValidateNested() input!: SettingUpdateInput;
}

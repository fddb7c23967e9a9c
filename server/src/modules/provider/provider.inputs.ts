import { ArrayMaxSize, IsEmail, ValidateIf, ValidateNested } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { PlacementProviderCode } from '../../common/codes/placement-provider.code';
import { ServiceCategory } from '../../common/codes/service-category.code';
import { OptionalText, Pattern, RequiredText, RequiredValue } from '../../common/validation';
import { ProviderStatus } from './provider-status';

const COMPANY_NUMBER = /^([0-9]{8}|[A-Z]{2}[0-9]{6})$/i;
const COMPANY_MESSAGE = 'must be a Companies House number: 8 digits, or 2 letters and 6 digits (e.g. 01234567, SC123456)';
const CHARITY_NUMBER = /^(\d{6,8}(-\d{1,2})?|SC0\d{5})$/i;
const CHARITY_MESSAGE = 'must be a charity number: 6 to 8 digits (e.g. 1123456), or SC0 and 5 digits in Scotland';

@InputType({ description: 'A person at a provider.' })
export class ProviderContactInput {
  @Field({ description: 'The contact’s name.' }) @RequiredText(200) name!: string;
  @Field(() => String, { nullable: true, description: 'Their role.' }) @OptionalText(200) role?: string | null;
  @Field(() => String, { nullable: true, description: 'Email address.' })
  @OptionalText(254)
  @ValidateIf((_o, v) => v !== undefined && v !== null)
  @IsEmail({}, { message: 'must be an email address' })
  email?: string | null;
  @Field(() => String, { nullable: true, description: 'Telephone number.' })
  @OptionalText(40)
  @Pattern(/^[0-9+() -]{6,40}$/, 'must be a telephone number (digits, spaces, + and brackets)')
  phone?: string | null;
}

@InputType({ description: 'A new provider.' })
export class ProviderCreateInput {
  @Field({ description: 'Registered legal name.' }) @RequiredText(200) legalName!: string;
  @Field(() => String, { nullable: true, description: 'Trading name.' }) @OptionalText(200) tradingName?: string | null;
  @Field(() => String, { nullable: true, description: 'Companies House number.' }) @Pattern(COMPANY_NUMBER, COMPANY_MESSAGE) companyNumber?: string | null;
  @Field(() => String, { nullable: true, description: 'Charity Commission number.' }) @Pattern(CHARITY_NUMBER, CHARITY_MESSAGE) charityNumber?: string | null;
  @Field(() => PlacementProviderCode, { description: 'SSDA903 placement provider code.' }) @RequiredValue() providerCode!: PlacementProviderCode;
  @Field(() => [ServiceCategory], { nullable: true, description: 'Categories of service; none when left out.' })
  @ArrayMaxSize(20)
  serviceCategories?: ServiceCategory[];
  @Field(() => [ProviderContactInput], { nullable: true, description: 'People at the provider.' })
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  contacts?: ProviderContactInput[];
  @Field(() => ProviderStatus, { nullable: true, description: 'ACTIVE when left out.' }) status?: ProviderStatus;
  @Field(() => String, { nullable: true, description: 'Free notes.' }) @OptionalText(10000) notes?: string | null;
}

@InputType({ description: 'Changes to a provider; fields left out stay as they are, null clears an optional field.' })
export class ProviderUpdateInput {
  @Field(() => String, { nullable: true, description: 'Registered legal name.' }) @RequiredText(200) legalName?: string;
  @Field(() => String, { nullable: true, description: 'Trading name.' }) @OptionalText(200) tradingName?: string | null;
  @Field(() => String, { nullable: true, description: 'Companies House number.' }) @Pattern(COMPANY_NUMBER, COMPANY_MESSAGE) companyNumber?: string | null;
  @Field(() => String, { nullable: true, description: 'Charity Commission number.' }) @Pattern(CHARITY_NUMBER, CHARITY_MESSAGE) charityNumber?: string | null;
  @Field(() => PlacementProviderCode, { nullable: true, description: 'SSDA903 placement provider code.' }) @RequiredValue() providerCode?: PlacementProviderCode;
  @Field(() => [ServiceCategory], { nullable: true, description: 'Categories of service (replaces the list).' })
  @RequiredValue()
  @ArrayMaxSize(20)
  serviceCategories?: ServiceCategory[];
  @Field(() => [ProviderContactInput], { nullable: true, description: 'People at the provider (replaces the list).' })
  @RequiredValue()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  contacts?: ProviderContactInput[];
  @Field(() => ProviderStatus, { nullable: true, description: 'Whether the authority can buy from the provider.' }) @RequiredValue() status?: ProviderStatus;
  @Field(() => String, { nullable: true, description: 'Free notes.' }) @OptionalText(10000) notes?: string | null;
}

@InputType({ description: 'One row of a bulk change: the record, the version the client saw, and its new values.' })
export class ProviderRowUpdate {
  @Field(() => ID, { description: 'The provider.' }) id!: string;
  @Field(() => Int, { description: 'The version the client saw; a different current version fails the whole batch with CONFLICT.' }) version!: number;
  @Field(() => ProviderUpdateInput, { description: 'The new values.' }) @ValidateNested() input!: ProviderUpdateInput;
}

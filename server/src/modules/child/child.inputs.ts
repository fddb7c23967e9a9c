import { Field, Float, ID, InputType } from 'type-graphql';
import { Gender } from '../../common/codes/gender.code';
import { LegalStatus } from '../../common/codes/legal-status.code';
import { Between, Pattern, RequiredText, RequiredValue, UK_POSTCODE } from '../../common/validation';
import { DateScalar } from '../../graphql/scalars/date.scalar';

const INITIALS = /^[A-Za-z]{1,4}$/;
const INITIALS_MESSAGE = 'must be 1 to 4 letters (initials only, never a name)';

@InputType({ description: 'A new child record.' })
export class ChildCreateInput {
  @Field({ description: 'Case-system reference; unique.' }) @RequiredText(50) caseReference!: string;
  @Field({ description: 'Initials only.' }) @RequiredText(4) @Pattern(INITIALS, INITIALS_MESSAGE) initials!: string;
  @Field(() => DateScalar, { description: 'Date of birth (not in the future).' }) @RequiredValue() dateOfBirth!: string;
  @Field(() => Gender, { description: 'Gender.' }) @RequiredValue() gender!: Gender;
  @Field(() => LegalStatus, { nullable: true, description: 'Legal status.' }) legalStatus?: LegalStatus | null;
  @Field(() => ID, { nullable: true, description: 'Responsible locality.' }) localityId?: string | null;
  @Field(() => String, { nullable: true, description: 'Home postcode.' }) @Pattern(UK_POSTCODE, 'must be a valid UK postcode, e.g. BH1 1AA') homePostcode?: string | null;
  @Field(() => Float, { nullable: true, description: 'Home latitude.' }) @Between(-90, 90, 'latitude') homeLatitude?: number | null;
  @Field(() => Float, { nullable: true, description: 'Home longitude.' }) @Between(-180, 180, 'longitude') homeLongitude?: number | null;
  @Field(() => Boolean, { nullable: true, description: 'Unaccompanied asylum-seeking child (false when left out).' }) uasc?: boolean;
}

@InputType({ description: 'Changes to a child record; fields left out stay as they are.' })
export class ChildUpdateInput {
  @Field(() => String, { nullable: true, description: 'Case-system reference.' }) @RequiredText(50) caseReference?: string;
  @Field(() => String, { nullable: true, description: 'Initials only.' }) @RequiredText(4) @Pattern(INITIALS, INITIALS_MESSAGE) initials?: string;
  @Field(() => DateScalar, { nullable: true, description: 'Date of birth.' }) @RequiredValue() dateOfBirth?: string;
  @Field(() => Gender, { nullable: true, description: 'Gender.' }) @RequiredValue() gender?: Gender;
  @Field(() => LegalStatus, { nullable: true, description: 'Legal status.' }) legalStatus?: LegalStatus | null;
  @Field(() => ID, { nullable: true, description: 'Responsible locality.' }) localityId?: string | null;
  @Field(() => String, { nullable: true, description: 'Home postcode.' }) @Pattern(UK_POSTCODE, 'must be a valid UK postcode, e.g. BH1 1AA') homePostcode?: string | null;
  @Field(() => Float, { nullable: true, description: 'Home latitude.' }) @Between(-90, 90, 'latitude') homeLatitude?: number | null;
  @Field(() => Float, { nullable: true, description: 'Home longitude.' }) @Between(-180, 180, 'longitude') homeLongitude?: number | null;
  @Field(() => Boolean, { nullable: true, description: 'Unaccompanied asylum-seeking child.' }) @RequiredValue() uasc?: boolean;
}

import { numericAsNumberColumn } from '../../common/columns';
import { Field, Float, ObjectType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import { ForeignKey } from '../../common/foreign-key';
import { Gender } from '../../common/codes/gender.code';
import { LegalStatus } from '../../common/codes/legal-status.code';
import { VersionedEntity } from '../../common/versioned.entity';
import { DateScalar } from '../../graphql/scalars/date.scalar';
import { Locality } from '../authority/locality.entity';


/**
 * A child in care, pseudonymous: the case system's reference and initials, never a name.
 * Readable only by roles that work with children's placements.
 */
@ObjectType({ description: 'A child in care, pseudonymous: a case-system reference and initials, never a name.' })
@Entity()
@Index('uq_child_case_reference', ['caseReference'], { unique: true })
@Index('ix_child_locality_id', ['localityId'])
export class Child extends VersionedEntity {
  @Field({ description: 'The reference of the child in the case-management system; unique.' })
  @Column({ type: 'varchar', length: 50 })
  caseReference!: string;

  @Field({ description: 'Initials only, e.g. "AB".' })
  @Column({ type: 'varchar', length: 4 })
  initials!: string;

  @Field(() => DateScalar, { description: 'Date of birth.' })
  @Column({ type: 'date' })
  dateOfBirth!: string;

  @Field(() => Gender, { description: 'Gender.' })
  @Column({ type: 'enum', enum: Gender, enumName: 'gender' })
  gender!: Gender;

  @Field(() => LegalStatus, { nullable: true, description: 'Current legal status (SSDA903 LS).' })
  @Column({ type: 'enum', enum: LegalStatus, enumName: 'legal_status', nullable: true })
  legalStatus!: LegalStatus | null;

  @ForeignKey(() => Locality, { nullable: true, description: 'The locality responsible for the child.' })
  localityId!: string | null;

  @Field(() => String, { nullable: true, description: 'Postcode of the child’s home (where they came into care from).' })
  @Column({ type: 'varchar', length: 8, nullable: true })
  homePostcode!: string | null;

  @Field(() => Float, { nullable: true, description: 'Latitude of the home.' })
  @Column({ type: 'numeric', precision: 9, scale: 6, nullable: true, transformer: numericAsNumberColumn })
  homeLatitude!: number | null;

  @Field(() => Float, { nullable: true, description: 'Longitude of the home.' })
  @Column({ type: 'numeric', precision: 9, scale: 6, nullable: true, transformer: numericAsNumberColumn })
  homeLongitude!: number | null;

  @Field({ description: 'Unaccompanied asylum-seeking child.' })
  @Column({ type: 'boolean', default: false })
  uasc!: boolean;
}

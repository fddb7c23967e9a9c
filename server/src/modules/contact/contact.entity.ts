import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, Exclusion, Index } from 'typeorm';
import { ForeignKey } from '../../common/foreign-key';
import { CancellationTerms } from '../../common/cancellation-terms';
import { hundredthsColumn, penceColumn, type Pence } from '../../common/money';
import { VersionedEntity } from '../../common/versioned.entity';
import { NATURAL_SORT } from '../../database/collation';
import { DateScalar } from '../../graphql/scalars/date.scalar';
import { DateTimeScalar } from '../../graphql/scalars/datetime.scalar';
import { DecimalScalar, MoneyScalar } from '../../graphql/scalars/money.scalar';
import { Child } from '../child/child.entity';
import { Contract } from '../contract/contract.entity';
import { Provider } from '../provider/provider.entity';
import { ContactFrequency, ContactRole, SessionStatus, SupervisionLevel } from './contact-codes';

@ObjectType({ description: 'The price of supervised contact under a contract for one supervision level over a period.' })
@Entity()
@Index('ix_contact_rate_contract_id', ['contractId', 'supervisionLevel', 'effectiveFrom'])
// One rate for a contract's supervision level on any day: periods may not overlap.
@Exclusion('ex_contact_rate_overlap', `USING gist ("contract_id" WITH =, "supervision_level" WITH =, daterange("effective_from", "effective_to", '[]') WITH &&)`)
export class ContactRate extends VersionedEntity {
  @ForeignKey(() => Contract, { description: 'The supervised-contact contract.' })
  contractId!: string;

  @Field(() => SupervisionLevel, { description: 'The supervision level priced.' })
  @Column({ type: 'enum', enum: SupervisionLevel, enumName: 'supervision_level' })
  supervisionLevel!: SupervisionLevel;

  @Field(() => MoneyScalar, { description: 'Price per hour.' })
  @Column({ type: 'bigint', transformer: penceColumn })
  hourlyRate!: Pence;

  @Field(() => MoneyScalar, { nullable: true, description: 'A charge per chargeable session for the venue, where the contract has one.' })
  @Column({ type: 'bigint', nullable: true, transformer: penceColumn })
  venueCharge!: Pence | null;

  @Field(() => CancellationTerms, { description: 'When a cancellation or no-show is chargeable, and how much.' })
  @Column(() => CancellationTerms, { prefix: 'cancellation' })
  cancellation!: CancellationTerms;

  @Field(() => DateScalar, { description: 'First day the rate applies.' })
  @Column({ type: 'date' })
  effectiveFrom!: string;

  @Field(() => DateScalar, { nullable: true, description: 'Last day the rate applies; null while open-ended.' })
  @Column({ type: 'date', nullable: true })
  effectiveTo!: string | null;
}

@ObjectType({ description: 'A child’s supervised contact arrangement: with whom (roles only), how often, how supervised, where, and who provides it.' })
@Entity()
@Index('uq_contact_arrangement_reference', ['reference'], { unique: true })
@Index('ix_contact_arrangement_child_id', ['childId'])
@Index('ix_contact_arrangement_contract_id', ['contractId'])
export class ContactArrangement extends VersionedEntity {
  @Field({ description: 'The council’s reference; unique.' })
  @Column({ type: 'varchar', length: 50, collation: NATURAL_SORT })
  reference!: string;

  @ForeignKey(() => Child, { description: 'The child.' })
  childId!: string;

  @Field(() => [ContactRole], { description: 'Who the child has contact with, by role.' })
  @Column({ type: 'enum', enum: ContactRole, enumName: 'contact_role', array: true })
  contactWith!: ContactRole[];

  @Field(() => ContactFrequency, { description: 'How often.' })
  @Column({ type: 'enum', enum: ContactFrequency, enumName: 'contact_frequency' })
  frequency!: ContactFrequency;

  @Field(() => SupervisionLevel, { description: 'How closely it is overseen.' })
  @Column({ type: 'enum', enum: SupervisionLevel, enumName: 'supervision_level' })
  supervisionLevel!: SupervisionLevel;

  @Field({ description: 'Where contact takes place (a family centre, a contact venue).' })
  @Column({ type: 'varchar', length: 200 })
  venue!: string;

  @Field(() => DecimalScalar, { description: 'Planned hours of each session.' })
  @Column({ type: 'integer', transformer: hundredthsColumn })
  sessionHours!: bigint;

  @ForeignKey(() => Provider, { nullable: true, description: 'The provider of the sessions; null until bought.' })
  providerId!: string | null;

  @ForeignKey(() => Contract, { nullable: true, description: 'The supervised-contact contract; null until bought.' })
  contractId!: string | null;

  @Field(() => DateScalar, { description: 'First day of the arrangement.' })
  @Column({ type: 'date' })
  startDate!: string;

  @Field(() => DateScalar, { nullable: true, description: 'Last day of the arrangement; null while it goes on.' })
  @Column({ type: 'date', nullable: true })
  endDate!: string | null;

  @Field(() => String, { nullable: true, description: 'Notes by officers.' })
  @Column({ type: 'text', nullable: true })
  notes!: string | null;
}

@ObjectType({ description: 'One contact session: when, how long, what happened, whether it is chargeable and what it costs.' })
@Entity()
@Index('ix_contact_session_arrangement_id', ['arrangementId', 'date'])
@Index('ix_contact_session_date', ['date'])
export class ContactSession extends VersionedEntity {
  @ForeignKey(() => ContactArrangement, { description: 'The arrangement.' })
  arrangementId!: string;

  @Field(() => DateScalar, { description: 'The day.' })
  @Column({ type: 'date' })
  date!: string;

  @Field({ description: 'Start time ("HH:MM", UK time).' })
  @Column({ type: 'varchar', length: 5 })
  startTime!: string;

  @Field(() => DecimalScalar, { description: 'Hours planned.' })
  @Column({ type: 'integer', transformer: hundredthsColumn })
  plannedHours!: bigint;

  @Field(() => DecimalScalar, { nullable: true, description: 'Hours it actually lasted (an attended session; planned hours when left out).' })
  @Column({ type: 'integer', nullable: true, transformer: hundredthsColumn })
  actualHours!: bigint | null;

  @Field(() => SessionStatus, { description: 'What happened.' })
  @Column({ type: 'enum', enum: SessionStatus, enumName: 'session_status', default: SessionStatus.PLANNED })
  status!: SessionStatus;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When it was cancelled (required for a cancellation).' })
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  cancelledAt!: Date | null;

  @Field(() => Boolean, { nullable: true, description: 'Whether it is chargeable under the contract’s terms; null while planned.' })
  @Column({ type: 'boolean', nullable: true })
  chargeable!: boolean | null;

  @Field(() => MoneyScalar, { nullable: true, description: 'Chargeable hours × hourly rate (+ the venue charge), at the contract’s percentage for a late cancellation or no-show, rounded half-up once; null without a rate for that day.' })
  @Column({ type: 'bigint', nullable: true, transformer: penceColumn })
  cost!: Pence | null;
}

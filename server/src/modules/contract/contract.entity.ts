import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import { ForeignKey } from '../../common/foreign-key';
import { NeedLevel } from '../../common/codes/need-level.code';
import { PlacementType } from '../../common/codes/placement-type.code';
import { penceColumn, type Pence } from '../../common/money';
import { VersionedEntity } from '../../common/versioned.entity';
import { NATURAL_SORT } from '../../database/collation';
import { DateScalar } from '../../graphql/scalars/date.scalar';
import { MoneyScalar } from '../../graphql/scalars/money.scalar';
import { Agreement } from '../agreement/agreement.entity';
import { Provider } from '../provider/provider.entity';
import { User } from '../user/user.entity';
import { ContractKind, ContractStatus } from './contract-codes';

@ObjectType({ description: 'A contract with a provider: a call-off (IPA), spot purchase, block, transport or supervised contact.' })
@Entity()
@Index('uq_contract_reference', ['reference'], { unique: true })
@Index('ix_contract_provider_id', ['providerId'])
@Index('ix_contract_agreement_id', ['agreementId'])
@Index('ix_contract_owner_id', ['ownerId'])
@Index('ix_contract_status_end_date', ['status', 'endDate'])
@Index('ix_contract_review_date', ['reviewDate'])
export class Contract extends VersionedEntity {
  @Field(() => ContractKind, { description: 'What the contract buys, and how.' })
  @Column({ type: 'enum', enum: ContractKind, enumName: 'contract_kind' })
  kind!: ContractKind;

  @ForeignKey(() => Provider, { description: 'The provider.' })
  providerId!: string;

  @ForeignKey(() => Agreement, { nullable: true, description: 'The framework agreement (required for a call-off).' })
  agreementId!: string | null;

  @ForeignKey(() => User, { nullable: true, description: 'The contract officer who owns the contract.' })
  ownerId!: string | null;

  @Field({ description: 'The council’s reference; unique.' })
  @Column({ type: 'varchar', length: 50 })
  reference!: string;

  @Field({ description: 'A short title, e.g. "IPA – child AB12 – Harbour Fostering".' })
  @Column({ type: 'varchar', length: 200, collation: NATURAL_SORT })
  title!: string;

  @Field(() => ContractStatus, { description: 'Where the contract is in its life.' })
  @Column({ type: 'enum', enum: ContractStatus, enumName: 'contract_status', default: ContractStatus.DRAFT })
  status!: ContractStatus;

  @Field(() => DateScalar, { description: 'First day of the contract.' })
  @Column({ type: 'date' })
  startDate!: string;

  @Field(() => DateScalar, { nullable: true, description: 'Last day of the contract; null while open-ended.' })
  @Column({ type: 'date', nullable: true })
  endDate!: string | null;

  @Field(() => String, { nullable: true, description: 'Extension options, e.g. "2 × 12 months".' })
  @Column({ type: 'varchar', length: 200, nullable: true })
  extensionOptions!: string | null;

  @Field(() => Int, { description: 'Notice period in days.' })
  @Column({ type: 'integer', default: 28 })
  noticePeriodDays!: number;

  @Field(() => MoneyScalar, { nullable: true, description: 'Ceiling value of the whole contract.' })
  @Column({ type: 'bigint', nullable: true, transformer: penceColumn })
  ceilingValue!: Pence | null;

  @Field(() => Int, { nullable: true, description: 'Places bought, for a block contract.' })
  @Column({ type: 'integer', nullable: true })
  blockPlaces!: number | null;

  @Field(() => MoneyScalar, { nullable: true, description: 'The agreed weekly fee (a placement), or the price per place per week (a block).' })
  @Column({ type: 'bigint', nullable: true, transformer: penceColumn })
  weeklyFee!: Pence | null;

  @Field(() => PlacementType, { nullable: true, description: 'For a placement contract: the SSDA903 placement type bought.' })
  @Column({ type: 'enum', enum: PlacementType, enumName: 'placement_type', nullable: true })
  placementType!: PlacementType | null;

  @Field(() => NeedLevel, { nullable: true, description: 'For a placement contract: the level of need priced.' })
  @Column({ type: 'enum', enum: NeedLevel, enumName: 'need_level', nullable: true })
  needLevel!: NeedLevel | null;

  @Field(() => Int, { nullable: true, description: 'For a placement contract: the child’s age in years at the start, which picks the rate card’s age band.' })
  @Column({ type: 'integer', nullable: true })
  childAgeAtStart!: number | null;

  @Field(() => MoneyScalar, {
    nullable: true,
    description: 'For a call-off: the agreement’s card rate for this placement at the start date, as checked when the fee was last set.',
  })
  @Column({ type: 'bigint', nullable: true, transformer: penceColumn })
  cardWeeklyFee!: Pence | null;

  @Field(() => String, { nullable: true, description: 'Why a call-off’s weekly fee is above the agreement’s card rate (required when it is).' })
  @Column({ type: 'text', nullable: true })
  feeAboveCardReason!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'When the contract is next due for review.' })
  @Column({ type: 'date', nullable: true })
  reviewDate!: string | null;

  @Field(() => String, { nullable: true, description: 'Free notes by officers.' })
  @Column({ type: 'text', nullable: true })
  notes!: string | null;
}

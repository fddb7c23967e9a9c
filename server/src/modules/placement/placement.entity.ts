import { numericAsNumberColumn } from '../../common/columns';
import { Field, Float, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Exclusion, Index, PrimaryGeneratedColumn } from 'typeorm';
import { ForeignKey } from '../../common/foreign-key';
import { PlacementType } from '../../common/codes/placement-type.code';
import { PlacementProviderCode } from '../../common/codes/placement-provider.code';
import { ReasonEnded, ReasonForChange } from '../../common/codes/placement-end.code';
import { penceColumn, type Pence } from '../../common/money';
import { VersionedEntity } from '../../common/versioned.entity';
import { DateScalar } from '../../graphql/scalars/date.scalar';
import { DateTimeScalar } from '../../graphql/scalars/datetime.scalar';
import { MoneyScalar } from '../../graphql/scalars/money.scalar';
import { Child } from '../child/child.entity';
import { Contract } from '../contract/contract.entity';
import { Provider } from '../provider/provider.entity';
import { Setting } from '../setting/setting.entity';


@ObjectType({ description: 'A child’s placement with a provider: its dates, codes and, through its fee history, its cost.' })
@Entity()
@Index('uq_placement_reference', ['reference'], { unique: true })
@Index('ix_placement_child_id', ['childId', 'startDate'])
@Index('ix_placement_provider_id', ['providerId'])
@Index('ix_placement_setting_id', ['settingId'])
@Index('ix_placement_contract_id', ['contractId'])
@Index('ix_placement_dates', ['startDate', 'endDate'])
// A child is in one placement at a time; a temporary move (T0–T4) may sit inside another.
@Exclusion('ex_placement_child_overlap', `USING gist ("child_id" WITH =, daterange("start_date", "end_date") WITH &&) WHERE ("placement_type" NOT IN ('T0', 'T1', 'T2', 'T3', 'T4'))`)
export class Placement extends VersionedEntity {
  @Field(() => String, { nullable: true, description: 'The placement’s reference in the case or finance system (unique); imports and invoices use it.' })
  @Column({ type: 'varchar', length: 50, nullable: true })
  reference!: string | null;

  @ForeignKey(() => Child, { description: 'The child.' })
  childId!: string;

  @ForeignKey(() => Provider, { description: 'The provider.' })
  providerId!: string;

  @ForeignKey(() => Setting, { nullable: true, description: 'The setting (home, agency office) the child lives at or is placed through.' })
  settingId!: string | null;

  @ForeignKey(() => Contract, { nullable: true, description: 'The contract the placement is bought under.' })
  contractId!: string | null;

  @Field(() => PlacementType, { description: 'SSDA903 placement type.' })
  @Column({ type: 'enum', enum: PlacementType, enumName: 'placement_type' })
  placementType!: PlacementType;

  @Field(() => PlacementProviderCode, { description: 'SSDA903 placement provider code.' })
  @Column({ type: 'enum', enum: PlacementProviderCode, enumName: 'placement_provider_code' })
  providerCode!: PlacementProviderCode;

  @Field(() => DateScalar, { description: 'First night of the placement.' })
  @Column({ type: 'date' })
  startDate!: string;

  @Field(() => DateScalar, { nullable: true, description: 'When the placement is planned to end.' })
  @Column({ type: 'date', nullable: true })
  plannedEndDate!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'The day the child left: that night is not part of the placement. Null while it continues.' })
  @Column({ type: 'date', nullable: true })
  endDate!: string | null;

  @Field(() => ReasonEnded, { nullable: true, description: 'Why it ended (SSDA903 REC).' })
  @Column({ type: 'enum', enum: ReasonEnded, enumName: 'reason_ended', nullable: true })
  endReason!: ReasonEnded | null;

  @Field(() => ReasonForChange, { nullable: true, description: 'The reason for the change of placement.' })
  @Column({ type: 'enum', enum: ReasonForChange, enumName: 'reason_for_change', nullable: true })
  changeReason!: ReasonForChange | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Great-circle miles between the child’s home and the setting; null when either location is not known (never zero for unknown).',
  })
  @Column({ type: 'numeric', precision: 8, scale: 2, nullable: true, transformer: numericAsNumberColumn })
  distanceMiles!: number | null;
}

@ObjectType({ description: 'A weekly fee of a placement from a date. A change adds a row; rows are never overwritten.' })
@Entity()
@Index('uq_placement_fee_date', ['placementId', 'effectiveFrom'], { unique: true })
export class PlacementFee {
  @Field(() => ID, { description: 'Unique identifier (a UUID).' })
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @ForeignKey(() => Placement, { description: 'The placement.' })
  placementId!: string;

  @Field(() => MoneyScalar, { description: 'The weekly fee.' })
  @Column({ type: 'bigint', transformer: penceColumn })
  weeklyFee!: Pence;

  @Field(() => DateScalar, { description: 'The first night it applies to.' })
  @Column({ type: 'date' })
  effectiveFrom!: string;

  @Field(() => String, { nullable: true, description: 'Why the fee changed (uplift, step-down, renegotiation).' })
  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  @Field(() => DateTimeScalar, { description: 'When the row was recorded.' })
  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;
}

export enum ServiceCharge {
  WEEKLY = 'WEEKLY',
  ONE_OFF = 'ONE_OFF',
}

registerEnumType(ServiceCharge, {
  name: 'ServiceCharge',
  description: 'How an additional service is charged.',
  valuesConfig: {
    WEEKLY: { description: 'A weekly amount for each night from its start date to its end date (the end date not included).' },
    ONE_OFF: { description: 'A single amount on its start date.' },
  },
});

@ObjectType({ description: 'A service bought on top of the core fee: 1:1 support, education, therapy.' })
@Entity()
@Index('ix_additional_service_placement_id', ['placementId'])
export class AdditionalService extends VersionedEntity {
  @ForeignKey(() => Placement, { description: 'The placement.' })
  placementId!: string;

  @Field({ description: 'What the service is.' })
  @Column({ type: 'varchar', length: 200 })
  description!: string;

  @Field(() => ServiceCharge, { description: 'Weekly or one-off.' })
  @Column({ type: 'enum', enum: ServiceCharge, enumName: 'service_charge' })
  charge!: ServiceCharge;

  @Field(() => MoneyScalar, { description: 'The weekly or one-off amount.' })
  @Column({ type: 'bigint', transformer: penceColumn })
  amount!: Pence;

  @Field(() => DateScalar, { description: 'First night (weekly) or the date of the charge (one-off).' })
  @Column({ type: 'date' })
  startDate!: string;

  @Field(() => DateScalar, { nullable: true, description: 'A weekly service’s end: that night is not charged. Null while it continues.' })
  @Column({ type: 'date', nullable: true })
  endDate!: string | null;
}

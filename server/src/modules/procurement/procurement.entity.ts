import { numericAsNumberColumn } from '../../common/columns';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { ForeignKey } from '../../common/foreign-key';
import { NeedLevel } from '../../common/codes/need-level.code';
import { PlacementType } from '../../common/codes/placement-type.code';
import { penceColumn, type Pence } from '../../common/money';
import { VersionedEntity } from '../../common/versioned.entity';
import { NATURAL_SORT } from '../../database/collation';
import { DateScalar } from '../../graphql/scalars/date.scalar';
import { DateTimeScalar } from '../../graphql/scalars/datetime.scalar';
import { MoneyScalar } from '../../graphql/scalars/money.scalar';
import { ContactArrangement } from '../contact/contact.entity';
import { Provider } from '../provider/provider.entity';
import { TransportRoute } from '../transport/route.entity';
import { RoundCategory, RoundStatus } from './procurement-codes';


@ObjectType({ description: 'One criterion of a round’s published quality scoring matrix.' })
export class ScoringCriterion {
  @Field({ description: 'What is scored, e.g. "Matching to the child’s needs".' }) criterion!: string;
  @Field(() => Int, { description: 'The most points a bid can get for it.' }) maxPoints!: number;
}

@ObjectType({ description: 'The points a bid got for one criterion.' })
export class QualityMark {
  @Field({ description: 'The criterion, as in the round’s scoring matrix.' }) criterion!: string;
  @Field(() => Int, { description: 'Points given, from 0 to the criterion’s maximum.' }) points!: number;
}

@ObjectType({ description: 'A request for quotes or mini-competition: a need, invited providers, bids, evaluation and award.' })
@Entity()
@Index('uq_procurement_round_reference', ['reference'], { unique: true })
@Index('ix_procurement_round_status', ['storedStatus', 'closesAt'])
export class ProcurementRound extends VersionedEntity {
  @Field({ description: 'The council’s reference; unique.' })
  @Column({ type: 'varchar', length: 50 })
  reference!: string;

  @Field({ description: 'A short title.' })
  @Column({ type: 'varchar', length: 200, collation: NATURAL_SORT })
  title!: string;

  @Field(() => RoundCategory, { description: 'What the round buys.' })
  @Column({ type: 'enum', enum: RoundCategory, enumName: 'round_category' })
  category!: RoundCategory;

  /** DRAFT, OPEN, AWARDED or WITHDRAWN; the GraphQL `status` also shows CLOSED. */
  @Column({ type: 'enum', enum: RoundStatus, enumName: 'round_status', default: RoundStatus.DRAFT })
  storedStatus!: RoundStatus;

  @Field(() => String, { nullable: true, description: 'The child’s case reference (placement rounds).' })
  @Column({ type: 'varchar', length: 50, nullable: true })
  childReference!: string | null;

  @Field(() => PlacementType, { nullable: true, description: 'The placement type needed.' })
  @Column({ type: 'enum', enum: PlacementType, enumName: 'placement_type', nullable: true })
  placementType!: PlacementType | null;

  @Field(() => NeedLevel, { nullable: true, description: 'The level of need.' })
  @Column({ type: 'enum', enum: NeedLevel, enumName: 'need_level', nullable: true })
  needLevel!: NeedLevel | null;

  @Field(() => Int, { nullable: true, description: 'The child’s age in years at the start.' })
  @Column({ type: 'integer', nullable: true })
  childAge!: number | null;

  @Field(() => DateScalar, { nullable: true, description: 'When the service is needed from.' })
  @Column({ type: 'date', nullable: true })
  startDate!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'The planned last day.' })
  @Column({ type: 'date', nullable: true })
  endDate!: string | null;

  @Field(() => String, { nullable: true, description: 'Postcode of where the service is needed.' })
  @Column({ type: 'varchar', length: 8, nullable: true })
  postcode!: string | null;

  @Field(() => Float, { nullable: true, description: 'Latitude of where the service is needed.' })
  @Column({ type: 'numeric', precision: 9, scale: 6, nullable: true, transformer: numericAsNumberColumn })
  latitude!: number | null;

  @Field(() => Float, { nullable: true, description: 'Longitude of where the service is needed.' })
  @Column({ type: 'numeric', precision: 9, scale: 6, nullable: true, transformer: numericAsNumberColumn })
  longitude!: number | null;

  @Field(() => Int, { nullable: true, description: 'Only providers with a setting within this many miles are suggested.' })
  @Column({ type: 'integer', nullable: true })
  radiusMiles!: number | null;

  @Field(() => String, { nullable: true, description: 'The need in words: for transport and contact, the route or schedule.' })
  @Column({ type: 'text', nullable: true })
  needDescription!: string | null;

  @ForeignKey(() => TransportRoute, { nullable: true, description: 'A transport round’s need: the route with its schedule; the award puts it under the new contract.' })
  transportRouteId!: string | null;

  @ForeignKey(() => ContactArrangement, { nullable: true, description: 'A contact round’s need: the arrangement with its schedule; the award puts it under the new contract.' })
  contactArrangementId!: string | null;

  @Field(() => DateTimeScalar, { description: 'Bids are refused from this moment.' })
  @Column({ type: 'timestamptz', precision: 3 })
  closesAt!: Date;

  @Field(() => Int, { description: 'Weight of quality in the evaluation, in percent (default 60).' })
  @Column({ type: 'integer', default: 60 })
  qualityWeight!: number;

  @Field(() => Int, { description: 'Weight of price in the evaluation, in percent (default 40); with quality it makes 100.' })
  @Column({ type: 'integer', default: 40 })
  priceWeight!: number;

  @Field(() => [ScoringCriterion], { description: 'The published quality scoring matrix.' })
  @Column({ type: 'jsonb' })
  scoringMatrix!: ScoringCriterion[];

  @Field(() => ID, { nullable: true, description: 'The officer running the round.' })
  @Column({ type: 'uuid', nullable: true })
  ownerId!: string | null;

  @Field(() => ID, { nullable: true, description: 'The winning bid, once awarded.' })
  @Column({ type: 'uuid', nullable: true })
  awardedBidId!: string | null;

  @Field(() => ID, { nullable: true, description: 'The contract the award created.' })
  @Column({ type: 'uuid', nullable: true })
  contractId!: string | null;

  @Field(() => String, { nullable: true, description: 'Why the round was withdrawn.' })
  @Column({ type: 'text', nullable: true })
  withdrawnReason!: string | null;
}

@ObjectType({ description: 'A provider invited to bid in a round.' })
@Entity()
@Index('uq_procurement_invitation', ['roundId', 'providerId'], { unique: true })
@Index('ix_procurement_invitation_provider_id', ['providerId'])
export class ProcurementInvitation {
  @Field(() => ID, { description: 'Unique identifier (a UUID).' })
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @ForeignKey(() => ProcurementRound, { description: 'The round.' })
  roundId!: string;

  @ForeignKey(() => Provider, { description: 'The provider.' })
  providerId!: string;

  @Field(() => Float, { nullable: true, description: 'Miles from the need to the provider’s nearest setting; null when not known.' })
  @Column({ type: 'numeric', precision: 8, scale: 2, nullable: true, transformer: numericAsNumberColumn })
  distanceMiles!: number | null;

  @Field(() => DateTimeScalar, { description: 'When the provider was invited.' })
  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  invitedAt!: Date;
}

@ObjectType({ description: 'A provider’s bid in a round.' })
@Entity()
@Index('uq_bid_round_provider', ['roundId', 'providerId'], { unique: true })
@Index('ix_bid_provider_id', ['providerId'])
export class Bid extends VersionedEntity {
  @ForeignKey(() => ProcurementRound, { description: 'The round.' })
  roundId!: string;

  @ForeignKey(() => Provider, { description: 'The provider that bid.' })
  providerId!: string;

  @Field(() => MoneyScalar, { description: 'The price bid: weekly fee (placement), per journey (transport) or per hour (contact).' })
  @Column({ type: 'bigint', transformer: penceColumn })
  amount!: Pence;

  @Field(() => [QualityMark], { description: 'Quality points per criterion of the scoring matrix; empty until scored.' })
  @Column({ type: 'jsonb', default: () => "'[]'" })
  qualityMarks!: QualityMark[];

  @Field(() => String, { nullable: true, description: 'Notes on the bid.' })
  @Column({ type: 'text', nullable: true })
  notes!: string | null;

  @Field(() => DateTimeScalar, { description: 'When the bid was received.' })
  @Column({ type: 'timestamptz', precision: 3 })
  submittedAt!: Date;
}

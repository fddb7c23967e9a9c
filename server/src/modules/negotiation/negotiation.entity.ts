import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { ForeignKey } from '../../common/foreign-key';
import { penceColumn, type Pence } from '../../common/money';
import { VersionedEntity } from '../../common/versioned.entity';
import { DateScalar } from '../../graphql/scalars/date.scalar';
import { DateTimeScalar } from '../../graphql/scalars/datetime.scalar';
import { MoneyScalar } from '../../graphql/scalars/money.scalar';
import { RateLine } from '../agreement/rate-line.entity';
import { Contract } from '../contract/contract.entity';
import { NegotiationStatus, OfferParty } from './negotiation-codes';

@ObjectType({ description: 'A negotiation of a weekly fee, on a contract or on a rate card line: a dated sequence of offers.' })
@Entity()
@Index('ix_negotiation_contract_id', ['contractId'])
@Index('ix_negotiation_rate_line_id', ['rateLineId'])
@Index('uq_negotiation_open_contract', ['contractId'], { unique: true, where: `"status" = 'OPEN' AND "contract_id" IS NOT NULL` })
@Index('uq_negotiation_open_rate_line', ['rateLineId'], { unique: true, where: `"status" = 'OPEN' AND "rate_line_id" IS NOT NULL` })
@Check('ck_negotiation_one_target', `("contract_id" IS NULL) <> ("rate_line_id" IS NULL)`)
export class Negotiation extends VersionedEntity {
  @ForeignKey(() => Contract, { nullable: true, description: 'The contract whose fee is negotiated.' })
  contractId!: string | null;

  @ForeignKey(() => RateLine, { nullable: true, description: 'The rate card line whose fee is negotiated.' })
  rateLineId!: string | null;

  @Field(() => NegotiationStatus, { description: 'Where it stands.' })
  @Column({ type: 'enum', enum: NegotiationStatus, enumName: 'negotiation_status', default: NegotiationStatus.OPEN })
  status!: NegotiationStatus;

  @Field(() => MoneyScalar, { nullable: true, description: 'The weekly fee agreed.' })
  @Column({ type: 'bigint', nullable: true, transformer: penceColumn })
  agreed!: Pence | null;

  @Field(() => DateScalar, { nullable: true, description: 'When it was agreed or abandoned.' })
  @Column({ type: 'date', nullable: true })
  closedOn!: string | null;

  @Field(() => String, { nullable: true, description: 'Why it was abandoned, or a note on the agreement.' })
  @Column({ type: 'text', nullable: true })
  closingNote!: string | null;
}

@ObjectType({ description: 'One offer in a negotiation. Offers are never changed or removed.' })
@Entity()
@Index('uq_negotiation_offer_sequence', ['negotiationId', 'sequence'], { unique: true })
export class NegotiationOffer {
  @Field(() => ID, { description: 'Unique identifier (a UUID).' })
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @ForeignKey(() => Negotiation, { description: 'The negotiation.' })
  negotiationId!: string;

  @Field(() => Int, { description: 'Position in the negotiation, from 1.' })
  @Column({ type: 'integer' })
  sequence!: number;

  @Field(() => DateScalar, { description: 'The date the offer was made.' })
  @Column({ type: 'date' })
  offeredOn!: string;

  @Field(() => OfferParty, { description: 'Who made it.' })
  @Column({ type: 'enum', enum: OfferParty, enumName: 'offer_party' })
  party!: OfferParty;

  @Field(() => MoneyScalar, { description: 'The weekly fee offered.' })
  @Column({ type: 'bigint', transformer: penceColumn })
  amount!: Pence;

  @Field(() => String, { nullable: true, description: 'A note on the offer.' })
  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Field(() => ID, { nullable: true, description: 'The officer who recorded it.' })
  @Column({ type: 'uuid', nullable: true })
  officerId!: string | null;

  @Field(() => DateTimeScalar, { description: 'When it was recorded.' })
  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;
}

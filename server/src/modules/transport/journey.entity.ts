import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import { ForeignKey } from '../../common/foreign-key';
import { hundredthsColumn, penceColumn, type Pence } from '../../common/money';
import { VersionedEntity } from '../../common/versioned.entity';
import { DateScalar } from '../../graphql/scalars/date.scalar';
import { DateTimeScalar } from '../../graphql/scalars/datetime.scalar';
import { DecimalScalar, MoneyScalar } from '../../graphql/scalars/money.scalar';
import { TransportRoute } from './route.entity';
import { JourneyLeg, JourneyStatus } from './transport-codes';

@ObjectType({ description: 'One journey of a route on one day, one way, and what it costs under the contract’s price schedule.' })
@Entity()
@Index('uq_transport_journey', ['routeId', 'date', 'leg'], { unique: true })
@Index('ix_transport_journey_date', ['date'])
export class TransportJourney extends VersionedEntity {
  @ForeignKey(() => TransportRoute, { description: 'The route.' })
  routeId!: string;

  @Field(() => DateScalar, { description: 'The day.' })
  @Column({ type: 'date' })
  date!: string;

  @Field(() => JourneyLeg, { description: 'Outbound or return.' })
  @Column({ type: 'enum', enum: JourneyLeg, enumName: 'journey_leg', default: JourneyLeg.OUTBOUND })
  leg!: JourneyLeg;

  @Field(() => DecimalScalar, { description: 'Miles driven (the route’s miles until changed).' })
  @Column({ type: 'integer', transformer: hundredthsColumn })
  miles!: bigint;

  @Field({ description: 'Whether an escort travelled.' })
  @Column({ type: 'boolean', default: false })
  escort!: boolean;

  @Field(() => Int, { description: 'Minutes the driver waited.' })
  @Column({ type: 'integer', default: 0 })
  waitingMinutes!: number;

  @Field(() => JourneyStatus, { description: 'What happened.' })
  @Column({ type: 'enum', enum: JourneyStatus, enumName: 'journey_status', default: JourneyStatus.PLANNED })
  status!: JourneyStatus;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When it was cancelled (required for a cancellation).' })
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  cancelledAt!: Date | null;

  @Field(() => MoneyScalar, { nullable: true, description: 'What it costs under the price schedule, rounded half-up to the penny once; null while the route has no price for that day.' })
  @Column({ type: 'bigint', nullable: true, transformer: penceColumn })
  cost!: Pence | null;
}

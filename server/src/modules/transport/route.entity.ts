import { Field, Float, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { ForeignKey } from '../../common/foreign-key';
import { numericAsNumberColumn } from '../../common/columns';
import { hundredthsColumn } from '../../common/money';
import { VersionedEntity } from '../../common/versioned.entity';
import { NATURAL_SORT } from '../../database/collation';
import { DateScalar } from '../../graphql/scalars/date.scalar';
import { DecimalScalar } from '../../graphql/scalars/money.scalar';
import { Child } from '../child/child.entity';
import { Contract } from '../contract/contract.entity';
import { JourneyPurpose, VehicleType, Weekday } from './transport-codes';

@ObjectType({ description: 'Days inside a term when the route does not run (a half-term week, an inset day); both days included.' })
export class TermBreak {
  @Field(() => DateScalar, { description: 'First day of the break.' }) from!: string;
  @Field(() => DateScalar, { description: 'Last day of the break.' }) to!: string;
}

@ObjectType({ description: 'A transport route: who travels, why, from where to where, on which days of which term, and under which contract.' })
@Entity()
@Index('uq_transport_route_reference', ['reference'], { unique: true })
@Index('ix_transport_route_contract_id', ['contractId'])
export class TransportRoute extends VersionedEntity {
  @Field({ description: 'The council’s reference; unique.' })
  @Column({ type: 'varchar', length: 50, collation: NATURAL_SORT })
  reference!: string;

  @Field(() => JourneyPurpose, { description: 'Why the children travel.' })
  @Column({ type: 'enum', enum: JourneyPurpose, enumName: 'journey_purpose' })
  purpose!: JourneyPurpose;

  @Field(() => VehicleType, { description: 'The vehicle needed; it picks the contract’s price schedule.' })
  @Column({ type: 'enum', enum: VehicleType, enumName: 'vehicle_type' })
  vehicleType!: VehicleType;

  @ForeignKey(() => Contract, { nullable: true, description: 'The transport contract that runs it; null until bought.' })
  contractId!: string | null;

  @Field({ description: 'Postcode of the start.' })
  @Column({ type: 'varchar', length: 8 })
  fromPostcode!: string;

  @Field(() => Float, { nullable: true, description: 'Latitude of the start.' })
  @Column({ type: 'numeric', precision: 9, scale: 6, nullable: true, transformer: numericAsNumberColumn })
  fromLatitude!: number | null;

  @Field(() => Float, { nullable: true, description: 'Longitude of the start.' })
  @Column({ type: 'numeric', precision: 9, scale: 6, nullable: true, transformer: numericAsNumberColumn })
  fromLongitude!: number | null;

  @Field({ description: 'Postcode of the destination.' })
  @Column({ type: 'varchar', length: 8 })
  toPostcode!: string;

  @Field(() => Float, { nullable: true, description: 'Latitude of the destination.' })
  @Column({ type: 'numeric', precision: 9, scale: 6, nullable: true, transformer: numericAsNumberColumn })
  toLatitude!: number | null;

  @Field(() => Float, { nullable: true, description: 'Longitude of the destination.' })
  @Column({ type: 'numeric', precision: 9, scale: 6, nullable: true, transformer: numericAsNumberColumn })
  toLongitude!: number | null;

  @Field(() => DecimalScalar, { description: 'Road miles one way, as planned; each journey starts with these.' })
  @Column({ type: 'integer', transformer: hundredthsColumn })
  miles!: bigint;

  @Field(() => [Weekday], { description: 'The days of the week it runs.' })
  @Column({ type: 'enum', enum: Weekday, enumName: 'weekday', array: true })
  days!: Weekday[];

  @Field({ description: 'Pick-up time of the outbound journey ("HH:MM", UK time).' })
  @Column({ type: 'varchar', length: 5 })
  pickupTime!: string;

  @Field(() => String, { nullable: true, description: 'Pick-up time of the return journey; null for one-way routes.' })
  @Column({ type: 'varchar', length: 5, nullable: true })
  returnPickupTime!: string | null;

  @Field(() => DateScalar, { description: 'First day of the term.' })
  @Column({ type: 'date' })
  termStart!: string;

  @Field(() => DateScalar, { description: 'Last day of the term.' })
  @Column({ type: 'date' })
  termEnd!: string;

  @Field(() => [TermBreak], { description: 'Breaks inside the term (half-term, inset days) when it does not run.' })
  @Column({ type: 'jsonb', default: () => "'[]'" })
  termBreaks!: TermBreak[];

  @Field({ description: 'Whether it runs on bank holidays (school routes do not).' })
  @Column({ type: 'boolean', default: false })
  runsOnBankHolidays!: boolean;

  @Field(() => String, { nullable: true, description: 'Notes by officers.' })
  @Column({ type: 'text', nullable: true })
  notes!: string | null;
}

/** The children travelling on a route; a journey's cost is shared between them. */
@Entity()
@Index('ix_transport_route_child_child_id', ['childId'])
export class TransportRouteChild {
  @PrimaryColumn({ type: 'uuid' })
  routeId!: string;

  @ManyToOne(() => TransportRoute, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'route_id' })
  route?: TransportRoute;

  @PrimaryColumn({ type: 'uuid' })
  childId!: string;

  @ManyToOne(() => Child, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'child_id' })
  child?: Child;
}

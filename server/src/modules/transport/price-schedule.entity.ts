import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Exclusion, Index } from 'typeorm';
import { ForeignKey } from '../../common/foreign-key';
import { CancellationTerms } from '../../common/cancellation-terms';
import { penceColumn, type Pence } from '../../common/money';
import { VersionedEntity } from '../../common/versioned.entity';
import { DateScalar } from '../../graphql/scalars/date.scalar';
import { MoneyScalar } from '../../graphql/scalars/money.scalar';
import { Contract } from '../contract/contract.entity';
import { PricingBasis, VehicleType } from './transport-codes';

@ObjectType({ description: 'The prices of a transport contract for one vehicle type over a period: the rate, escort, waiting and cancellation terms.' })
@Entity()
@Index('ix_transport_price_schedule_contract_id', ['contractId', 'vehicleType', 'effectiveFrom'])
// One price for a contract's vehicle type on any day: periods may not overlap.
@Exclusion('ex_transport_price_schedule_overlap', `USING gist ("contract_id" WITH =, "vehicle_type" WITH =, daterange("effective_from", "effective_to", '[]') WITH &&)`)
export class TransportPriceSchedule extends VersionedEntity {
  @ForeignKey(() => Contract, { description: 'The transport contract.' })
  contractId!: string;

  @Field(() => VehicleType, { description: 'The vehicle priced.' })
  @Column({ type: 'enum', enum: VehicleType, enumName: 'vehicle_type' })
  vehicleType!: VehicleType;

  @Field(() => PricingBasis, { description: 'How the rate charges.' })
  @Column({ type: 'enum', enum: PricingBasis, enumName: 'pricing_basis' })
  pricingBasis!: PricingBasis;

  @Field(() => MoneyScalar, { description: 'The rate: per mile, per journey, per day or per route per term, as the basis says.' })
  @Column({ type: 'bigint', transformer: penceColumn })
  rate!: Pence;

  @Field(() => MoneyScalar, { description: 'Added to each journey with an escort.' })
  @Column({ type: 'bigint', default: 0, transformer: penceColumn })
  escortRate!: Pence;

  @Field(() => MoneyScalar, { description: 'Per hour of waiting beyond the free minutes, charged by the minute.' })
  @Column({ type: 'bigint', default: 0, transformer: penceColumn })
  waitingRatePerHour!: Pence;

  @Field(() => Int, { description: 'Minutes of waiting included in the price.' })
  @Column({ type: 'integer', default: 0 })
  freeWaitingMinutes!: number;

  @Field(() => CancellationTerms, { description: 'When a cancellation is charged, and how much.' })
  @Column(() => CancellationTerms, { prefix: 'cancellation' })
  cancellation!: CancellationTerms;

  @Field(() => DateScalar, { description: 'First day these prices apply.' })
  @Column({ type: 'date' })
  effectiveFrom!: string;

  @Field(() => DateScalar, { nullable: true, description: 'Last day these prices apply; null while open-ended.' })
  @Column({ type: 'date', nullable: true })
  effectiveTo!: string | null;
}

import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import { ForeignKey } from '../../common/foreign-key';
import { NeedLevel } from '../../common/codes/need-level.code';
import { PlacementType } from '../../common/codes/placement-type.code';
import { penceColumn, type Pence } from '../../common/money';
import { VersionedEntity } from '../../common/versioned.entity';
import { DateScalar } from '../../graphql/scalars/date.scalar';
import { MoneyScalar } from '../../graphql/scalars/money.scalar';
import { Agreement } from './agreement.entity';

@ObjectType({
  description:
    'A line of an agreement’s rate card: placement type × need level × age band → weekly fee, in force from a date. ' +
    'Lines with the same effective date form one version of the card; a variation adds lines with a later date.',
})
@Entity()
@Index('ix_rate_line_lookup', ['agreementId', 'placementType', 'needLevel', 'effectiveFrom'])
export class RateLine extends VersionedEntity {
  @ForeignKey(() => Agreement, { description: 'The agreement.' })
  agreementId!: string;

  @Field(() => PlacementType, { description: 'SSDA903 placement type.' })
  @Column({ type: 'enum', enum: PlacementType, enumName: 'placement_type' })
  placementType!: PlacementType;

  @Field(() => NeedLevel, { description: 'Level of need.' })
  @Column({ type: 'enum', enum: NeedLevel, enumName: 'need_level' })
  needLevel!: NeedLevel;

  @Field(() => Int, { description: 'Youngest age in years the line applies to.' })
  @Column({ type: 'integer' })
  minAge!: number;

  @Field(() => Int, { description: 'Oldest age in years the line applies to (inclusive).' })
  @Column({ type: 'integer' })
  maxAge!: number;

  @Field(() => MoneyScalar, { description: 'Weekly fee.' })
  @Column({ type: 'bigint', transformer: penceColumn })
  weeklyFee!: Pence;

  @Field(() => DateScalar, { description: 'First day the fee applies.' })
  @Column({ type: 'date' })
  effectiveFrom!: string;
}

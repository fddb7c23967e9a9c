import { Field, Int, ObjectType } from 'type-graphql';
import { Check, Column, Entity, Index } from 'typeorm';
import { ForeignKey } from '../../common/foreign-key';
import { DateScalar } from '../../graphql/scalars/date.scalar';
import { VersionedEntity } from '../../common/versioned.entity';
import { Locality } from './locality.entity';

/**
 * A locality's child population from a date (an ONS mid-year estimate, say): the denominator of
 * the rate of children in care per 10,000. The figure in force on a date is the one with the
 * latest `effectiveFrom` on or before it; a new estimate adds a row, earlier rows stay.
 */
@ObjectType({ description: 'A locality’s population of children aged 0–17 from a date: the denominator of the rate of children in care per 10,000.' })
@Entity()
@Index('uq_locality_population_date', ['localityId', 'effectiveFrom'], { unique: true })
@Check('ck_locality_population_children', '"children" > 0')
export class LocalityPopulation extends VersionedEntity {
  @ForeignKey(() => Locality, { description: 'The locality.' })
  localityId!: string;

  @Field(() => DateScalar, { description: 'The first day the figure is in force; it stays in force until the next figure’s date.' })
  @Column({ type: 'date' })
  effectiveFrom!: string;

  @Field(() => Int, { description: 'Children aged 0 to 17 living in the locality (more than zero).' })
  @Column({ type: 'integer' })
  children!: number;

  @Field(() => String, { nullable: true, description: 'Where the figure comes from, e.g. "ONS mid-2024 population estimates".' })
  @Column({ type: 'varchar', length: 500, nullable: true })
  source!: string | null;
}

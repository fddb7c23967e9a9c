import { Field, ID, InputType, Int } from 'type-graphql';
import { OptionalText, RequiredValue, WholeNumber } from '../../common/validation';
import { DateScalar } from '../../graphql/scalars/date.scalar';

@InputType({ description: 'A locality’s child population from a date.' })
export class LocalityPopulationInput {
  @Field(() => ID, { description: 'The locality.' }) @RequiredValue() localityId!: string;
  @Field(() => DateScalar, { description: 'The first day the figure is in force (one figure per locality and date).' }) @RequiredValue() effectiveFrom!: string;
  @Field(() => Int, { description: 'Children aged 0 to 17 living in the locality: 1 to 10,000,000.' }) @RequiredValue() @WholeNumber(1, 10_000_000) children!: number;
  @Field(() => String, { nullable: true, description: 'Where the figure comes from, e.g. "ONS mid-2024 population estimates".' }) @OptionalText(500) source?: string | null;
}

@InputType({ description: 'A correction to a recorded child population; fields left out stay as they are.' })
export class LocalityPopulationUpdateInput {
  @Field(() => Int, { nullable: true, description: 'Children aged 0 to 17: 1 to 10,000,000.' }) @RequiredValue() @WholeNumber(1, 10_000_000) children?: number;
  @Field(() => String, { nullable: true, description: 'Where the figure comes from; null clears it.' }) @OptionalText(500) source?: string | null;
}

import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { PlacementProviderCode } from '../../common/codes/placement-provider.code';
import { PlacementType } from '../../common/codes/placement-type.code';
import { Section251Category } from '../../common/codes/section251.code';
import type { Pence } from '../../common/money';
import { RequiredValue } from '../../common/validation';
import { DateScalar } from '../../graphql/scalars/date.scalar';
import { MoneyScalar } from '../../graphql/scalars/money.scalar';

@ObjectType({ description: 'One month of a budget forecast (for all lines, or for one Section 251 line).' })
export class ForecastMonth {
  @Field({ description: 'The month, e.g. "2026-01".' }) month!: string;
  @Field(() => MoneyScalar, { description: 'Actual: invoice lines approved or paid whose first night is in the month, and approved or paid transport and contact by the day of the journey or session (as budgetPosition’s actual).' }) actual!: Pence;
  @Field(() => MoneyScalar, {
    description:
      'Committed: open placements’ nights in the month from asOf (or the start of the year) to their end, planned end or the year end, as budgetPosition’s committed; each placement is rounded once at each month end (its cost to that month end less its cost to the one before), so the months add up to budgetPosition’s committed to the penny. Transport and contact not yet on an approved or paid line count in the month of the journey or session.',
  })
  committed!: Pence;
  @Field(() => MoneyScalar, { description: 'What the projected new starts (see `trend`) cost in the month, by the same placement cost rule.' }) newStarts!: Pence;
  @Field(() => MoneyScalar, { description: 'actual + committed + newStarts.' }) forecast!: Pence;
  @Field(() => MoneyScalar, { description: 'The forecast from April to the end of this month.' }) cumulativeForecast!: Pence;
  @Field(() => MoneyScalar, { description: 'The budget for the year (revised where there is one, else original): the same every month.' }) budget!: Pence;
  @Field(() => MoneyScalar, { description: 'The budget spread evenly over the year: budget × months so far / 12, rounded half-up to the penny.' }) budgetToDate!: Pence;
  @Field(() => Int, { description: 'New placements the trend projects to start on the first of this month.' }) projectedStarts!: number;
  @Field(() => Int, {
    description:
      'Children in care on the night of the month’s last day: main placements (temporary moves T0–T4 aside), before asOf as recorded, from asOf on ending at their end or planned end, plus the projected new starts begun by then; each child once (on a line: children placed on that line).',
  })
  childrenInCare!: number;
}

/** A forecast’s year: actual, committed, new starts, outturn against the budget, and children in care at the year end (fields shared by the types below). */
@ObjectType({ description: 'A forecast’s year: actual, committed, new starts, outturn against the budget, and children in care at the year end.' })
export abstract class ForecastYear {
  @Field(() => MoneyScalar, { description: 'Actual over the year.' }) actual!: Pence;
  @Field(() => MoneyScalar, { description: 'Committed over the year.' }) committed!: Pence;
  @Field(() => MoneyScalar, { description: 'Cost of the projected new starts over the year.' }) newStarts!: Pence;
  @Field(() => MoneyScalar, { description: 'Forecast outturn: actual + committed + newStarts.' }) outturn!: Pence;
  @Field(() => MoneyScalar, { description: 'The budget for the year.' }) budget!: Pence;
  @Field(() => MoneyScalar, { description: 'outturn − budget (positive: overspend).' }) variance!: Pence;
  @Field(() => Int, { description: 'New placements the trend projects to start in the year.' }) projectedStarts!: number;
  @Field(() => Int, { description: 'Children in care on the night of 31 March (see ForecastMonth.childrenInCare).' }) childrenInCareAtYearEnd!: number;
}

@ObjectType({ description: 'The forecast of one Section 251 line.' })
export class ForecastCategory extends ForecastYear {
  @Field(() => Section251Category, { description: 'The Section 251 line.' }) category!: Section251Category;
  @Field(() => [ForecastMonth], { description: 'April to March.' }) months!: ForecastMonth[];
}

@ObjectType({ description: 'The forecast year of one locality.' })
export class ForecastLocality extends ForecastYear {
  @Field(() => ID, { nullable: true, description: 'The locality; null for authority-wide budget lines and children with no locality.' }) localityId!: string | null;
}

@ObjectType({
  description:
    'The trend of new starts of one locality and Section 251 line: children who came into care in the 12 months before asOf (a placement, not a temporary one, begun with no placement of the same child the night before), projected at the same rate: in the k-th month beginning on or after asOf, round-half-up(starts × k / 12) − round-half-up(starts × (k − 1) / 12) placements start on the 1st, each at the median weekly fee and running to the year end.',
})
export class NewStartsTrend {
  @Field(() => ID, { nullable: true, description: 'The children’s locality; null when they have none.' }) localityId!: string | null;
  @Field(() => Section251Category, { description: 'The Section 251 line of the starts.' }) category!: Section251Category;
  @Field(() => Int, { description: 'Starts in the 12 months before asOf.' }) startsLast12Months!: number;
  @Field(() => MoneyScalar, { description: 'Median weekly fee of those starts on their first night (percentile_cont, rounded half-up to the penny: of an even number, the mean of the middle two).' })
  medianWeeklyFee!: Pence;
  @Field(() => Int, { description: 'New placements projected to start from asOf to the year end.' }) projectedStarts!: number;
  @Field(() => MoneyScalar, { description: 'What they cost in the year.' }) cost!: Pence;
}

@ObjectType({ description: 'The forecast outturn of a financial year, month by month: actual, committed placements to their planned ends, and a trend of new starts.' })
export class BudgetForecast extends ForecastYear {
  @Field({ description: 'The financial year, e.g. "2025-26".' }) financialYear!: string;
  @Field(() => ID, { nullable: true, description: 'The locality, or null for the whole authority.' }) localityId!: string | null;
  @Field(() => DateScalar, { description: 'The date the forecast is taken on.' }) asOf!: string;
  @Field(() => [ForecastMonth], { description: 'April to March, all lines together.' }) months!: ForecastMonth[];
  @Field(() => [ForecastCategory], { description: 'Each Section 251 line with a budget or a figure, month by month.' }) categories!: ForecastCategory[];
  @Field(() => [ForecastLocality], { description: 'The year by locality (the children’s locality, the budget line’s).' }) byLocality!: ForecastLocality[];
  @Field(() => [NewStartsTrend], { description: 'The trend of new starts behind `newStarts`, by locality and line.' }) trend!: NewStartsTrend[];
}

@InputType({ description: 'A what-if move: some open placements of one type end and as many of another type, at a weekly fee, take their place.' })
export class WhatIfMoveInput {
  @Field(() => PlacementType, { description: 'The type of the placements that end (not T0–T4).' }) @RequiredValue() from!: PlacementType;
  @Field(() => PlacementType, { description: 'The type of the placements that replace them (not T0–T4).' }) @RequiredValue() to!: PlacementType;
  @Field(() => PlacementProviderCode, { nullable: true, description: 'The provider code of the replacements (PR1: the authority’s own carers); the ended placement’s when left out.' })
  toProviderCode?: PlacementProviderCode | null;
  @Field(() => Int, { description: 'How many placements move: at least 1, at most the open ones of that type left after the moves before.' }) @RequiredValue() count!: number;
  @Field(() => MoneyScalar, { description: 'The weekly fee of each replacement, not negative.' }) @RequiredValue() weeklyFee!: Pence;
  @Field(() => DateScalar, { description: 'The night the replacements start and the moved placements no longer run: within the year, not before asOf.' }) @RequiredValue() fromDate!: string;
}

@ObjectType({ description: 'What one what-if move picked.' })
export class WhatIfMoveOutcome {
  @Field(() => Int, { description: 'The move’s position in `moves`, from 0.' }) index!: number;
  @Field(() => [ID], { description: 'The placements it ends, highest weekly cost first.' }) placementIds!: string[];
  @Field(() => MoneyScalar, { description: 'Their weekly cost on fromDate (fee plus weekly services).' }) weeklyCostBefore!: Pence;
  @Field(() => MoneyScalar, { description: 'The replacements’ weekly fees: weeklyFee × count.' }) weeklyCostAfter!: Pence;
}

@ObjectType({ description: 'A budget forecast with what-if moves applied, beside the forecast without them.' })
export class WhatIf {
  @Field(() => BudgetForecast, { description: 'The forecast without the moves (budgetForecast).' }) base!: BudgetForecast;
  @Field(() => BudgetForecast, { description: 'The forecast with the moves (the trend of new starts is the base’s).' }) scenario!: BudgetForecast;
  @Field(() => MoneyScalar, { description: 'scenario.outturn − base.outturn (negative: a saving).' }) outturnDifference!: Pence;
  @Field(() => Int, { description: 'scenario.childrenInCareAtYearEnd − base.childrenInCareAtYearEnd: a move keeps its child in care to the old placement’s end, so moves alone leave it at 0.' }) childrenInCareDifference!: number;
  @Field(() => [WhatIfMoveOutcome], { description: 'What each move picked, in the order given.' }) moves!: WhatIfMoveOutcome[];
}

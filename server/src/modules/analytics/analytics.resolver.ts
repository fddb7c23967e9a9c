import { Arg, Authorized, Ctx, Field, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { In } from 'typeorm';
import { today } from '../../common/clock';
import { badInput } from '../../common/errors';
import { financialYearRange, formatFinancialYear, parseFinancialYear } from '../../common/financial-year';
import type { Pence } from '../../common/money';
import type { GraphQLContext } from '../../graphql/context';
import { DateScalar } from '../../graphql/scalars/date.scalar';
import { DecimalScalar, MoneyScalar } from '../../graphql/scalars/money.scalar';
import { runningOn, WEEKLY_COST, weeklyCostJoins } from '../budget/weekly-cost-sql';
import { Placement } from '../placement/placement.entity';
import { Role } from '../user/role';
import { careIndicatorSeries, careIndicatorsOn, MAX_SERIES_MONTHS } from './indicators.query';
import { GroupCount } from './indicators.types';
import { Scoped } from '../../graphql/operation-scope';

const READERS = [Role.ADMIN, Role.CONTRACT_OFFICER, Role.FINANCE, Role.ANALYST];

@ObjectType({ description: 'Children in care on a date: how many, the mix of care, and how far from home.' })
class CareSnapshot {
  @Field(() => DateScalar, { description: 'The date.' }) onDate!: string;
  @Field(() => Int, { description: 'Children with a placement that night (temporary moves not counted twice).' }) childrenInCare!: number;
  @Field(() => [GroupCount], { description: 'The mix of care, largest group first.' }) byGroup!: GroupCount[];
  @Field(() => Int, { description: 'Children placed more than 20 miles from home.' }) over20Miles!: number;
  @Field(() => Int, { description: 'Children placed 20 miles or less from home.' }) within20Miles!: number;
  @Field(() => Int, { description: 'Children whose distance is not known (a location is missing): never counted as near.' }) distanceNotKnown!: number;
  @Field(() => DecimalScalar, { nullable: true, description: 'Over 20 miles as a percentage of the children whose distance is known.' }) percentOver20Miles!: bigint | null;
}

@ObjectType({ description: 'Children in care on the first of a month, and the fostering mix.' })
class CareTrendPoint {
  @Field(() => DateScalar, { description: 'The first day of the month.' }) onDate!: string;
  @Field(() => Int, { description: 'Children in care that night.' }) childrenInCare!: number;
  @Field(() => Int, { description: 'In fostering with the authority’s own carers.' }) inHouseFostering!: number;
  @Field(() => Int, { description: 'In fostering through agencies.' }) ifaFostering!: number;
  @Field(() => Int, { description: 'In residential care.' }) residential!: number;
}

@ObjectType({ description: 'A placement and its weekly cost on a date.' })
class PlacementCost {
  @Field(() => Placement, { description: 'The placement.' }) placement!: Placement;
  @Field(() => MoneyScalar, { description: 'Weekly fee in force plus weekly services that night.' }) weeklyCost!: Pence;
}

@ObjectType({ description: 'What negotiations agreed in a financial year saved.' })
class SavingsSummary {
  @Field({ description: 'The financial year, e.g. "2025-26".' }) financialYear!: string;
  @Field(() => Int, { description: 'Negotiations agreed in the year.' }) negotiationsAgreed!: number;
  @Field(() => MoneyScalar, { description: 'Σ (first ask − agreed) per week.' }) savingPerWeek!: Pence;
  @Field(() => MoneyScalar, { description: 'Σ (card rate − agreed) per week, for call-offs under a rate card.' }) savingVsCardRatePerWeek!: Pence;
  @Field(() => MoneyScalar, { description: 'Σ projected savings over the contracts’ terms, each rounded once as on the negotiation.' }) projectedSaving!: Pence;
}

/** Aggregates for managers, analysts and the dashboard: every figure counted and summed in SQL. */
@Scoped('analytics')
@Resolver()
export class AnalyticsResolver {
  @Authorized(...READERS)
  @Query(() => CareSnapshot, { description: 'Children in care on a date (today when left out), the mix of care and the distance from home.' })
  async careSnapshot(@Arg('onDate', () => DateScalar, { nullable: true, description: 'The date; today when left out.' }) onDate: string | null, @Ctx() ctx: GraphQLContext): Promise<CareSnapshot> {
    // A view of the indicators: the same children, groups and distances as careIndicators.
    const figures = await careIndicatorsOn(ctx.db, onDate ?? today(), null);
    return {
      onDate: figures.onDate,
      childrenInCare: figures.childrenInCare,
      byGroup: figures.byGroup,
      over20Miles: figures.over20Miles,
      within20Miles: figures.within20Miles,
      distanceNotKnown: figures.distanceNotKnown,
      percentOver20Miles: figures.percentOver20Miles,
    };
  }

  @Authorized(...READERS)
  @Query(() => [CareTrendPoint], { description: 'Children in care and the fostering mix on the first of each month from `from` to `to` (at most 120 months).' })
  async careTrend(
    @Arg('from', () => DateScalar, { description: 'The first month (its first day counts).' }) from: string,
    @Arg('to', () => DateScalar, { description: 'The last month.' }) to: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<CareTrendPoint[]> {
    if (to < from) throw badInput('to', 'must not be before from');
    // A view of careIndicatorSeries: the same points, cut to 120 months as before.
    const points = await careIndicatorSeries(ctx.db, from, to, MAX_SERIES_MONTHS, null);
    return points.map((p) => ({ onDate: p.onDate, childrenInCare: p.childrenInCare, inHouseFostering: p.inHouseFostering, ifaFostering: p.independentFostering, residential: p.residential }));
  }

  @Authorized(...READERS)
  @Query(() => SavingsSummary, { description: 'Savings of the negotiations agreed in a financial year (by the date they were agreed).' })
  async savingsSummary(@Arg('financialYear', { description: 'e.g. "2025-26".' }) financialYear: string, @Ctx() ctx: GraphQLContext): Promise<SavingsSummary> {
    const year = parseFinancialYear(financialYear);
    const { from, to } = financialYearRange(year);
    const [row]: Array<{ agreed: number; per_week: string; vs_card: string; projected: string }> = await ctx.db.query(
      `WITH agreed AS (
         SELECT "n"."id", "n"."agreed", "c"."card_weekly_fee", "c"."start_date", "c"."end_date",
                (SELECT "o"."amount" FROM "negotiation_offer" "o" WHERE "o"."negotiation_id" = "n"."id" AND "o"."party" = 'PROVIDER' ORDER BY "o"."sequence" LIMIT 1) AS first_ask
         FROM "negotiation" "n" LEFT JOIN "contract" "c" ON "c"."id" = "n"."contract_id"
         WHERE "n"."status" = 'AGREED' AND "n"."closed_on" >= $1 AND "n"."closed_on" < $2),
       figures AS (
         SELECT first_ask - agreed AS per_week, card_weekly_fee - agreed AS vs_card,
                -- × nights / 7, rounded half away from zero, as negotiationFigures does
                CASE WHEN end_date IS NULL OR first_ask IS NULL THEN NULL
                     ELSE sign((first_ask - agreed) * (end_date - start_date + 1)) * div(abs((first_ask - agreed) * (end_date - start_date + 1)) * 2 + 7, 14) END AS projected
         FROM agreed)
       SELECT count(*)::int AS agreed, coalesce(sum(per_week), 0)::text AS per_week, coalesce(sum(vs_card), 0)::text AS vs_card, coalesce(sum(projected), 0)::text AS projected FROM figures`,
      [from, to],
    );
    return {
      financialYear: formatFinancialYear(year),
      negotiationsAgreed: row.agreed,
      savingPerWeek: BigInt(row.per_week),
      savingVsCardRatePerWeek: BigInt(row.vs_card),
      projectedSaving: BigInt(row.projected),
    };
  }

  @Authorized(...READERS)
  @Query(() => [PlacementCost], { description: 'The placements with the highest weekly cost on a date (today when left out), highest first.' })
  async highestCostPlacements(
    @Arg('onDate', () => DateScalar, { nullable: true, description: 'The date; today when left out.' }) onDate: string | null,
    @Arg('first', () => Int, { defaultValue: 10, description: 'How many (1 to 100).' }) first: number,
    @Ctx() ctx: GraphQLContext,
  ): Promise<PlacementCost[]> {
    if (first < 1 || first > 100) throw badInput('first', 'must be from 1 to 100');
    const date = onDate ?? today();
    const rows: Array<{ id: string; weekly: string }> = await ctx.db.query(
      `SELECT "p"."id", ${WEEKLY_COST}::text AS weekly
       FROM "placement" "p"
       ${weeklyCostJoins('$1::date')}
       WHERE ${runningOn('$1::date')}
       ORDER BY ${WEEKLY_COST} DESC, "p"."id" LIMIT $2`,
      [date, first],
    );
    const placements = new Map((await ctx.db.manager.findBy(Placement, { id: In(rows.map((r) => r.id)) })).map((p) => [p.id, p]));
    return rows.map((r) => ({ placement: placements.get(r.id)!, weeklyCost: BigInt(r.weekly) }));
  }
}

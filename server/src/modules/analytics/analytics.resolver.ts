import { Arg, Authorized, Ctx, Field, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { In } from 'typeorm';
import { todayIso } from '../../common/dates';
import { badInput } from '../../common/errors';
import { financialYearRange, formatFinancialYear, parseFinancialYear } from '../../common/financial-year';
import { divideRoundHalfUp, type Pence } from '../../common/money';
import type { GraphQLContext } from '../../graphql/context';
import { DateScalar } from '../../graphql/scalars/date.scalar';
import { DecimalScalar, MoneyScalar } from '../../graphql/scalars/money.scalar';
import { runningOn, WEEKLY_COST, weeklyCostJoins } from '../budget/weekly-cost-sql';
import { Placement } from '../placement/placement.entity';
import { Role } from '../user/role';
import { MAIN_PLACEMENT_ON, PLACEMENT_GROUP_SQL, PlacementGroup } from './placement-group';

const READERS = [Role.ADMIN, Role.CONTRACT_OFFICER, Role.FINANCE, Role.ANALYST];

@ObjectType({ description: 'How many children are in one group of placements.' })
class GroupCount {
  @Field(() => PlacementGroup, { description: 'The group.' }) group!: PlacementGroup;
  @Field(() => Int, { description: 'Children whose main placement is in the group.' }) children!: number;
  @Field(() => DecimalScalar, { description: 'Share of all children in care, in percent.' }) percent!: bigint;
}

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
@Resolver()
export class AnalyticsResolver {
  @Authorized(...READERS)
  @Query(() => CareSnapshot, { description: 'Children in care on a date (today when left out), the mix of care and the distance from home.' })
  async careSnapshot(@Arg('onDate', () => DateScalar, { nullable: true, description: 'The date; today when left out.' }) onDate: string | null, @Ctx() ctx: GraphQLContext): Promise<CareSnapshot> {
    const date = onDate ?? todayIso();
    const rows: Array<{ grp: string | null; children: number; over: number; within: number; unknown: number }> = await ctx.db.query(
      `WITH main AS (
         SELECT DISTINCT ON ("p"."child_id") "p"."child_id", ${PLACEMENT_GROUP_SQL} AS grp, "p"."distance_miles" AS miles
         FROM "placement" "p" WHERE ${MAIN_PLACEMENT_ON('$1::date')}
         ORDER BY "p"."child_id", "p"."start_date" DESC)
       SELECT grp, count(*)::int AS children,
              count(*) FILTER (WHERE miles > 20)::int AS over, count(*) FILTER (WHERE miles <= 20)::int AS within,
              count(*) FILTER (WHERE miles IS NULL)::int AS unknown
       FROM main GROUP BY GROUPING SETS ((grp), ()) ORDER BY grp NULLS FIRST`,
      [date],
    );
    const total = rows.find((r) => r.grp === null) ?? { children: 0, over: 0, within: 0, unknown: 0 };
    const percent = (n: number, of: number) => (of === 0 ? 0n : divideRoundHalfUp(BigInt(n) * 10000n, BigInt(of)));
    return {
      onDate: date,
      childrenInCare: total.children,
      byGroup: rows
        .filter((r) => r.grp !== null)
        .map((r) => ({ group: r.grp as PlacementGroup, children: r.children, percent: percent(r.children, total.children) }))
        .sort((a, b) => b.children - a.children || a.group.localeCompare(b.group)),
      over20Miles: total.over,
      within20Miles: total.within,
      distanceNotKnown: total.unknown,
      percentOver20Miles: total.over + total.within === 0 ? null : percent(total.over, total.over + total.within),
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
    const rows: Array<{ on_date: string; children: number; in_house: number; ifa: number; residential: number }> = await ctx.db.query(
      `WITH month AS (SELECT m::date AS d FROM generate_series(date_trunc('month', $1::date), $2::date, interval '1 month') m LIMIT 120),
       main AS (
         SELECT DISTINCT ON (month.d, "p"."child_id") month.d, ${PLACEMENT_GROUP_SQL} AS grp
         FROM month JOIN "placement" "p" ON ${MAIN_PLACEMENT_ON('month.d')}
         ORDER BY month.d, "p"."child_id", "p"."start_date" DESC)
       SELECT to_char(month.d, 'YYYY-MM-DD') AS on_date, count(main.grp)::int AS children,
              count(*) FILTER (WHERE main.grp = 'IN_HOUSE_FOSTERING')::int AS in_house,
              count(*) FILTER (WHERE main.grp = 'IFA_FOSTERING')::int AS ifa,
              count(*) FILTER (WHERE main.grp = 'RESIDENTIAL')::int AS residential
       FROM month LEFT JOIN main ON main.d = month.d GROUP BY month.d ORDER BY month.d`,
      [from, to],
    );
    return rows.map((r) => ({ onDate: r.on_date, childrenInCare: r.children, inHouseFostering: r.in_house, ifaFostering: r.ifa, residential: r.residential }));
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
    const date = onDate ?? todayIso();
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

import { Arg, Authorized, Ctx, Field, ID, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { today } from '../../common/clock';
import { financialYearRange, formatFinancialYear, parseFinancialYear } from '../../common/financial-year';
import type { Pence } from '../../common/money';
import { assertId } from '../../common/versioned-update';
import type { GraphQLContext } from '../../graphql/context';
import { DateScalar } from '../../graphql/scalars/date.scalar';
import { MoneyScalar } from '../../graphql/scalars/money.scalar';
import { COST_OF_WINDOWS } from '../budget/placement-cost-sql';
import { Role } from '../user/role';
import { Scoped } from '../../graphql/operation-scope';

@ObjectType({ description: 'What the authority spends with one provider in a financial year: placement costs by the fee histories, and what the provider invoiced.' })
class ProviderSpend {
  @Field(() => ID, { description: 'The provider.' }) providerId!: string;
  @Field({ description: 'The financial year, e.g. "2025-26".' }) financialYear!: string;
  @Field(() => DateScalar, { description: 'The date the figures are taken on: cost to date runs to it (that night not included), committed from it.' }) asOf!: string;
  @Field(() => Int, { description: 'The provider’s placements running on the night of `asOf`.' }) livePlacements!: number;
  @Field(() => MoneyScalar, { description: 'Cost of the provider’s placements for the year’s nights before `asOf`, by their fee histories and services (each placement rounded once).' })
  costToDate!: Pence;
  @Field(() => MoneyScalar, { description: 'Cost still to come in the year: open placements from `asOf` to their end, planned end or the end of the year.' })
  committed!: Pence;
  @Field(() => MoneyScalar, { description: 'Forecast for the year: costToDate + committed.' }) forecast!: Pence;
  @Field(() => Int, { description: 'Invoices from the provider with a line for the year.' }) invoices!: number;
  @Field(() => MoneyScalar, { description: 'Invoice lines for the year (by their first night, or the invoice’s period start for other items), whatever their status.' })
  invoiced!: Pence;
  @Field(() => MoneyScalar, { description: 'Of those, lines approved or paid (the budget’s actual spend).' }) approved!: Pence;
  @Field(() => MoneyScalar, { description: 'Of those, lines paid.' }) paid!: Pence;
  @Field(() => MoneyScalar, { description: 'Of those, lines disputed (amount invoiced, not the difference).' }) disputed!: Pence;
}

/** A provider's spend for its page and for analysts: every figure counted and summed in SQL. */
@Scoped('analytics')
@Resolver()
export class ProviderSpendResolver {
  @Authorized(Role.ADMIN, Role.CONTRACT_OFFICER, Role.FINANCE, Role.ANALYST)
  @Query(() => ProviderSpend, { description: 'Spend with one provider in a financial year: placement cost to date, committed and forecast, and invoiced, approved, paid and disputed.' })
  async providerSpend(
    @Arg('providerId', () => ID, { description: 'The provider.' }) providerId: string,
    @Arg('financialYear', { description: 'The financial year, e.g. "2025-26".' }) financialYear: string,
    @Arg('asOf', () => DateScalar, { nullable: true, description: 'The date the figures are taken on; today when left out.' }) asOf: string | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ProviderSpend> {
    assertId(providerId, 'providerId');
    const year = parseFinancialYear(financialYear);
    const { from, to } = financialYearRange(year);
    const date = asOf ?? today();
    const [costs]: Array<{ to_date: string; committed: string; forecast: string; live: number }> = await ctx.db.query(
      `WITH mine AS (SELECT * FROM "placement" "p" WHERE "p"."provider_id" = $1),
       win AS (
         SELECT "p"."id", NULL::text AS category, 'to_date' AS bucket,
                greatest($3::date, "p"."start_date") AS lo, least($2::date, "p"."end_date", $4::date) AS hi
         FROM mine "p"
         UNION ALL
         SELECT "p"."id", NULL::text, 'committed',
                greatest($2::date, $3::date, "p"."start_date"), least($4::date, coalesce("p"."end_date", "p"."planned_end_date", $4::date))
         FROM mine "p" WHERE "p"."end_date" IS NULL OR "p"."end_date" > $2::date),
       ${COST_OF_WINDOWS}
       SELECT coalesce(sum(cost) FILTER (WHERE bucket = 'to_date'), 0)::text AS to_date,
              coalesce(sum(cost) FILTER (WHERE bucket = 'committed'), 0)::text AS committed,
              coalesce(sum(cost), 0)::text AS forecast,
              (SELECT count(*)::int FROM mine "p" WHERE "p"."start_date" <= $2::date AND ("p"."end_date" IS NULL OR "p"."end_date" > $2::date)) AS live
       FROM cost`,
      [providerId, date, from, to],
    );
    const [invoiced]: Array<{ invoices: number; invoiced: string; approved: string; paid: string; disputed: string }> = await ctx.db.query(
      `SELECT count(DISTINCT "i"."id")::int AS invoices, coalesce(sum("il"."amount"), 0)::text AS invoiced,
              coalesce(sum("il"."amount") FILTER (WHERE "il"."status" IN ('APPROVED', 'PAID')), 0)::text AS approved,
              coalesce(sum("il"."amount") FILTER (WHERE "il"."status" = 'PAID'), 0)::text AS paid,
              coalesce(sum("il"."amount") FILTER (WHERE "il"."status" = 'DISPUTED'), 0)::text AS disputed
       FROM "invoice" "i" JOIN "invoice_line" "il" ON "il"."invoice_id" = "i"."id"
       WHERE "i"."provider_id" = $1 AND coalesce("il"."from_date", "i"."period_start") >= $2 AND coalesce("il"."from_date", "i"."period_start") < $3`,
      [providerId, from, to],
    );
    return {
      providerId,
      financialYear: formatFinancialYear(year),
      asOf: date,
      livePlacements: costs.live,
      costToDate: BigInt(costs.to_date),
      committed: BigInt(costs.committed),
      forecast: BigInt(costs.forecast),
      invoices: invoiced.invoices,
      invoiced: BigInt(invoiced.invoiced),
      approved: BigInt(invoiced.approved),
      paid: BigInt(invoiced.paid),
      disputed: BigInt(invoiced.disputed),
    };
  }
}

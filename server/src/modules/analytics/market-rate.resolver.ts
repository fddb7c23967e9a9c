import { Arg, Authorized, Ctx, Field, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { PlacementType } from '../../common/codes/placement-type.code';
import { today } from '../../common/clock';
import type { Pence } from '../../common/money';
import type { GraphQLContext } from '../../graphql/context';
import { DateScalar } from '../../graphql/scalars/date.scalar';
import { MoneyScalar } from '../../graphql/scalars/money.scalar';
import { feeInForceJoin, runningOn, WEEKLY_FEE } from '../budget/weekly-cost-sql';
import { Role } from '../user/role';
import { penceMedian } from './percentile-sql';
import { Scoped } from '../../graphql/operation-scope';

@ObjectType({ description: 'What the market charges for one placement type: the core weekly fees in force on a date of the placements running that night.' })
class MarketRate {
  @Field(() => PlacementType, { description: 'The SSDA903 placement type.' }) placementType!: PlacementType;
  @Field(() => DateScalar, { description: 'The date the fees are in force on.' }) onDate!: string;
  @Field({ description: 'Whether the authority’s own provision (PR1) is counted.' }) includesOwnProvision!: boolean;
  @Field(() => Int, { description: 'Placements counted: running that night, with a fee in force.' }) placements!: number;
  @Field(() => MoneyScalar, { nullable: true, description: 'The median weekly fee (the mean of the middle two when the count is even, rounded half-up to the penny); null when none.' })
  median!: Pence | null;
  @Field(() => MoneyScalar, { nullable: true, description: 'The lowest weekly fee; null when none.' }) lowest!: Pence | null;
  @Field(() => MoneyScalar, { nullable: true, description: 'The highest weekly fee; null when none.' }) highest!: Pence | null;
}

/** The market rate beside a negotiation: what the authority pays elsewhere for the same kind of placement, computed in SQL. */
@Scoped('analytics')
@Resolver()
export class MarketRateResolver {
  @Authorized(Role.ADMIN, Role.CONTRACT_OFFICER, Role.FINANCE, Role.ANALYST)
  @Query(() => MarketRate, {
    description:
      'The median, lowest and highest core weekly fee (additional services not included) of the placements of one type running on a date (today when left out), bought from other providers unless `includeOwnProvision`.',
  })
  async marketRate(
    @Arg('placementType', () => PlacementType, { description: 'The SSDA903 placement type, e.g. U4.' }) placementType: PlacementType,
    @Arg('onDate', () => DateScalar, { nullable: true, description: 'The date; today when left out.' }) onDate: string | null,
    @Arg('includeOwnProvision', { defaultValue: false, description: 'Count the authority’s own provision (provider code PR1) too.' }) includeOwnProvision: boolean,
    @Ctx() ctx: GraphQLContext,
  ): Promise<MarketRate> {
    const date = onDate ?? today();
    const [row]: Array<{ placements: number; median: string | null; lowest: string | null; highest: string | null }> = await ctx.db.query(
      `SELECT count(*)::int AS placements, ${penceMedian(WEEKLY_FEE)}::text AS median, min(${WEEKLY_FEE})::text AS lowest, max(${WEEKLY_FEE})::text AS highest
       FROM "placement" "p"
       ${feeInForceJoin('$2::date')}
       WHERE "p"."placement_type" = $1 AND ${runningOn('$2::date')} AND ($3 OR "p"."provider_code" <> 'PR1')`,
      [placementType, date, includeOwnProvision],
    );
    const pence = (v: string | null) => (v === null ? null : BigInt(v));
    return { placementType, onDate: date, includesOwnProvision: includeOwnProvision, placements: row.placements, median: pence(row.median), lowest: pence(row.lowest), highest: pence(row.highest) };
  }
}

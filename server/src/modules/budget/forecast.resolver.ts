import { Arg, Authorized, Ctx, ID, Query, Resolver } from 'type-graphql';
import { today } from '../../common/clock';
import { parseFinancialYear } from '../../common/financial-year';
import { assertId } from '../../common/versioned-update';
import type { GraphQLContext } from '../../graphql/context';
import { DateScalar } from '../../graphql/scalars/date.scalar';
import { Role } from '../user/role';
import { budgetForecast } from './forecast';
import { BudgetForecast, WhatIf, WhatIfMoveInput } from './forecast.types';
import { MAX_MOVES, whatIf } from './what-if';
import { Scoped } from '../../graphql/operation-scope';

const READERS = [Role.ADMIN, Role.CONTRACT_OFFICER, Role.FINANCE, Role.ANALYST];

/** The budget monitor's forecast outturn and its what-if: thin, the figures are in forecast.sql.ts. */
@Scoped('budgets')
@Resolver()
export class ForecastResolver {
  @Authorized(...READERS)
  @Query(() => BudgetForecast, {
    description:
      'The forecast outturn of a financial year, month by month from April to March, per Section 251 line and by locality: actual, committed placements to their planned ends (or the year end), and a trend of new starts from the 12 months before asOf, against the budget, with the children in care at each month end. Without new starts its outturn per line is budgetPosition’s forecast.',
  })
  async budgetForecast(
    @Arg('financialYear', { description: 'The financial year, e.g. "2025-26".' }) financialYear: string,
    @Arg('localityId', () => ID, { nullable: true, description: 'One locality; the whole authority when left out.' }) localityId: string | null,
    @Arg('asOf', () => DateScalar, { nullable: true, description: 'The date the forecast is taken on (committed spend and new starts run from it); today when left out.' }) asOf: string | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<BudgetForecast> {
    const year = parseFinancialYear(financialYear);
    if (localityId) assertId(localityId, 'localityId');
    return budgetForecast(ctx.db.manager, year, localityId, asOf ?? today());
  }

  @Authorized(...READERS)
  @Query(() => WhatIf, {
    description: `The budget forecast again with moves applied, beside the base: from each move's fromDate, its \`count\` open placements of type \`from\` with the highest weekly cost that night (ties by id; moves taken in order, none picked twice) end, and as many of type \`to\` at \`weeklyFee\` run in their place to the old ones' end, planned end or the year end. At most ${MAX_MOVES} moves.`,
  })
  async whatIf(
    @Arg('financialYear', { description: 'The financial year, e.g. "2025-26".' }) financialYear: string,
    @Arg('localityId', () => ID, { nullable: true, description: 'One locality (its placements move); the whole authority when left out.' }) localityId: string | null,
    @Arg('asOf', () => DateScalar, { nullable: true, description: 'The date the forecast is taken on; today when left out.' }) asOf: string | null,
    @Arg('moves', () => [WhatIfMoveInput], { description: `The moves, at most ${MAX_MOVES}; none gives the base twice.` }) moves: WhatIfMoveInput[],
    @Ctx() ctx: GraphQLContext,
  ): Promise<WhatIf> {
    const year = parseFinancialYear(financialYear);
    if (localityId) assertId(localityId, 'localityId');
    return whatIf(ctx.db.manager, year, localityId, asOf ?? today(), moves);
  }
}

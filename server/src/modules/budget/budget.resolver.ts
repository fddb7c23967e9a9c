import { Arg, Authorized, Ctx, Field, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { IdArg, VersionArg } from '../../common/args';
import { Section251Category } from '../../common/codes/section251.code';
import { explainConstraint } from '../../common/constraints';
import { today } from '../../common/clock';
import { badInput } from '../../common/errors';
import { formatFinancialYear, parseFinancialYear } from '../../common/financial-year';
import type { Pence } from '../../common/money';
import { inTransaction } from '../../common/transaction';
import { applyUpdate, assertId, insertAudited, lockForUpdate } from '../../common/versioned-update';
import type { GraphQLContext } from '../../graphql/context';
import { DateScalar } from '../../graphql/scalars/date.scalar';
import { DecimalScalar, MoneyScalar } from '../../graphql/scalars/money.scalar';
import { Role } from '../user/role';
import { budgetPosition, SpendSource as SpendSourceEnum } from './budget-position';
import { monthlySpend } from './expected-spend';
import { BudgetLine, BudgetStage } from './budget.entity';
import { Scoped } from '../../graphql/operation-scope';

explainConstraint('uq_budget_line', 'stage', 'this year, category and locality already have a budget at this stage; change that one');
explainConstraint('uq_budget_line_authority', 'stage', 'this year and category already have an authority-wide budget at this stage; change that one');
explainConstraint('fk_budget_line_locality_id', 'localityId', 'no locality has this id');

const BUDGET_EDITORS = [Role.ADMIN, Role.FINANCE];


@ObjectType({ description: 'Actual and committed spend of one source within a budget position line.' })
class SourceSpendLine {
  @Field(() => SpendSourceEnum, { description: 'Placements, transport or contact.' }) source!: SpendSourceEnum;
  @Field(() => MoneyScalar, { description: 'Actual from this source.' }) actual!: Pence;
  @Field(() => MoneyScalar, { description: 'Committed from this source.' }) committed!: Pence;
}

@ObjectType({ description: 'One line of the budget position: budget, actual, committed, forecast and variance.' })
class BudgetPositionLine {
  @Field(() => Section251Category, { nullable: true, description: 'The Section 251 line; null on the total line.' }) category!: Section251Category | null;
  @Field(() => [SourceSpendLine], { description: 'Actual and committed by source (placements, transport, contact); they add up to the line’s.' }) bySource!: SourceSpendLine[];
  @Field(() => MoneyScalar, { description: 'Budget (revised where there is one, else original).' }) budget!: Pence;
  @Field(() => MoneyScalar, { description: 'Actual: invoice lines approved or paid, for nights (or journeys and sessions) in the year.' }) actual!: Pence;
  @Field(() => MoneyScalar, { description: 'Committed: open placements to their end, planned end or the year end, and the year’s journeys and sessions not yet invoiced and approved.' }) committed!: Pence;
  @Field(() => MoneyScalar, { description: 'Forecast outturn = actual + committed.' }) forecast!: Pence;
  @Field(() => MoneyScalar, { description: 'Forecast − budget (positive: overspend).' }) variance!: Pence;
  @Field(() => DecimalScalar, { nullable: true, description: 'Variance as a percentage of the budget; null without a budget.' }) variancePercent!: bigint | null;
}

@ObjectType({ description: 'Budget against spend for a financial year.' })
class BudgetPosition {
  @Field({ description: 'The financial year, e.g. "2025-26".' }) financialYear!: string;
  @Field(() => ID, { nullable: true, description: 'The locality, or null for the whole authority.' }) localityId!: string | null;
  @Field(() => [BudgetPositionLine], { description: 'One line per Section 251 category with a budget or spend, then the total (category null).' }) lines!: BudgetPositionLine[];
}

@ObjectType({ description: 'The cost of placements by their fee histories in one month and budget line.' })
class MonthlySpend {
  @Field({ description: 'The month, e.g. "2026-01".' }) month!: string;
  @Field(() => Section251Category, { description: 'The Section 251 line.' }) category!: Section251Category;
  @Field(() => MoneyScalar, { description: 'The cost: the sum of one line per placement and month, each rounded once.' }) amount!: Pence;
  @Field(() => Int, { description: 'Placements with nights in the month.' }) placements!: number;
}

@ObjectType({ description: 'What placements cost by their fee histories over a financial year, by month and budget line; every total adds up to the penny.' })
class ExpectedSpend {
  @Field({ description: 'The financial year, e.g. "2025-26".' }) financialYear!: string;
  @Field(() => [MonthlySpend], { description: 'Month × category, in month order.' }) months!: MonthlySpend[];
  @Field(() => MoneyScalar, { description: 'The total for the year.' }) total!: Pence;
}

@Scoped('budgets')
@Resolver(() => BudgetLine)
export class BudgetResolver {
  @Authorized(Role.ADMIN, Role.FINANCE, Role.CONTRACT_OFFICER, Role.ANALYST)
  @Query(() => ExpectedSpend, { description: 'What placements cost by their fee histories in each month of a financial year, per Section 251 line.' })
  async expectedSpend(
    @Arg('financialYear', { description: 'The financial year, e.g. "2025-26".' }) financialYear: string,
    @Arg('localityId', () => ID, { nullable: true, description: 'One locality; the whole authority when left out.' }) localityId: string | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ExpectedSpend> {
    const year = parseFinancialYear(financialYear);
    if (localityId) assertId(localityId, 'localityId');
    const { months, total } = await monthlySpend(ctx.db.manager, year, localityId);
    return { financialYear: formatFinancialYear(year), months, total };
  }

  @Authorized(Role.ADMIN, Role.FINANCE, Role.CONTRACT_OFFICER, Role.ANALYST)
  @Query(() => BudgetPosition, { description: 'Budget, actual, committed, forecast outturn and variance per Section 251 line for a financial year.' })
  async budgetPosition(
    @Arg('financialYear', { description: 'The financial year, e.g. "2025-26".' }) financialYear: string,
    @Arg('localityId', () => ID, { nullable: true, description: 'One locality; the whole authority when left out.' }) localityId: string | null,
    @Arg('asOf', () => DateScalar, { nullable: true, description: 'The date the position is taken on (committed spend runs from it); today when left out.' }) asOf: string | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<BudgetPosition> {
    const year = parseFinancialYear(financialYear);
    if (localityId) assertId(localityId, 'localityId');
    return { financialYear: formatFinancialYear(year), localityId, lines: await budgetPosition(ctx.db.manager, year, localityId, asOf ?? today()) };
  }

  @Authorized(Role.ADMIN, Role.FINANCE, Role.CONTRACT_OFFICER, Role.ANALYST)
  @Query(() => [BudgetLine], { description: 'The budget lines of a financial year.' })
  budgetLines(@Arg('financialYear', { description: 'e.g. "2025-26".' }) financialYear: string, @Ctx() ctx: GraphQLContext) {
    return ctx.db.manager.find(BudgetLine, { where: { financialYear: parseFinancialYear(financialYear) }, order: { category: 'ASC', stage: 'ASC' } });
  }

  @Authorized(...BUDGET_EDITORS)
  @Mutation(() => BudgetLine, { description: 'Sets a budget amount for a year, category and locality at a stage (original or revised).' })
  createBudgetLine(
    @Arg('financialYear', { description: 'e.g. "2025-26".' }) financialYear: string,
    @Arg('category', () => Section251Category, { description: 'The Section 251 line.' }) category: Section251Category,
    @Arg('stage', () => BudgetStage, { description: 'Original or revised.' }) stage: BudgetStage,
    @Arg('amount', () => MoneyScalar, { description: 'The amount, not negative.' }) amount: Pence,
    @Arg('localityId', () => ID, { nullable: true, description: 'The locality; null for the whole authority.' }) localityId: string | null,
    @Ctx() ctx: GraphQLContext,
  ) {
    const year = parseFinancialYear(financialYear);
    if (amount < 0n) throw badInput('amount', 'must not be negative');
    if (localityId) assertId(localityId, 'localityId');
    return inTransaction(ctx, (tx, audit) => insertAudited(tx, audit, 'BudgetLine', BudgetLine, { financialYear: year, category, stage, amount, localityId }));
  }

  @Authorized(...BUDGET_EDITORS)
  @Mutation(() => BudgetLine, { description: 'Changes a budget amount; fails with CONFLICT when `version` is not the current one.' })
  updateBudgetLine(@IdArg() id: string, @VersionArg() version: number, @Arg('amount', () => MoneyScalar, { description: 'The new amount.' }) amount: Pence, @Ctx() ctx: GraphQLContext) {
    if (amount < 0n) throw badInput('amount', 'must not be negative');
    return inTransaction(ctx, async (tx, audit) => applyUpdate(tx, audit, 'BudgetLine', await lockForUpdate(tx, BudgetLine, 'BudgetLine', id, version), { amount }));
  }

  @FieldResolver(() => String, { description: 'The financial year written like "2025-26".' })
  financialYearLabel(@Root() line: BudgetLine) {
    return formatFinancialYear(line.financialYear);
  }
}

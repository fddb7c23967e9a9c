import { Arg, Authorized, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { addDays } from '../../common/dates';
import { today } from '../../common/clock';
import { badInput } from '../../common/errors';
import { loaderById } from '../../common/loaders';
import { SortDirection, type OrderTerm } from '../../common/pagination/ordering';
import type { GraphQLContext } from '../../graphql/context';
import { DateScalar } from '../../graphql/scalars/date.scalar';
import { Agreement } from '../agreement/agreement.entity';
import { Contract } from '../contract/contract.entity';
import type { ContractKind } from '../contract/contract-codes';
import { endOfFinancialYearExclusive } from '../placement/placement-cost';
import { Provider } from '../provider/provider.entity';
import { Role } from '../user/role';
import { PIPELINE_ORDER_SQL, PIPELINE_SQL } from './contract-pipeline.sql';
import { AnnualValueBasis, ContractPipeline, PipelineDue, PipelineItem, PipelineOrderBy, PipelineRecordType, PipelineTotal } from './contract-pipeline.types';
import { Scoped } from '../../graphql/operation-scope';

const READERS = [Role.ADMIN, Role.CONTRACT_OFFICER, Role.FINANCE, Role.ANALYST];

interface Row {
  record_type: PipelineRecordType;
  id: string;
  reference: string;
  title: string;
  provider_id: string;
  contract_kind: string | null;
  end_date: string | null;
  review_date: string | null;
  due_for: PipelineDue;
  due_date: string;
  days_left: number;
  annual_value: string | null;
  basis: AnnualValueBasis | null;
  placements: number;
  spend_at_stake: string;
  type_items: number;
  type_annual_value: string | null;
  type_spend_at_stake: string;
}

/** ORDER BY for the asked terms: empty values last whatever the direction, then by due date, reference and id so the order is stable. */
function orderSql(terms: OrderTerm[]): string {
  const parts = terms.map((t) => {
    const sql = PIPELINE_ORDER_SQL[t.field];
    return `(${sql} IS NULL), ${sql} ${t.direction === SortDirection.DESC ? 'DESC' : 'ASC'}`;
  });
  return [...parts, 'listed.due_date', 'listed.reference', 'listed.id'].join(', ');
}

/** The contract pipeline: contracts and agreements ending or due for review soon, in one SQL statement (contract-pipeline.sql.ts). */
@Scoped('analytics')
@Resolver(() => ContractPipeline)
export class ContractPipelineResolver {
  @Authorized(...READERS)
  @Query(() => ContractPipeline, {
    description:
      'Contracts and agreements ending, or contracts due for review, within `withinDays` days of a date (today when left out), with their annual value and ' +
      'the spend at stake (the committed cost of their placements), sorted as asked (by due date when left out).',
  })
  async contractPipeline(
    @Arg('withinDays', () => Int, { defaultValue: 90, description: 'The window in days, 1 to 366 (the admin offers 30, 60 and 90).' }) withinDays: number,
    @Arg('onDate', () => DateScalar, { nullable: true, description: 'The first day of the window; today when left out.' }) onDate: string | null,
    @Arg('orderBy', () => [PipelineOrderBy], { nullable: true, description: 'Sort keys in turn; by due date when left out.' }) orderBy: OrderTerm[] | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ContractPipeline> {
    if (!Number.isInteger(withinDays) || withinDays < 1 || withinDays > 366) throw badInput('withinDays', 'must be from 1 to 366 days');
    const date = onDate ?? today();
    const until = addDays(date, withinDays);
    const terms = orderBy?.length ? orderBy : [{ field: 'dueDate', direction: SortDirection.ASC }];
    const rows: Row[] = await ctx.db.query(PIPELINE_SQL(orderSql(terms)), [date, until, endOfFinancialYearExclusive(date)]);
    const items: PipelineItem[] = rows.map((r) => ({
      recordType: r.record_type,
      id: r.id,
      reference: r.reference,
      title: r.title,
      providerId: r.provider_id,
      contractKind: r.contract_kind as ContractKind | null,
      endDate: r.end_date,
      reviewDate: r.review_date,
      dueFor: r.due_for,
      dueDate: r.due_date,
      daysLeft: r.days_left,
      annualValue: r.annual_value === null ? null : BigInt(r.annual_value),
      annualValueBasis: r.basis,
      placements: r.placements,
      spendAtStake: BigInt(r.spend_at_stake),
    }));
    const totals: PipelineTotal[] = [PipelineRecordType.CONTRACT, PipelineRecordType.AGREEMENT].flatMap((type) => {
      const first = rows.find((r) => r.record_type === type);
      return first ? [{ recordType: type, items: first.type_items, annualValue: BigInt(first.type_annual_value ?? '0'), spendAtStake: BigInt(first.type_spend_at_stake) }] : [];
    });
    return { onDate: date, withinDays, until, items, totals };
  }
}

@Scoped('analytics')
@Resolver(() => PipelineItem)
export class PipelineItemResolver {
  @FieldResolver(() => Provider, { description: 'The provider.' })
  provider(@Root() item: PipelineItem, @Ctx() ctx: GraphQLContext) {
    return loaderById(ctx, Provider, 'Provider').load(item.providerId);
  }

  @FieldResolver(() => Contract, { nullable: true, description: 'The contract, for a contract line.' })
  contract(@Root() item: PipelineItem, @Ctx() ctx: GraphQLContext) {
    return item.recordType === PipelineRecordType.CONTRACT ? loaderById(ctx, Contract, 'Contract').load(item.id) : null;
  }

  @FieldResolver(() => Agreement, { nullable: true, description: 'The agreement, for an agreement line.' })
  agreement(@Root() item: PipelineItem, @Ctx() ctx: GraphQLContext) {
    return item.recordType === PipelineRecordType.AGREEMENT ? loaderById(ctx, Agreement, 'Agreement').load(item.id) : null;
  }
}

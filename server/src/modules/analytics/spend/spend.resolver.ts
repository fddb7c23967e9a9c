import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Authorized, Ctx, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import { addDays } from '../../../common/dates';
import { today } from '../../../common/clock';
import { badInput } from '../../../common/errors';
import { parseFinancialYear } from '../../../common/financial-year';
import { loaderById } from '../../../common/loaders';
import { isPathRequested } from '../../../common/pagination/requested-fields';
import { divideRoundHalfUp } from '../../../common/money';
import { assertId } from '../../../common/versioned-update';
import type { GraphQLContext } from '../../../graphql/context';
import { DateScalar } from '../../../graphql/scalars/date.scalar';
import { Locality } from '../../authority/locality.entity';
import { Provider } from '../../provider/provider.entity';
import { Setting } from '../../setting/setting.entity';
import { Role } from '../../user/role';
import { DIMENSION_FIELDS, SpendBasis, SpendDimension } from './spend-codes';
import { SPEND_DIMENSIONS } from './spend-dimensions';
import { spendSql } from './spend-sql';
import { refreshSpendSummary } from './spend-summary';
import { SpendCube, SpendFigures, SpendFilter, SpendKey } from './spend.types';
import { Scoped } from '../../../graphql/operation-scope';

const READERS = [Role.ADMIN, Role.CONTRACT_OFFICER, Role.FINANCE, Role.ANALYST];
const ID_FILTERS = new Set<keyof SpendFilter>(['localityIds', 'providerIds', 'settingIds']);
const MAX_YEARS = 20;
const SPEND_WORK_MEM = '64MB';

type Row = Record<string, string | number | null> & { grouping: number; amount: string; nights_amount: string; nights: string; units: number; placements: number; children: number; min_fee: string | null; max_fee: string | null };

function filterValues(filter: SpendFilter | null): Map<SpendDimension, string[]> {
  const values = new Map<SpendDimension, string[]>();
  if (!filter) return values;
  for (const dimension of Object.values(SpendDimension)) {
    const field = DIMENSION_FIELDS[dimension].filter;
    const list = filter[field] as string[] | undefined | null;
    if (list === undefined || list === null) continue;
    list.forEach((value, i) => {
      const name = `filter.${field}.${i}`;
      if (ID_FILTERS.has(field)) assertId(value, name);
      if (field === 'financialYears') parseFinancialYear(value, name);
      if (field === 'months' && !/^\d{4}-(0[1-9]|1[0-2])$/.test(value)) throw badInput(name, 'must be a month written like 2025-04');
    });
    values.set(dimension, list);
  }
  return values;
}

function figures(row: Row): SpendFigures {
  const amount = BigInt(row.amount);
  const nights = Number(row.nights);
  return {
    amount,
    nights,
    units: row.units,
    placements: row.placements,
    children: row.children,
    averageWeeklyCost: nights === 0 ? null : divideRoundHalfUp(BigInt(row.nights_amount) * 7n, BigInt(nights)),
    lowestWeeklyFee: row.min_fee === null ? null : BigInt(row.min_fee),
    highestWeeklyFee: row.max_fee === null ? null : BigInt(row.max_fee),
  };
}

function keyOf(row: Row, groupBy: SpendDimension[]): SpendKey {
  const key = Object.fromEntries(Object.values(DIMENSION_FIELDS).map(({ key }) => [key, null])) as Record<keyof SpendKey, unknown>;
  for (const d of groupBy) key[DIMENSION_FIELDS[d].key] = row[SPEND_DIMENSIONS[d].column];
  return key as unknown as SpendKey;
}

/** The spend cube: any of its dimensions, four bases, the total from the same rows. */
@Scoped('analytics')
@Resolver()
export class SpendResolver {
  @Authorized(...READERS)
  @Query(() => SpendCube, {
    description:
      'Spend from `from` to `to` (both days counted) grouped by any of the dimensions, on one basis: expected cost by the fee histories, or invoiced, approved or paid invoice lines. Placements, transport and supervised contact are all part of spend (transport and contact on other looked-after services). One SQL statement; the total is the sum of the groups to the penny.',
  })
  async spend(
    @Arg('groupBy', () => [SpendDimension], { description: 'The dimensions to group by, in order (none: the total only).' }) groupBy: SpendDimension[],
    @Arg('from', () => DateScalar, { description: 'First day counted.' }) from: string,
    @Arg('to', () => DateScalar, { description: 'Last day counted.' }) to: string,
    @Arg('basis', () => SpendBasis, { description: 'Which amounts to add up.' }) basis: SpendBasis,
    @Arg('filter', () => SpendFilter, { nullable: true, description: 'Which spend to count.' }) filter: SpendFilter | null,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<SpendCube> {
    if (new Set(groupBy).size !== groupBy.length) throw badInput('groupBy', 'names a dimension more than once');
    if (to < from) throw badInput('to', 'must not be before from');
    if (to >= `${Number(from.slice(0, 4)) + MAX_YEARS}${from.slice(4)}`) throw badInput('to', `must be less than ${MAX_YEARS} years after from`);
    const feeRange = ['groups', 'total'].some((part) => isPathRequested(info, [part, 'lowestWeeklyFee']) || isPathRequested(info, [part, 'highestWeeklyFee']));
    const wanted = (figure: string) => ({ groups: isPathRequested(info, ['groups', figure]), total: isPathRequested(info, ['total', figure]) });
    const counts = { placements: wanted('placements'), children: wanted('children') };
    const query = { groupBy, filter: filterValues(filter), from, toExclusive: addDays(to, 1), basis, feeRange, counts };
    const rows: Row[] = await ctx.db.transaction(async (tx) => {
      // Ten years of a cube's rows are some 40 MB to sort or hash: in memory, not in temporary files.
      await tx.query(`SET LOCAL work_mem = '${SPEND_WORK_MEM}'`);
      const summaryHorizon = await refreshSpendSummary((text, values) => tx.query(text, values), today());
      const { sql, params } = spendSql({ ...query, summaryHorizon });
      return tx.query(sql, params);
    });
    const total = rows.find((r) => r.grouping !== 0);
    return {
      from,
      to,
      basis,
      groupBy,
      groups: groupBy.length === 0 ? [] : rows.filter((r) => r.grouping === 0).map((r) => ({ key: keyOf(r, groupBy), ...figures(r) })),
      total: figures(total ?? { grouping: 1, amount: '0', nights_amount: '0', nights: '0', units: 0, placements: 0, children: 0, min_fee: null, max_fee: null }),
    };
  }
}

/** The records a spend group names, loaded in batches. */
@Scoped('analytics')
@Resolver(() => SpendKey)
export class SpendKeyResolver {
  @FieldResolver(() => Locality, { nullable: true, description: 'The locality.' })
  locality(@Root() key: SpendKey, @Ctx() ctx: GraphQLContext) {
    return key.localityId ? loaderById(ctx, Locality, 'Locality').load(key.localityId) : null;
  }

  @FieldResolver(() => Provider, { nullable: true, description: 'The provider.' })
  provider(@Root() key: SpendKey, @Ctx() ctx: GraphQLContext) {
    return key.providerId ? loaderById(ctx, Provider, 'Provider').load(key.providerId) : null;
  }

  @FieldResolver(() => Setting, { nullable: true, description: 'The setting.' })
  setting(@Root() key: SpendKey, @Ctx() ctx: GraphQLContext) {
    return key.settingId ? loaderById(ctx, Setting, 'Setting').load(key.settingId) : null;
  }
}

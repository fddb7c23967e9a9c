import { Arg, Authorized, Ctx, ID, Query, Resolver } from 'type-graphql';
import { today } from '../../common/clock';
import { badInput } from '../../common/errors';
import type { GraphQLContext } from '../../graphql/context';
import { DateScalar } from '../../graphql/scalars/date.scalar';
import { Role } from '../user/role';
import { assertLocality, careFlows, careIndicatorSeries, careIndicatorsOn, MAX_SERIES_MONTHS, monthsSpanned } from './indicators.query';
import { CareFlows, CareIndicators } from './indicators.types';
import { Scoped } from '../../graphql/operation-scope';

const READERS = [Role.ADMIN, Role.CONTRACT_OFFICER, Role.FINANCE, Role.ANALYST];

const localityArg = () => Arg('localityId', () => ID, { nullable: true, description: 'Keep to the children of one locality; the whole authority when left out.' });

/** The DfE children-looked-after indicators: on a date, month by month, and over a period. */
@Scoped('analytics')
@Resolver()
export class IndicatorsResolver {
  @Authorized(...READERS)
  @Query(() => CareIndicators, {
    description:
      'The DfE indicators of children looked after on a date (today when left out): the number in care and the rate per 10,000 children, the fostering mix, ' +
      'residential care, distance from home, three or more placements in the year, and long-term stability; overall and by locality, in one SQL statement.',
  })
  async careIndicators(
    @Arg('onDate', () => DateScalar, { nullable: true, description: 'The date (children looked after that night); today when left out.' }) onDate: string | null,
    @localityArg() localityId: string | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<CareIndicators> {
    await assertLocality(ctx.db, localityId);
    return careIndicatorsOn(ctx.db, onDate ?? today(), localityId ?? null);
  }

  @Authorized(...READERS)
  @Query(() => [CareIndicators], {
    description:
      'The same indicators as careIndicators on the first day of each month, from the month of `from` to `to` (at most 120 months), oldest first, in one SQL statement. ' +
      'Each point counts the children looked after the night of the 1st.',
  })
  async careIndicatorSeries(
    @Arg('from', () => DateScalar, { description: 'A day of the first month (the series starts on its 1st).' }) from: string,
    @Arg('to', () => DateScalar, { description: 'The last day a point may fall on: the last point is the latest 1st of a month on or before it.' }) to: string,
    @localityArg() localityId: string | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<CareIndicators[]> {
    if (to < from) throw badInput('to', 'must not be before from');
    if (monthsSpanned(from, to) > MAX_SERIES_MONTHS) throw badInput('to', `the series can cover at most ${MAX_SERIES_MONTHS} months from the month of from`);
    await assertLocality(ctx.db, localityId);
    return careIndicatorSeries(ctx.db, from, to, MAX_SERIES_MONTHS, localityId ?? null);
  }

  @Authorized(...READERS)
  @Query(() => CareFlows, {
    description:
      'What happened from `from` to `to` (both days included): children who started and ceased to be looked after with legal status and reason (REC), ' +
      'placement starts and ends with their reasons, children diverted (placements ended within 12 weeks) and children placed over 20 miles; overall and by locality.',
  })
  async careFlows(
    @Arg('from', () => DateScalar, { description: 'The first day of the period.' }) from: string,
    @Arg('to', () => DateScalar, { description: 'The last day of the period (included), e.g. 31 March for a financial year.' }) to: string,
    @localityArg() localityId: string | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<CareFlows> {
    if (to < from) throw badInput('to', 'must not be before from');
    await assertLocality(ctx.db, localityId);
    return careFlows(ctx.db, from, to, localityId ?? null);
  }
}

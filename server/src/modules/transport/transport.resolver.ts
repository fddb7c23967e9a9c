import DataLoader from 'dataloader';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Authorized, Ctx, Field, FieldResolver, ID, Info, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { ListFilter } from '../../common/list-columns';
import type { OrderTerm } from '../../common/pagination/ordering';
import { FilterArg, IdArg, InputArg, OrderByArg, VersionArg } from '../../common/args';
import { loaderById, loaderByParent } from '../../common/loaders';
import type { Pence } from '../../common/money';
import { Connection, PageArgs } from '../../common/pagination/connection';
import { isFieldRequested } from '../../common/pagination/requested-fields';
import { splitEqually } from '../../common/share-split';
import { validateRows } from '../../common/validation';
import { asSingleRow } from '../../common/errors';
import type { GraphQLContext } from '../../graphql/context';
import { MoneyScalar } from '../../graphql/scalars/money.scalar';
import { Child } from '../child/child.entity';
import { Contract } from '../contract/contract.entity';
import { CHILD_READERS, EDITORS } from '../user/role';
import { TransportJourney } from './journey.entity';
import { TransportPriceSchedule } from './price-schedule.entity';
import { TransportRoute, TransportRouteChild } from './route.entity';
import { In } from 'typeorm';
import { TransportJourneyInput, TransportJourneyRowUpdate, TransportJourneyUpdateInput, TransportPriceScheduleInput, TransportPriceScheduleUpdateInput, TransportRouteInput, TransportRouteUpdateInput } from './transport.inputs';
import { transportService } from './transport.service';
import { Scoped } from '../../graphql/operation-scope';
import { journeyList, routeList } from './transport.list';

const RouteConnection = Connection(TransportRoute, 'TransportRoute');
const JourneyConnection = Connection(TransportJourney, 'TransportJourney');

@ObjectType({ description: 'A child’s share of a journey’s cost: equal shares, the odd pence one each to the children first by case reference.' })
class JourneyShare {
  @Field(() => ID, { description: 'The child.' }) childId!: string;
  @Field(() => MoneyScalar, { description: 'The child’s share.' }) amount!: Pence;
}

@ObjectType({ description: 'What generating a term’s journeys did.' })
class TermJourneys {
  @Field(() => TransportRoute, { description: 'The route, with its new version.' }) route!: TransportRoute;
  @Field(() => Int, { description: 'Journeys created.' }) created!: number;
  @Field(() => Int, { description: 'Journeys the route already had (left as they were).' }) alreadyThere!: number;
}

@ObjectType({ description: 'A route’s journeys in figures.' })
class RouteTotals {
  @Field(() => Int, { description: 'Journeys on the route.' }) journeys!: number;
  @Field(() => MoneyScalar, { description: 'Their cost in all.' }) cost!: Pence;
}

/** A route's children in the order shares are given (case reference, then id), in one query for many routes. */
export const routeChildren = (ctx: GraphQLContext) =>
  ctx.loaders.get('TransportRoute:children', () =>
    new DataLoader<string, Child[]>(async (routeIds) => {
      const rows = await ctx.db.manager.find(TransportRouteChild, { where: { routeId: In([...routeIds]) }, relations: { child: true } });
      const byRoute = new Map<string, Child[]>(routeIds.map((id) => [id, []]));
      for (const row of rows) byRoute.get(row.routeId)?.push(row.child!);
      const order = (a: Child, b: Child) => (a.caseReference < b.caseReference ? -1 : a.caseReference > b.caseReference ? 1 : a.id < b.id ? -1 : 1);
      return routeIds.map((id) => byRoute.get(id)!.sort(order));
    }),
  );

const routeTotals = (ctx: GraphQLContext) =>
  ctx.loaders.get('TransportRoute:totals', () =>
    new DataLoader<string, RouteTotals>(async (routeIds) => {
      const rows: Array<{ routeId: string; journeys: number; cost: string }> = await ctx.db.query(
        `SELECT "route_id" AS "routeId", count(*)::int AS journeys, coalesce(sum("cost"), 0)::text AS cost FROM "transport_journey" WHERE "route_id" = ANY($1::uuid[]) GROUP BY "route_id"`,
        [routeIds],
      );
      return routeIds.map((id) => {
        const row = rows.find((r) => r.routeId === id);
        return { journeys: row?.journeys ?? 0, cost: BigInt(row?.cost ?? 0) };
      });
    }),
  );

@Scoped('transport')
@Resolver(() => TransportRoute)
export class TransportRouteResolver {
  @Authorized(...CHILD_READERS)
  @Query(() => TransportRoute, { nullable: true, description: 'One transport route by id.' })
  transportRoute(@IdArg() id: string, @Ctx() ctx: GraphQLContext) {
    return transportService.routes.get(ctx, id);
  }

  @Authorized(...CHILD_READERS)
  @Query(() => RouteConnection, { description: 'Transport routes, by reference unless `orderBy` says otherwise.' })
  transportRoutes(
    @Args() page: PageArgs,
    @FilterArg(() => routeList.Filter) filter: ListFilter | null,
    @OrderByArg(() => routeList.OrderBy) orderBy: OrderTerm[] | null,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return transportService.routes.list(ctx, { ...page, filter, orderBy }, isFieldRequested(info, 'totalCount'));
  }

  @Authorized(...EDITORS)
  @Mutation(() => TransportRoute, { description: 'Records a transport route: its children, purpose, places, days and term.' })
  createTransportRoute(@InputArg(() => TransportRouteInput, 'The route.') input: TransportRouteInput, @Ctx() ctx: GraphQLContext) {
    return transportService.createRoute(ctx, input);
  }

  @Authorized(...EDITORS)
  @Mutation(() => TransportRoute, { description: 'Changes a route; its journeys must still fit its days and term. Journeys are priced again.' })
  updateTransportRoute(@IdArg() id: string, @VersionArg() version: number, @InputArg(() => TransportRouteUpdateInput, 'The changes.') input: TransportRouteUpdateInput, @Ctx() ctx: GraphQLContext) {
    return transportService.updateRoute(ctx, id, version, input);
  }

  @Authorized(...EDITORS)
  @Mutation(() => TransportRoute, { description: 'Adds journeys to a route, all or nothing: each on a day the route runs; errors name `journeys.N.field`.' })
  addTransportJourneys(
    @IdArg('routeId', 'the route') routeId: string,
    @VersionArg() version: number,
    @Arg('journeys', () => [TransportJourneyInput], { validate: false, description: 'The journeys (1 to 1,000).' }) journeys: TransportJourneyInput[],
    @Ctx() ctx: GraphQLContext,
  ) {
    return validateRows(journeys, 'journeys').then(() => transportService.addJourneys(ctx, routeId, version, journeys));
  }

  @Authorized(...EDITORS)
  @Mutation(() => TermJourneys, {
    description: 'Creates the journeys of every day the route runs in its term (its days of the week, less breaks and, unless it runs on them, bank holidays), outbound and return, leaving journeys already there as they are. One transaction.',
  })
  generateTermJourneys(@IdArg('routeId', 'the route') routeId: string, @VersionArg() version: number, @Ctx() ctx: GraphQLContext) {
    return transportService.generateTermJourneys(ctx, routeId, version);
  }

  @FieldResolver(() => [ID], { description: 'The children travelling, by case reference.' })
  async childIds(@Root() route: TransportRoute, @Ctx() ctx: GraphQLContext) {
    return (await routeChildren(ctx).load(route.id)).map((c) => c.id);
  }

  @FieldResolver(() => [Child], { description: 'The children travelling, by case reference.' })
  children(@Root() route: TransportRoute, @Ctx() ctx: GraphQLContext) {
    return routeChildren(ctx).load(route.id);
  }

  @FieldResolver(() => Contract, { nullable: true, description: 'The transport contract.' })
  contract(@Root() route: TransportRoute, @Ctx() ctx: GraphQLContext) {
    return route.contractId ? loaderById(ctx, Contract, 'Contract').load(route.contractId) : null;
  }

  @FieldResolver(() => RouteTotals, { description: 'How many journeys the route has and what they cost.' })
  totals(@Root() route: TransportRoute, @Ctx() ctx: GraphQLContext) {
    return routeTotals(ctx).load(route.id);
  }
}

@Scoped('transport')
@Resolver(() => TransportJourney)
export class TransportJourneyResolver {
  @Authorized(...CHILD_READERS)
  @Query(() => JourneyConnection, { description: 'Transport journeys, by date unless `orderBy` says otherwise.' })
  transportJourneys(
    @Args() page: PageArgs,
    @FilterArg(() => journeyList.Filter) filter: ListFilter | null,
    @OrderByArg(() => journeyList.OrderBy) orderBy: OrderTerm[] | null,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return transportService.journeys.list(ctx, { ...page, filter, orderBy }, isFieldRequested(info, 'totalCount'));
  }

  @Authorized(...CHILD_READERS)
  @Query(() => TransportJourney, { nullable: true, description: 'One journey by id.' })
  transportJourney(@IdArg() id: string, @Ctx() ctx: GraphQLContext) {
    return transportService.journeys.get(ctx, id);
  }

  @Authorized(...EDITORS)
  @Mutation(() => [TransportJourney], {
    description: 'Changes many journeys at once (completed, cancelled, miles, escort, waiting), all or nothing; an error names the row (`index`) and field. Costs are worked out again.',
  })
  updateTransportJourneyRows(
    @Arg('rows', () => [TransportJourneyRowUpdate], { validate: false, description: 'One entry per journey: its id, the version you loaded and its changes (1 to 1,000).' }) rows: TransportJourneyRowUpdate[],
    @Ctx() ctx: GraphQLContext,
  ) {
    return validateRows(rows).then(() => transportService.updateJourneys(ctx, rows));
  }

  @Authorized(...EDITORS)
  @Mutation(() => TransportJourney, { description: 'Changes one journey; fails with CONFLICT when `version` is not the current one. Costs are worked out again.' })
  async updateTransportJourney(@IdArg() id: string, @VersionArg() version: number, @InputArg(() => TransportJourneyUpdateInput, 'The changes.') input: TransportJourneyUpdateInput, @Ctx() ctx: GraphQLContext) {
    return asSingleRow(() => transportService.updateJourneys(ctx, [{ id, version, input }]));
  }

  @FieldResolver(() => TransportRoute, { description: 'The route.' })
  route(@Root() journey: TransportJourney, @Ctx() ctx: GraphQLContext) {
    return loaderById(ctx, TransportRoute, 'TransportRoute').load(journey.routeId);
  }

  @FieldResolver(() => [JourneyShare], { description: 'The cost shared between the route’s children; the shares add up to the cost to the penny. Empty while not priced.' })
  async shares(@Root() journey: TransportJourney, @Ctx() ctx: GraphQLContext): Promise<JourneyShare[]> {
    if (journey.cost === null) return [];
    const children = await routeChildren(ctx).load(journey.routeId);
    const amounts = splitEqually(journey.cost, children.length);
    return children.map((child, i) => ({ childId: child.id, amount: amounts[i] }));
  }
}

@Scoped('transport')
@Resolver(() => TransportPriceSchedule)
export class TransportPriceScheduleResolver {
  @Authorized(...EDITORS)
  @Mutation(() => TransportPriceSchedule, {
    description: 'Adds a price schedule to a transport contract for one vehicle type; its period may not overlap another of the same vehicle type. Journeys it covers are priced again.',
  })
  createTransportPriceSchedule(@InputArg(() => TransportPriceScheduleInput, 'The schedule.') input: TransportPriceScheduleInput, @Ctx() ctx: GraphQLContext) {
    return transportService.createSchedule(ctx, input);
  }

  @Authorized(...EDITORS)
  @Mutation(() => TransportPriceSchedule, { description: 'Changes a price schedule; fails with CONFLICT when `version` is not the current one. Journeys are priced again.' })
  updateTransportPriceSchedule(
    @IdArg() id: string,
    @VersionArg() version: number,
    @InputArg(() => TransportPriceScheduleUpdateInput, 'The changes.') input: TransportPriceScheduleUpdateInput,
    @Ctx() ctx: GraphQLContext,
  ) {
    return transportService.updateSchedule(ctx, id, version, input);
  }
}

@Scoped('transport')
@Resolver(() => Contract)
export class ContractTransportResolver {
  @FieldResolver(() => [TransportPriceSchedule], { description: 'A transport contract’s price schedules, by vehicle type and date.' })
  priceSchedules(@Root() contract: Contract, @Ctx() ctx: GraphQLContext) {
    return loaderByParent(ctx, TransportPriceSchedule, 'TransportPriceSchedule', 'contractId', { order: { vehicleType: 'ASC', effectiveFrom: 'ASC' } }).load(contract.id);
  }
}

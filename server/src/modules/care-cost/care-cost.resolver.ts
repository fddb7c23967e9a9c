import { Arg, Authorized, Ctx, Field, ID, ObjectType, Query, Resolver } from 'type-graphql';
import { IdArg } from '../../common/args';
import { badInput } from '../../common/errors';
import type { Pence } from '../../common/money';
import { assertId } from '../../common/versioned-update';
import type { GraphQLContext } from '../../graphql/context';
import { DateScalar } from '../../graphql/scalars/date.scalar';
import { MoneyScalar } from '../../graphql/scalars/money.scalar';
import { SpendSource } from '../budget/budget-position';
import { Child } from '../child/child.entity';
import { CHILD_READERS } from '../user/role';
import { careCosts } from './care-costs';
import { Scoped } from '../../graphql/operation-scope';

@ObjectType({ description: 'One part of a child’s care cost: a placement, a transport route (the child’s share) or a contact arrangement.' })
class CareCostLine {
  @Field(() => SpendSource, { description: 'Placements, transport or contact.' }) source!: SpendSource;
  @Field(() => ID, { description: 'The placement, route or arrangement.' }) id!: string;
  @Field(() => String, { nullable: true, description: 'Its reference.' }) reference!: string | null;
  @Field(() => MoneyScalar, { description: 'Its cost over the period.' }) amount!: Pence;
}

@ObjectType({ description: 'The whole cost of a child’s care over a period, with its breakdown; the parts add up to the total to the penny.' })
class CareCosts {
  @Field(() => ID, { description: 'The child.' }) childId!: string;
  @Field(() => DateScalar, { description: 'First day.' }) from!: string;
  @Field(() => DateScalar, { description: 'The day after the last day.' }) to!: string;
  @Field(() => MoneyScalar, { description: 'Placements: fee history and additional services, rounded once per placement.' }) placements!: Pence;
  @Field(() => MoneyScalar, { description: 'Transport: the child’s shares of journeys.' }) transport!: Pence;
  @Field(() => MoneyScalar, { description: 'Contact sessions.' }) contact!: Pence;
  @Field(() => MoneyScalar, { description: 'placements + transport + contact.' }) total!: Pence;
  @Field(() => [CareCostLine], { description: 'Each placement, route and arrangement with its cost.' }) lines!: CareCostLine[];
}

@Scoped('placements')
@Resolver()
export class CareCostResolver {
  @Authorized(...CHILD_READERS)
  @Query(() => CareCosts, { nullable: true, description: 'What a child’s care costs from `from` up to (not including) `to`: placements + transport + contact, by the contracts’ prices. Null when there is no such child.' })
  async careCosts(
    @IdArg('childId', 'the child') childId: string,
    @Arg('from', () => DateScalar, { description: 'First day.' }) from: string,
    @Arg('to', () => DateScalar, { description: 'The day after the last day (a year: 2025-04-01 to 2026-04-01).' }) to: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<CareCosts | null> {
    assertId(childId, 'childId');
    if (to <= from) throw badInput('to', 'must be after from');
    if (!(await ctx.db.manager.existsBy(Child, { id: childId }))) return null;
    return { childId, from, to, ...(await careCosts(ctx.db.manager, childId, from, to)) };
  }
}

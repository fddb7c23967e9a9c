import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Authorized, Ctx, Field, FieldResolver, Info, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { ListFilter } from '../../common/list-columns';
import type { OrderTerm } from '../../common/pagination/ordering';
import { FilterArg, IdArg, InputArg, OrderByArg, VersionArg } from '../../common/args';
import { loaderById, loaderByParent } from '../../common/loaders';
import { Connection, PageArgs } from '../../common/pagination/connection';
import { isFieldRequested } from '../../common/pagination/requested-fields';
import { validateRows } from '../../common/validation';
import { asSingleRow } from '../../common/errors';
import type { GraphQLContext } from '../../graphql/context';
import { DecimalScalar } from '../../graphql/scalars/money.scalar';
import { Int } from 'type-graphql';
import { Child } from '../child/child.entity';
import { Contract } from '../contract/contract.entity';
import { Provider } from '../provider/provider.entity';
import { CHILD_READERS, EDITORS } from '../user/role';
import { ContactArrangement, ContactRate, ContactSession } from './contact.entity';
import { ContactArrangementInput, ContactArrangementUpdateInput, ContactRateInput, ContactSessionInput, ContactSessionRowUpdate, ContactSessionUpdateInput } from './contact.inputs';
import { contactService } from './contact.service';
import { sessionCharge } from './session-cost';
import { effectiveOn } from '../../common/effective-period';
import { Scoped } from '../../graphql/operation-scope';
import { arrangementList, sessionList } from './contact.list';

const ArrangementConnection = Connection(ContactArrangement, 'ContactArrangement');
const SessionConnection = Connection(ContactSession, 'ContactSession');

@ObjectType({ description: 'How a session’s cost was worked out.' })
class SessionChargeFigures {
  @Field(() => DecimalScalar, { description: 'Hours the charge is worked on (actual for an attended session, planned for a late cancellation or no-show; 0 when not chargeable).' }) chargeableHours!: bigint;
  @Field(() => Int, { description: 'Percentage of hours × rate (+ venue) charged.' }) percent!: number;
}

@Scoped('contact')
@Resolver(() => ContactArrangement)
export class ContactArrangementResolver {
  @Authorized(...CHILD_READERS)
  @Query(() => ContactArrangement, { nullable: true, description: 'One contact arrangement by id.' })
  contactArrangement(@IdArg() id: string, @Ctx() ctx: GraphQLContext) {
    return contactService.arrangements.get(ctx, id);
  }

  @Authorized(...CHILD_READERS)
  @Query(() => ArrangementConnection, { description: 'Contact arrangements, by reference unless `orderBy` says otherwise.' })
  contactArrangements(
    @Args() page: PageArgs,
    @FilterArg(() => arrangementList.Filter) filter: ListFilter | null,
    @OrderByArg(() => arrangementList.OrderBy) orderBy: OrderTerm[] | null,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return contactService.arrangements.list(ctx, { ...page, filter, orderBy }, isFieldRequested(info, 'totalCount'));
  }

  @Authorized(...EDITORS)
  @Mutation(() => ContactArrangement, { description: 'Records a child’s contact arrangement.' })
  createContactArrangement(@InputArg(() => ContactArrangementInput, 'The arrangement.') input: ContactArrangementInput, @Ctx() ctx: GraphQLContext) {
    return contactService.createArrangement(ctx, input);
  }

  @Authorized(...EDITORS)
  @Mutation(() => ContactArrangement, { description: 'Changes an arrangement (ending it included); sessions must stay inside it. Sessions are priced again.' })
  updateContactArrangement(@IdArg() id: string, @VersionArg() version: number, @InputArg(() => ContactArrangementUpdateInput, 'The changes.') input: ContactArrangementUpdateInput, @Ctx() ctx: GraphQLContext) {
    return contactService.updateArrangement(ctx, id, version, input);
  }

  @Authorized(...EDITORS)
  @Mutation(() => ContactArrangement, { description: 'Adds sessions to an arrangement, all or nothing; errors name `sessions.N.field`.' })
  addContactSessions(
    @IdArg('arrangementId', 'the arrangement') arrangementId: string,
    @VersionArg() version: number,
    @Arg('sessions', () => [ContactSessionInput], { validate: false, description: 'The sessions (1 to 1,000).' }) sessions: ContactSessionInput[],
    @Ctx() ctx: GraphQLContext,
  ) {
    return validateRows(sessions, 'sessions').then(() => contactService.addSessions(ctx, arrangementId, version, sessions));
  }

  @FieldResolver(() => Child, { description: 'The child.' })
  child(@Root() a: ContactArrangement, @Ctx() ctx: GraphQLContext) {
    return loaderById(ctx, Child, 'Child').load(a.childId);
  }

  @FieldResolver(() => Provider, { nullable: true, description: 'The provider.' })
  provider(@Root() a: ContactArrangement, @Ctx() ctx: GraphQLContext) {
    return a.providerId ? loaderById(ctx, Provider, 'Provider').load(a.providerId) : null;
  }

  @FieldResolver(() => Contract, { nullable: true, description: 'The contract.' })
  contract(@Root() a: ContactArrangement, @Ctx() ctx: GraphQLContext) {
    return a.contractId ? loaderById(ctx, Contract, 'Contract').load(a.contractId) : null;
  }
}

@Scoped('contact')
@Resolver(() => ContactSession)
export class ContactSessionResolver {
  @Authorized(...CHILD_READERS)
  @Query(() => SessionConnection, { description: 'Contact sessions, by date unless `orderBy` says otherwise.' })
  contactSessions(
    @Args() page: PageArgs,
    @FilterArg(() => sessionList.Filter) filter: ListFilter | null,
    @OrderByArg(() => sessionList.OrderBy) orderBy: OrderTerm[] | null,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return contactService.sessions.list(ctx, { ...page, filter, orderBy }, isFieldRequested(info, 'totalCount'));
  }

  @Authorized(...CHILD_READERS)
  @Query(() => ContactSession, { nullable: true, description: 'One session by id.' })
  contactSession(@IdArg() id: string, @Ctx() ctx: GraphQLContext) {
    return contactService.sessions.get(ctx, id);
  }

  @Authorized(...EDITORS)
  @Mutation(() => [ContactSession], {
    description: 'Records what happened to many sessions at once (attended, cancelled, hours), all or nothing; an error names the row (`index`) and field. Costs are worked out again.',
  })
  updateContactSessionRows(
    @Arg('rows', () => [ContactSessionRowUpdate], { validate: false, description: 'One entry per session: its id, the version you loaded and its changes (1 to 1,000).' }) rows: ContactSessionRowUpdate[],
    @Ctx() ctx: GraphQLContext,
  ) {
    return validateRows(rows).then(() => contactService.updateSessions(ctx, rows));
  }

  @Authorized(...EDITORS)
  @Mutation(() => ContactSession, { description: 'Changes one session; fails with CONFLICT when `version` is not the current one. Its cost is worked out again.' })
  async updateContactSession(@IdArg() id: string, @VersionArg() version: number, @InputArg(() => ContactSessionUpdateInput, 'The changes.') input: ContactSessionUpdateInput, @Ctx() ctx: GraphQLContext) {
    return asSingleRow(() => contactService.updateSessions(ctx, [{ id, version, input }]));
  }

  @FieldResolver(() => ContactArrangement, { description: 'The arrangement.' })
  arrangement(@Root() s: ContactSession, @Ctx() ctx: GraphQLContext) {
    return loaderById(ctx, ContactArrangement, 'ContactArrangement').load(s.arrangementId);
  }

  @FieldResolver(() => SessionChargeFigures, { nullable: true, description: 'How the cost was worked out; null without a rate for that day.' })
  async charge(@Root() s: ContactSession, @Ctx() ctx: GraphQLContext) {
    const arrangement = await loaderById(ctx, ContactArrangement, 'ContactArrangement').load(s.arrangementId);
    if (!arrangement?.contractId) return null;
    const rates = await ratesOf(ctx).load(arrangement.contractId);
    const rate = effectiveOn(rates.filter((r) => r.supervisionLevel === arrangement.supervisionLevel), s.date);
    return rate ? sessionCharge(rate, s) : null;
  }
}

const ratesOf = (ctx: GraphQLContext) => loaderByParent(ctx, ContactRate, 'ContactRate', 'contractId', { order: { supervisionLevel: 'ASC', effectiveFrom: 'ASC' } });

@Scoped('contact')
@Resolver(() => ContactRate)
export class ContactRateResolver {
  @Authorized(...EDITORS)
  @Mutation(() => ContactRate, { description: 'Adds an hourly rate to a supervised-contact contract for one supervision level; periods may not overlap. Sessions it covers are priced again.' })
  createContactRate(@InputArg(() => ContactRateInput, 'The rate.') input: ContactRateInput, @Ctx() ctx: GraphQLContext) {
    return contactService.createRate(ctx, input);
  }
}

@Scoped('contact')
@Resolver(() => Contract)
export class ContractContactResolver {
  @FieldResolver(() => [ContactRate], { description: 'A supervised-contact contract’s hourly rates, by supervision level and date.' })
  contactRates(@Root() contract: Contract, @Ctx() ctx: GraphQLContext) {
    return ratesOf(ctx).load(contract.id);
  }
}

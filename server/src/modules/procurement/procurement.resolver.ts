import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Authorized, Ctx, Field, FieldResolver, Float, ID, Info, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { ListFilter } from '../../common/list-columns';
import type { OrderTerm } from '../../common/pagination/ordering';
import { FilterArg, IdArg, InputArg, OrderByArg, VersionArg } from '../../common/args';
import { loaderById, loaderByParent } from '../../common/loaders';
import type { Pence } from '../../common/money';
import { Connection, PageArgs } from '../../common/pagination/connection';
import { isFieldRequested } from '../../common/pagination/requested-fields';
import type { GraphQLContext } from '../../graphql/context';
import { DecimalScalar, MoneyScalar } from '../../graphql/scalars/money.scalar';
import { Contract } from '../contract/contract.entity';
import { Provider } from '../provider/provider.entity';
import { EDITORS } from '../user/role';
import { RoundStatus } from './procurement-codes';
import { evaluateBids } from './procurement-evaluation';
import { Bid, ProcurementInvitation, ProcurementRound } from './procurement.entity';
import { AwardContractInput, BidInput, ProcurementRoundCreateInput, QualityMarkInput } from './procurement.inputs';
import { procurementService, roundStatus } from './procurement.service';
import { Scoped } from '../../graphql/operation-scope';
import { roundList } from './procurement.list';

const ProcurementRoundConnection = Connection(ProcurementRound, 'ProcurementRound');

@ObjectType({ description: 'A provider that may be invited to a round, with its distance from the need.' })
class ProviderSuggestion {
  @Field(() => Provider, { description: 'The provider.' }) provider!: Provider;
  @Field(() => Float, { nullable: true, description: 'Miles from the need to its nearest setting; null when not known.' }) distanceMiles!: number | null;
}

@ObjectType({ description: 'One line of a round’s evaluation table, with its arithmetic.' })
class BidEvaluation {
  @Field(() => Bid, { description: 'The bid.' }) bid!: Bid;
  @Field(() => Int, { nullable: true, description: 'Position, 1 is best; null until the bid is scored.' }) rank!: number | null;
  @Field(() => MoneyScalar, { description: 'The price bid.' }) amount!: Pence;
  @Field(() => Int, { description: 'Quality points given, summed over the criteria.' }) qualityPointsGiven!: number;
  @Field(() => Int, { description: 'Quality points available in the matrix.' }) qualityPointsAvailable!: number;
  @Field(() => DecimalScalar, { nullable: true, description: 'Points given / available × 100.' }) qualityScore!: bigint | null;
  @Field(() => DecimalScalar, { nullable: true, description: 'Quality weight × points given / available.' }) qualityPoints!: bigint | null;
  @Field(() => DecimalScalar, { description: 'Price weight × lowest bid / this bid.' }) pricePoints!: bigint;
  @Field(() => DecimalScalar, { nullable: true, description: 'Quality points + price points, summed exactly then rounded once.' }) total!: bigint | null;
}

const bidsOf = (ctx: GraphQLContext) => loaderByParent(ctx, Bid, 'Bid', 'roundId', { order: { submittedAt: 'ASC', id: 'ASC' } });
const invitationsOf = (ctx: GraphQLContext) =>
  loaderByParent(ctx, ProcurementInvitation, 'ProcurementInvitation', 'roundId', { order: { invitedAt: 'ASC', id: 'ASC' } });

@Scoped('contracts')
@Resolver(() => ProcurementRound)
export class ProcurementRoundResolver {
  @Query(() => ProcurementRound, { nullable: true, description: 'One procurement round by id.' })
  procurementRound(@IdArg() id: string, @Ctx() ctx: GraphQLContext) {
    return procurementService.get(ctx, id);
  }

  @Query(() => ProcurementRoundConnection, { description: 'Procurement rounds, newest closing first unless `orderBy` says otherwise.' })
  procurementRounds(
    @Args() page: PageArgs,
    @FilterArg(() => roundList.Filter) filter: ListFilter | null,
    @OrderByArg(() => roundList.OrderBy) orderBy: OrderTerm[] | null,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return procurementService.list(ctx, { ...page, filter, orderBy }, isFieldRequested(info, 'totalCount'));
  }

  @Query(() => [ProviderSuggestion], {
    description: 'Providers to invite to a round, nearest first: active, offering the category, no Inadequate setting, within the radius when locations are known.',
  })
  async suggestedProviders(@IdArg('roundId', 'the round') roundId: string, @Ctx() ctx: GraphQLContext) {
    const found = await procurementService.suggestions(ctx, roundId);
    const providers = await loaderById(ctx, Provider, 'Provider').loadMany(found.map((f) => f.providerId));
    return found.map((f, i) => ({ provider: providers[i], distanceMiles: f.distanceMiles }));
  }

  @Authorized(...EDITORS)
  @Mutation(() => ProcurementRound, { description: 'Starts a procurement round (DRAFT) for a need.' })
  createProcurementRound(@InputArg(() => ProcurementRoundCreateInput, 'The round.') input: ProcurementRoundCreateInput, @Ctx() ctx: GraphQLContext) {
    return procurementService.create(ctx, input);
  }

  @Authorized(...EDITORS)
  @Mutation(() => ProcurementRound, { description: 'Invites providers to bid; each must be eligible (see suggestedProviders).' })
  inviteProviders(
    @IdArg('roundId', 'the round') roundId: string,
    @VersionArg() version: number,
    @Arg('providerIds', () => [ID], { description: 'The providers to invite.' }) providerIds: string[],
    @Ctx() ctx: GraphQLContext,
  ) {
    return procurementService.invite(ctx, roundId, version, providerIds);
  }

  @Authorized(...EDITORS)
  @Mutation(() => ProcurementRound, { description: 'Opens a DRAFT round for bids until its closing time.' })
  openProcurementRound(@IdArg() id: string, @VersionArg() version: number, @Ctx() ctx: GraphQLContext) {
    return procurementService.open(ctx, id, version);
  }

  @Authorized(...EDITORS)
  @Mutation(() => ProcurementRound, { description: 'Closes bidding now, before the closing time.' })
  closeProcurementRound(@IdArg() id: string, @VersionArg() version: number, @Ctx() ctx: GraphQLContext) {
    return procurementService.close(ctx, id, version);
  }

  @Authorized(...EDITORS)
  @Mutation(() => ProcurementRound, { description: 'Withdraws a round that has not been awarded.' })
  withdrawProcurementRound(@IdArg() id: string, @VersionArg() version: number, @Arg('reason', { description: 'Why.' }) reason: string, @Ctx() ctx: GraphQLContext) {
    return procurementService.withdraw(ctx, id, version, reason);
  }

  @Authorized(...EDITORS)
  @Mutation(() => Bid, { description: 'Records a bid from an invited provider before the closing time; late bids are refused.' })
  submitBid(@IdArg('roundId', 'the round') roundId: string, @InputArg(() => BidInput, 'The bid.') input: BidInput, @Ctx() ctx: GraphQLContext) {
    return procurementService.submitBid(ctx, roundId, input);
  }

  @Authorized(...EDITORS)
  @Mutation(() => Bid, { description: 'Scores a bid against the round’s quality matrix (every criterion).' })
  scoreBid(
    @IdArg() id: string,
    @VersionArg() version: number,
    @Arg('qualityMarks', () => [QualityMarkInput], { description: 'Points for each criterion.' }) qualityMarks: QualityMarkInput[],
    @Ctx() ctx: GraphQLContext,
  ) {
    return procurementService.scoreBid(ctx, id, version, qualityMarks);
  }

  @Authorized(...EDITORS)
  @Mutation(() => ProcurementRound, { description: 'Awards a CLOSED round to one of its bids: creates the contract and its agreed negotiation in one transaction.' })
  awardProcurementRound(
    @IdArg() id: string,
    @VersionArg() version: number,
    @IdArg('bidId', 'the winning bid') bidId: string,
    @Arg('contract', () => AwardContractInput, { description: 'The contract to create.' }) contract: AwardContractInput,
    @Ctx() ctx: GraphQLContext,
  ) {
    return procurementService.award(ctx, id, version, bidId, contract);
  }

  @FieldResolver(() => RoundStatus, { description: 'Where the round is; an OPEN round is CLOSED once its closing time has passed.' })
  status(@Root() round: ProcurementRound) {
    return roundStatus(round);
  }

  @FieldResolver(() => [ProcurementInvitation], { description: 'The invited providers, in the order invited.' })
  invitations(@Root() round: ProcurementRound, @Ctx() ctx: GraphQLContext) {
    return invitationsOf(ctx).load(round.id);
  }

  @FieldResolver(() => [Bid], { description: 'The bids received, in the order received.' })
  bids(@Root() round: ProcurementRound, @Ctx() ctx: GraphQLContext) {
    return bidsOf(ctx).load(round.id);
  }

  @FieldResolver(() => [BidEvaluation], { description: 'The evaluation table: bids ranked by total, with quality and price points.' })
  async evaluation(@Root() round: ProcurementRound, @Ctx() ctx: GraphQLContext) {
    const bids = await bidsOf(ctx).load(round.id);
    const byId = new Map(bids.map((b) => [b.id, b]));
    return evaluateBids(bids, round.scoringMatrix, round.qualityWeight, round.priceWeight).map((row) => ({ ...row, bid: byId.get(row.bidId)! }));
  }

  @FieldResolver(() => Contract, { nullable: true, description: 'The contract created by the award.' })
  contract(@Root() round: ProcurementRound, @Ctx() ctx: GraphQLContext) {
    return round.contractId ? loaderById(ctx, Contract, 'Contract').load(round.contractId) : null;
  }
}

@Scoped('contracts')
@Resolver(() => ProcurementInvitation)
export class ProcurementInvitationResolver {
  @FieldResolver(() => Provider, { description: 'The provider invited.' })
  provider(@Root() invitation: ProcurementInvitation, @Ctx() ctx: GraphQLContext) {
    return loaderById(ctx, Provider, 'Provider').load(invitation.providerId);
  }
}

@Scoped('contracts')
@Resolver(() => Bid)
export class BidResolver {
  @FieldResolver(() => Provider, { description: 'The provider that bid.' })
  provider(@Root() bid: Bid, @Ctx() ctx: GraphQLContext) {
    return loaderById(ctx, Provider, 'Provider').load(bid.providerId);
  }
}

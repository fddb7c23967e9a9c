import { Arg, Authorized, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { IdArg, InputArg, VersionArg } from '../../common/args';
import { loaderById, loaderByParent } from '../../common/loaders';
import type { Pence } from '../../common/money';
import type { GraphQLContext } from '../../graphql/context';
import { DecimalScalar, MoneyScalar } from '../../graphql/scalars/money.scalar';
import { RateLine } from '../agreement/rate-line.entity';
import { Contract } from '../contract/contract.entity';
import { EDITORS } from '../user/role';
import { negotiationFigures, type NegotiationFigures } from './negotiation-figures';
import { Negotiation, NegotiationOffer } from './negotiation.entity';
import { NegotiationStartInput, OfferInput } from './negotiation.inputs';
import { negotiationService } from './negotiation.service';
import { Scoped } from '../../graphql/operation-scope';

const offersOf = (ctx: GraphQLContext) => loaderByParent(ctx, NegotiationOffer, 'NegotiationOffer', 'negotiationId', { order: { sequence: 'ASC' } });
const negotiationsOfContract = (ctx: GraphQLContext) => loaderByParent(ctx, Negotiation, 'Negotiation', 'contractId', { order: { createdAt: 'ASC', id: 'ASC' } });
const negotiationsOfRateLine = (ctx: GraphQLContext) => loaderByParent(ctx, Negotiation, 'Negotiation', 'rateLineId', { order: { createdAt: 'ASC', id: 'ASC' } });

/** The figures; the contract (card rate and term) is loaded only for the fields that need it. */
async function figures(ctx: GraphQLContext, negotiation: Negotiation, needsContract = true): Promise<NegotiationFigures> {
  const offers = await offersOf(ctx).load(negotiation.id);
  const contract = needsContract && negotiation.contractId ? await loaderById(ctx, Contract, 'Contract').load(negotiation.contractId) : null;
  return negotiationFigures(offers, negotiation.agreed, contract?.cardWeeklyFee ?? null, contract);
}

@Scoped('contracts')
@Resolver(() => Negotiation)
export class NegotiationResolver {
  @Query(() => Negotiation, { nullable: true, description: 'One negotiation by id.' })
  negotiation(@IdArg() id: string, @Ctx() ctx: GraphQLContext) {
    return negotiationService.get(ctx, id);
  }

  @Authorized(...EDITORS)
  @Mutation(() => Negotiation, { description: 'Opens a negotiation on a contract or a rate line (one open negotiation each), with an optional first offer.' })
  async startNegotiation(@InputArg(() => NegotiationStartInput, 'What is negotiated.') input: NegotiationStartInput, @Ctx() ctx: GraphQLContext) {
    return negotiationService.start(ctx, input);
  }

  @Authorized(...EDITORS)
  @Mutation(() => Negotiation, { description: 'Records the next offer of an open negotiation.' })
  recordOffer(@IdArg() id: string, @VersionArg() version: number, @InputArg(() => OfferInput, 'The offer.') input: OfferInput, @Ctx() ctx: GraphQLContext) {
    return negotiationService.recordOffer(ctx, id, version, input);
  }

  @Authorized(...EDITORS)
  @Mutation(() => Negotiation, {
    description: 'Agrees a negotiation at `amount` (the last offer when left out) and writes the fee to the contract or rate line in the same transaction.',
  })
  agreeNegotiation(
    @IdArg() id: string,
    @VersionArg() version: number,
    @Arg('amount', () => MoneyScalar, { nullable: true, description: 'The agreed weekly fee; the last offer when left out.' }) amount: Pence | null,
    @Arg('note', () => String, { nullable: true, description: 'A note on the agreement.' }) note: string | null,
    @Arg('feeAboveCardReason', () => String, { nullable: true, description: 'Why a call-off’s agreed fee is above the card rate, when it is.' })
    feeAboveCardReason: string | null,
    @Ctx() ctx: GraphQLContext,
  ) {
    return negotiationService.agree(ctx, id, version, amount, note, feeAboveCardReason);
  }

  @Authorized(...EDITORS)
  @Mutation(() => Negotiation, { description: 'Ends a negotiation without agreement.' })
  abandonNegotiation(@IdArg() id: string, @VersionArg() version: number, @Arg('reason', { description: 'Why.' }) reason: string, @Ctx() ctx: GraphQLContext) {
    return negotiationService.abandon(ctx, id, version, reason);
  }

  @FieldResolver(() => [NegotiationOffer], { description: 'The offers, in order.' })
  offers(@Root() negotiation: Negotiation, @Ctx() ctx: GraphQLContext) {
    return offersOf(ctx).load(negotiation.id);
  }

  @FieldResolver(() => Contract, { nullable: true, description: 'The contract negotiated, if any.' })
  contract(@Root() negotiation: Negotiation, @Ctx() ctx: GraphQLContext) {
    return negotiation.contractId ? loaderById(ctx, Contract, 'Contract').load(negotiation.contractId) : null;
  }

  @FieldResolver(() => RateLine, { nullable: true, description: 'The rate line negotiated, if any.' })
  rateLine(@Root() negotiation: Negotiation, @Ctx() ctx: GraphQLContext) {
    return negotiation.rateLineId ? loaderById(ctx, RateLine, 'RateLine').load(negotiation.rateLineId) : null;
  }

  @FieldResolver(() => MoneyScalar, { nullable: true, description: 'The provider’s first ask (its first offer).' })
  async firstAsk(@Root() n: Negotiation, @Ctx() ctx: GraphQLContext) {
    return (await figures(ctx, n, false)).firstAsk;
  }

  @FieldResolver(() => MoneyScalar, { nullable: true, description: 'First ask − agreed fee, per week.' })
  async savingPerWeek(@Root() n: Negotiation, @Ctx() ctx: GraphQLContext) {
    return (await figures(ctx, n, false)).savingPerWeek;
  }

  @FieldResolver(() => MoneyScalar, { nullable: true, description: 'Card rate − agreed fee, per week (a call-off under a rate card).' })
  async savingVsCardRate(@Root() n: Negotiation, @Ctx() ctx: GraphQLContext) {
    return (await figures(ctx, n)).savingVsCardRate;
  }

  @FieldResolver(() => Int, { nullable: true, description: 'Nights in the contract’s term (its first and last days included).' })
  async nights(@Root() n: Negotiation, @Ctx() ctx: GraphQLContext) {
    return (await figures(ctx, n)).nights;
  }

  @FieldResolver(() => DecimalScalar, { nullable: true, description: 'Weeks in the contract’s term: nights / 7, to two places.' })
  async weeks(@Root() n: Negotiation, @Ctx() ctx: GraphQLContext) {
    return (await figures(ctx, n)).weeksHundredths;
  }

  @FieldResolver(() => MoneyScalar, { nullable: true, description: 'Saving per week × nights / 7 over the term, rounded half-up to the penny once.' })
  async projectedSaving(@Root() n: Negotiation, @Ctx() ctx: GraphQLContext) {
    return (await figures(ctx, n)).projectedSaving;
  }
}

@Scoped('contracts')
@Resolver(() => Contract)
export class ContractNegotiationsResolver {
  @FieldResolver(() => [Negotiation], { description: 'Negotiations of the contract’s fee, oldest first.' })
  negotiations(@Root() contract: Contract, @Ctx() ctx: GraphQLContext) {
    return negotiationsOfContract(ctx).load(contract.id);
  }
}

@Scoped('agreements')
@Resolver(() => RateLine)
export class RateLineNegotiationsResolver {
  @FieldResolver(() => [Negotiation], { description: 'Negotiations of this line’s fee, oldest first.' })
  negotiations(@Root() line: RateLine, @Ctx() ctx: GraphQLContext) {
    return negotiationsOfRateLine(ctx).load(line.id);
  }
}


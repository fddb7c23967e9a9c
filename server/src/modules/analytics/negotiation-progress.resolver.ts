import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { loaderByParent } from '../../common/loaders';
import type { Pence } from '../../common/money';
import type { GraphQLContext } from '../../graphql/context';
import { MoneyScalar } from '../../graphql/scalars/money.scalar';
import { OfferParty } from '../negotiation/negotiation-codes';
import { Negotiation, NegotiationOffer } from '../negotiation/negotiation.entity';
import { Scoped } from '../../graphql/operation-scope';

/** How far a negotiation has come, for the workspace: the offer on the table and what it saves against the first ask. */
@Scoped('analytics')
@Resolver(() => Negotiation)
export class NegotiationProgressResolver {
  private offers(ctx: GraphQLContext, negotiation: Negotiation): Promise<NegotiationOffer[]> {
    return loaderByParent(ctx, NegotiationOffer, 'NegotiationOffer', 'negotiationId', { order: { sequence: 'ASC' } }).load(negotiation.id);
  }

  @FieldResolver(() => MoneyScalar, { nullable: true, description: 'The weekly fee on the table: the agreed fee once agreed, otherwise the last offer; null with no offer.' })
  async currentOffer(@Root() negotiation: Negotiation, @Ctx() ctx: GraphQLContext): Promise<Pence | null> {
    if (negotiation.agreed !== null) return negotiation.agreed;
    const offers = await this.offers(ctx, negotiation);
    return offers.length ? offers[offers.length - 1].amount : null;
  }

  @FieldResolver(() => MoneyScalar, {
    nullable: true,
    description: 'Saving so far per week: the provider’s first ask − the fee on the table (currentOffer); null until the provider has asked.',
  })
  async savingSoFarPerWeek(@Root() negotiation: Negotiation, @Ctx() ctx: GraphQLContext): Promise<Pence | null> {
    const offers = await this.offers(ctx, negotiation);
    const firstAsk = offers.find((o) => o.party === OfferParty.PROVIDER)?.amount ?? null;
    const current = negotiation.agreed ?? (offers.length ? offers[offers.length - 1].amount : null);
    return firstAsk === null || current === null ? null : firstAsk - current;
  }
}

import { Field, ID, InputType } from 'type-graphql';
import type { Pence } from '../../common/money';
import { OptionalText, RequiredValue } from '../../common/validation';
import { DateScalar } from '../../graphql/scalars/date.scalar';
import { MoneyScalar } from '../../graphql/scalars/money.scalar';
import { OfferParty } from './negotiation-codes';

@InputType({ description: 'An offer in a negotiation.' })
export class OfferInput {
  @Field(() => OfferParty, { description: 'Who made it.' }) @RequiredValue() party!: OfferParty;
  @Field(() => MoneyScalar, { description: 'The weekly fee offered, more than zero.' }) @RequiredValue() amount!: Pence;
  @Field(() => DateScalar, { nullable: true, description: 'When it was made; today when left out. Not before the previous offer.' }) offeredOn?: string;
  @Field(() => String, { nullable: true, description: 'A note.' }) @OptionalText(2000) note?: string | null;
}

@InputType({ description: 'A new negotiation: on a contract or on a rate line (exactly one).' })
export class NegotiationStartInput {
  @Field(() => ID, { nullable: true, description: 'The contract whose fee is negotiated.' }) contractId?: string | null;
  @Field(() => ID, { nullable: true, description: 'The rate line whose fee is negotiated.' }) rateLineId?: string | null;
  @Field(() => OfferInput, { nullable: true, description: 'The first offer, usually the provider’s ask.' }) firstOffer?: OfferInput | null;
}

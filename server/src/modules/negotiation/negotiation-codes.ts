import { registerCodeEnum } from '../../common/codes/register-code-enum';

export enum NegotiationStatus {
  OPEN = 'OPEN',
  AGREED = 'AGREED',
  ABANDONED = 'ABANDONED',
}

registerCodeEnum(NegotiationStatus, 'NegotiationStatus', 'Where a negotiation stands.', {
  OPEN: 'Offers are being exchanged.',
  AGREED: 'A fee was agreed and written to the contract or rate line.',
  ABANDONED: 'Ended without agreement.',
});

export enum OfferParty {
  PROVIDER = 'PROVIDER',
  AUTHORITY = 'AUTHORITY',
}

registerCodeEnum(OfferParty, 'OfferParty', 'Who made an offer.', {
  PROVIDER: 'The provider (an ask).',
  AUTHORITY: 'The authority (a counter-offer).',
});

import { registerCodeEnum } from '../../common/codes/register-code-enum';

export enum RoundCategory {
  PLACEMENT = 'PLACEMENT',
  TRANSPORT = 'TRANSPORT',
  SUPERVISED_CONTACT = 'SUPERVISED_CONTACT',
}

registerCodeEnum(RoundCategory, 'RoundCategory', 'What a procurement round buys.', {
  PLACEMENT: 'A placement for a child (a mini-competition or request for quotes).',
  TRANSPORT: 'Transport: a route with its schedule.',
  SUPERVISED_CONTACT: 'Supervised contact: an arrangement with its schedule.',
});

/** Stored status; CLOSED is never stored: an OPEN round is CLOSED once its closing time has passed. */
export enum RoundStatus {
  DRAFT = 'DRAFT',
  OPEN = 'OPEN',
  CLOSED = 'CLOSED',
  AWARDED = 'AWARDED',
  WITHDRAWN = 'WITHDRAWN',
}

registerCodeEnum(RoundStatus, 'RoundStatus', 'Where a procurement round is.', {
  DRAFT: 'Being prepared: the need and the invited providers.',
  OPEN: 'Invited providers can bid until the closing time.',
  CLOSED: 'The closing time has passed: bids are evaluated; no more bids.',
  AWARDED: 'Awarded to one bid: its contract was created.',
  WITHDRAWN: 'Withdrawn by an officer.',
});

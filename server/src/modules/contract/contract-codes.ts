import { registerCodeEnum } from '../../common/codes/register-code-enum';
import type { Transitions } from '../../common/lifecycle';

export enum ContractKind {
  CALL_OFF = 'CALL_OFF',
  SPOT = 'SPOT',
  BLOCK = 'BLOCK',
  TRANSPORT = 'TRANSPORT',
  SUPERVISED_CONTACT = 'SUPERVISED_CONTACT',
}

registerCodeEnum(ContractKind, 'ContractKind', 'What a contract buys, and how.', {
  CALL_OFF: 'A call-off under a framework agreement: an individual placement agreement (IPA) for one child.',
  SPOT: 'A spot purchase: one placement bought without a framework.',
  BLOCK: 'A block contract: a number of places bought for a period, used or not.',
  TRANSPORT: 'Transport for children in care.',
  SUPERVISED_CONTACT: 'Supervised or supported family contact sessions.',
});

export enum ContractStatus {
  DRAFT = 'DRAFT',
  AWAITING_SIGNATURE = 'AWAITING_SIGNATURE',
  LIVE = 'LIVE',
  ENDED = 'ENDED',
  TERMINATED = 'TERMINATED',
}

registerCodeEnum(ContractStatus, 'ContractStatus', 'Where a contract is in its life.', {
  DRAFT: 'Being drawn up.',
  AWAITING_SIGNATURE: 'Sent for signature.',
  LIVE: 'Signed and in force.',
  ENDED: 'Ran to its end.',
  TERMINATED: 'Ended early, or withdrawn before it went live.',
});

export const CONTRACT_TRANSITIONS: Transitions<ContractStatus> = {
  DRAFT: [ContractStatus.AWAITING_SIGNATURE, ContractStatus.TERMINATED],
  AWAITING_SIGNATURE: [ContractStatus.LIVE, ContractStatus.DRAFT, ContractStatus.TERMINATED],
  LIVE: [ContractStatus.ENDED, ContractStatus.TERMINATED],
  ENDED: [],
  TERMINATED: [],
};

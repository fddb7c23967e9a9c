import { registerCodeEnum } from '../../common/codes/register-code-enum';
import type { Transitions } from '../../common/lifecycle';

export enum AgreementStatus {
  DRAFT = 'DRAFT',
  NEGOTIATING = 'NEGOTIATING',
  ACTIVE = 'ACTIVE',
  EXPIRED = 'EXPIRED',
  TERMINATED = 'TERMINATED',
}

registerCodeEnum(AgreementStatus, 'AgreementStatus', 'Where a preferred-provider agreement is in its life.', {
  DRAFT: 'Being drawn up; rates can be edited.',
  NEGOTIATING: 'Rates are being negotiated with the provider; rates can be edited.',
  ACTIVE: 'In force: its rates apply. Rates cannot be edited in place; a variation adds a new dated version.',
  EXPIRED: 'Reached its end date.',
  TERMINATED: 'Ended early by either party.',
});

export const AGREEMENT_TRANSITIONS: Transitions<AgreementStatus> = {
  DRAFT: [AgreementStatus.NEGOTIATING, AgreementStatus.ACTIVE, AgreementStatus.TERMINATED],
  NEGOTIATING: [AgreementStatus.DRAFT, AgreementStatus.ACTIVE, AgreementStatus.TERMINATED],
  ACTIVE: [AgreementStatus.EXPIRED, AgreementStatus.TERMINATED],
  EXPIRED: [],
  TERMINATED: [],
};

/** Rates can be edited in place only before the agreement is in force. */
export const RATES_EDITABLE = new Set([AgreementStatus.DRAFT, AgreementStatus.NEGOTIATING]);

export enum UpliftRule {
  NONE = 'NONE',
  FIXED_PERCENT = 'FIXED_PERCENT',
  INDEX_LINKED = 'INDEX_LINKED',
}

registerCodeEnum(UpliftRule, 'UpliftRule', 'How an agreement’s rates rise each year on 1 April.', {
  NONE: 'No annual uplift.',
  FIXED_PERCENT: 'A fixed percentage each 1 April, compounded, rounded to the penny once per rate each year.',
  INDEX_LINKED: 'Linked to a published index (e.g. CPI); applied by recording a rate card variation with the index figure.',
});

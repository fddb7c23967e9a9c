import { registerCodeEnum } from './register-code-enum';

/** Ofsted overall effectiveness judgement. */
export enum OfstedRating {
  OUTSTANDING = 'OUTSTANDING',
  GOOD = 'GOOD',
  REQUIRES_IMPROVEMENT = 'REQUIRES_IMPROVEMENT',
  INADEQUATE = 'INADEQUATE',
  NOT_YET_INSPECTED = 'NOT_YET_INSPECTED',
}

registerCodeEnum(OfstedRating, 'OfstedRating', "Ofsted's overall effectiveness judgement of a setting.", {
  OUTSTANDING: 'Outstanding',
  GOOD: 'Good',
  REQUIRES_IMPROVEMENT: 'Requires improvement to be good',
  INADEQUATE: 'Inadequate',
  NOT_YET_INSPECTED: 'Registered but not yet inspected',
});

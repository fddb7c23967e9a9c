import { registerCodeEnum } from '../../common/codes/register-code-enum';
import { ageOn } from '../../common/dates';

/** DfE age groups used in the children-looked-after statistics. */
export enum AgeBand {
  UNDER_1 = 'UNDER_1',
  AGE_1_TO_4 = 'AGE_1_TO_4',
  AGE_5_TO_9 = 'AGE_5_TO_9',
  AGE_10_TO_15 = 'AGE_10_TO_15',
  AGE_16_PLUS = 'AGE_16_PLUS',
}

registerCodeEnum(AgeBand, 'AgeBand', 'DfE age group of a child on a date.', {
  UNDER_1: 'Under 1',
  AGE_1_TO_4: '1 to 4',
  AGE_5_TO_9: '5 to 9',
  AGE_10_TO_15: '10 to 15',
  AGE_16_PLUS: '16 and over',
});

export function ageBandOf(dateOfBirth: string, on: string): AgeBand {
  const age = ageOn(dateOfBirth, on);
  if (age < 1) return AgeBand.UNDER_1;
  if (age < 5) return AgeBand.AGE_1_TO_4;
  if (age < 10) return AgeBand.AGE_5_TO_9;
  if (age < 16) return AgeBand.AGE_10_TO_15;
  return AgeBand.AGE_16_PLUS;
}

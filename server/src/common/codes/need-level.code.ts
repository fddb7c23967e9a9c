import { registerCodeEnum } from './register-code-enum';

/** How much support a child needs: the second key of a rate card. */
export enum NeedLevel {
  STANDARD = 'STANDARD',
  ENHANCED = 'ENHANCED',
  COMPLEX = 'COMPLEX',
  PARENT_AND_CHILD = 'PARENT_AND_CHILD',
  SOLO = 'SOLO',
}

registerCodeEnum(NeedLevel, 'NeedLevel', 'The level of need a rate is priced for.', {
  STANDARD: 'Standard: the core service',
  ENHANCED: 'Enhanced: additional support for emotional or behavioural needs',
  COMPLEX: 'Complex: significant needs, often with extra staffing or therapy',
  PARENT_AND_CHILD: 'Parent and child: a parent placed with their baby for assessment or support',
  SOLO: 'Solo: the only child in the home, often with 2:1 staffing',
});

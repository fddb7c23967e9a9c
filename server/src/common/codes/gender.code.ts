import { registerCodeEnum } from './register-code-enum';

export enum Gender {
  MALE = 'MALE',
  FEMALE = 'FEMALE',
  OTHER = 'OTHER',
  NOT_STATED = 'NOT_STATED',
}

registerCodeEnum(Gender, 'Gender', 'A child’s gender as recorded in the case system.', {
  MALE: 'Male (SSDA903 SEX 1)',
  FEMALE: 'Female (SSDA903 SEX 2)',
  OTHER: 'Another gender',
  NOT_STATED: 'Not stated',
});

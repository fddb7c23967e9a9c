import { registerCodeEnum } from '../../common/codes/register-code-enum';

export enum SettingKind {
  CHILDRENS_HOME = 'CHILDRENS_HOME',
  FOSTERING_AGENCY_OFFICE = 'FOSTERING_AGENCY_OFFICE',
  SUPPORTED_ACCOMMODATION = 'SUPPORTED_ACCOMMODATION',
  TRANSPORT_DEPOT = 'TRANSPORT_DEPOT',
  CONTACT_CENTRE = 'CONTACT_CENTRE',
}

registerCodeEnum(SettingKind, 'SettingKind', 'What a setting is.', {
  CHILDRENS_HOME: 'A children’s home registered with Ofsted',
  FOSTERING_AGENCY_OFFICE: 'The office of a fostering agency (its carers live around it)',
  SUPPORTED_ACCOMMODATION: 'A registered supported accommodation service for 16 and 17 year olds',
  TRANSPORT_DEPOT: 'A transport provider’s base',
  CONTACT_CENTRE: 'A venue for supervised family contact',
});

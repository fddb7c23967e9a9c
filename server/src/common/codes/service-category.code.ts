import { registerCodeEnum } from './register-code-enum';

/** What a provider can be bought for. */
export enum ServiceCategory {
  FOSTERING = 'FOSTERING',
  RESIDENTIAL = 'RESIDENTIAL',
  SUPPORTED_ACCOMMODATION = 'SUPPORTED_ACCOMMODATION',
  TRANSPORT = 'TRANSPORT',
  SUPERVISED_CONTACT = 'SUPERVISED_CONTACT',
  EDUCATION = 'EDUCATION',
}

registerCodeEnum(ServiceCategory, 'ServiceCategory', 'A category of service a provider offers.', {
  FOSTERING: 'Fostering (independent fostering agency or in-house carers)',
  RESIDENTIAL: "Residential care (children's homes, residential schools)",
  SUPPORTED_ACCOMMODATION: 'Supported accommodation for 16 and 17 year olds',
  TRANSPORT: 'Transport for children in care',
  SUPERVISED_CONTACT: 'Supervised or supported family contact',
  EDUCATION: 'Education and tuition',
});

import { registerCodeEnum } from '../../common/codes/register-code-enum';

export enum ProviderStatus {
  ACTIVE = 'ACTIVE',
  SUSPENDED = 'SUSPENDED',
  EXITED = 'EXITED',
}

registerCodeEnum(ProviderStatus, 'ProviderStatus', 'Whether the authority can buy from a provider.', {
  ACTIVE: 'The authority can place with and buy from this provider.',
  SUSPENDED: 'No new placements or purchases until the suspension is lifted (e.g. after an Inadequate judgement).',
  EXITED: 'The provider has left the market or the authority’s supplier list.',
});

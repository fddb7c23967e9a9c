import { registerCodeEnum } from './register-code-enum';

/** SSDA903 PLACE_PROVIDER: who provides a placement. */
export enum PlacementProviderCode {
  PR0 = 'PR0',
  PR1 = 'PR1',
  PR2 = 'PR2',
  PR3 = 'PR3',
  PR4 = 'PR4',
  PR5 = 'PR5',
}

registerCodeEnum(PlacementProviderCode, 'PlacementProviderCode', 'SSDA903 placement provider code (PLACE_PROVIDER).', {
  PR0: 'Parent or other person with parental responsibility',
  PR1: 'Own provision (by the local authority)',
  PR2: 'Other local authority provision',
  PR3: 'Other public provision (e.g. a primary care trust)',
  PR4: 'Private provision',
  PR5: 'Voluntary or third sector provision',
});

import { registerCodeEnum } from '../../../common/codes/register-code-enum';
import type { SpendFilter, SpendKey } from './spend.types';

/** What the spend cube can be grouped and filtered by. */
export enum SpendDimension {
  FINANCIAL_YEAR = 'FINANCIAL_YEAR',
  MONTH = 'MONTH',
  WEEK = 'WEEK',
  LOCALITY = 'LOCALITY',
  PLACEMENT_TYPE = 'PLACEMENT_TYPE',
  PROVIDER_CODE = 'PROVIDER_CODE',
  PROVIDER = 'PROVIDER',
  SETTING = 'SETTING',
  CONTRACT_KIND = 'CONTRACT_KIND',
  CATEGORY = 'CATEGORY',
  NEED_LEVEL = 'NEED_LEVEL',
  AGE_BAND = 'AGE_BAND',
  LEGAL_STATUS = 'LEGAL_STATUS',
  DISTANCE = 'DISTANCE',
  SOURCE = 'SOURCE',
}

registerCodeEnum(SpendDimension, 'SpendDimension', 'A dimension of the spend cube: what spend is grouped by.', {
  FINANCIAL_YEAR: 'The financial year of the night, journey or session (1 April to 31 March), e.g. "2025-26".',
  MONTH: 'The calendar month, e.g. "2025-04".',
  WEEK: 'The week, named by its Monday (ISO weeks).',
  LOCALITY: 'The child’s locality (a shared journey counts in each child’s locality for that child’s share).',
  PLACEMENT_TYPE: 'The SSDA903 placement type; null for transport, contact and invoice lines for neither.',
  PROVIDER_CODE: 'The SSDA903 placement provider code (PR0–PR5); null outside placements.',
  PROVIDER: 'The provider: the placement’s, the transport or contact contract’s, or the invoice’s for lines for no placement, journey or session.',
  SETTING: 'The setting of the placement; null when it has none and outside placements.',
  CONTRACT_KIND: 'The kind of contract the placement, route or arrangement is bought under (framework call-off, spot, block, transport, supervised contact); null without a contract.',
  CATEGORY: 'The Section 251 line (transport and contact fall on other looked-after services).',
  NEED_LEVEL: 'The level of need of the placement’s contract; null when the contract gives none.',
  AGE_BAND: 'The child’s DfE age band on each night (a placement that crosses a birthday is split there), or on the day of the journey, session or invoice line’s first night.',
  LEGAL_STATUS: 'The child’s legal status (LS code) as recorded.',
  DISTANCE: 'Whether the placement is within or over 20 miles from the child’s home, or not known; null outside placements.',
  SOURCE: 'Placements, transport or contact; null for invoice lines for no placement, journey or session (extras such as damages).',
});

/** Which figures the spend cube adds up. */
export enum SpendBasis {
  EXPECTED = 'EXPECTED',
  INVOICED = 'INVOICED',
  APPROVED = 'APPROVED',
  PAID = 'PAID',
}

registerCodeEnum(SpendBasis, 'SpendBasis', 'Which amounts the spend cube adds up.', {
  EXPECTED:
    'What the records say it costs: placements by their fee histories and additional services (the one cost rule: fee × nights ÷ 7, rounded half-up once per placement and group of nights), transport journeys and contact sessions at their cost.',
  INVOICED: 'Every invoice line received, whatever its status; a placement line counts on its first night, a journey or session line on the day of the journey or session, a line for neither on its first night or the invoice’s period start.',
  APPROVED: 'Invoice lines approved or paid: the budget monitor’s actual spend.',
  PAID: 'Invoice lines paid.',
});

/** How far from home a placement is, with "not known" as its own value. */
export enum DistanceBand {
  WITHIN_20_MILES = 'WITHIN_20_MILES',
  OVER_20_MILES = 'OVER_20_MILES',
  NOT_KNOWN = 'NOT_KNOWN',
}

registerCodeEnum(DistanceBand, 'DistanceBand', 'How far a placement is from the child’s home (great-circle miles).', {
  WITHIN_20_MILES: '20 miles or less.',
  OVER_20_MILES: 'More than 20 miles (the national indicator).',
  NOT_KNOWN: 'Not known: the child’s home or the setting has no location. Never counted as near.',
});

/** Where each dimension stands in the API: the field of its value in a group's key, and the filter field that keeps values of it. One line a dimension. */
export const DIMENSION_FIELDS: Record<SpendDimension, { key: keyof SpendKey; filter: keyof SpendFilter }> = {
  [SpendDimension.FINANCIAL_YEAR]: { key: 'financialYear', filter: 'financialYears' },
  [SpendDimension.MONTH]: { key: 'month', filter: 'months' },
  [SpendDimension.WEEK]: { key: 'week', filter: 'weeks' },
  [SpendDimension.LOCALITY]: { key: 'localityId', filter: 'localityIds' },
  [SpendDimension.PLACEMENT_TYPE]: { key: 'placementType', filter: 'placementTypes' },
  [SpendDimension.PROVIDER_CODE]: { key: 'providerCode', filter: 'providerCodes' },
  [SpendDimension.PROVIDER]: { key: 'providerId', filter: 'providerIds' },
  [SpendDimension.SETTING]: { key: 'settingId', filter: 'settingIds' },
  [SpendDimension.CONTRACT_KIND]: { key: 'contractKind', filter: 'contractKinds' },
  [SpendDimension.CATEGORY]: { key: 'category', filter: 'categories' },
  [SpendDimension.NEED_LEVEL]: { key: 'needLevel', filter: 'needLevels' },
  [SpendDimension.AGE_BAND]: { key: 'ageBand', filter: 'ageBands' },
  [SpendDimension.LEGAL_STATUS]: { key: 'legalStatus', filter: 'legalStatuses' },
  [SpendDimension.DISTANCE]: { key: 'distance', filter: 'distances' },
  [SpendDimension.SOURCE]: { key: 'source', filter: 'sources' },
};

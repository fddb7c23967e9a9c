import { useMemo } from 'react';
import { schemaModel } from '../../providers/schemaModel';
import { inOrder, NEED_LEVEL_ORDER } from './rateCardModel';

/** The codes' official descriptions, from the API's schema. */
export function useCardCodes() {
  return useMemo(() => {
    const needLevels = inOrder(schemaModel.enumOptions('NeedLevel') ?? [], NEED_LEVEL_ORDER);
    const placementTypes = schemaModel.enumOptions('PlacementType') ?? [];
    const descriptions = new Map(placementTypes.map((o) => [o.value, o.description]));
    return { needLevels, placementTypes, order: placementTypes.map((o) => o.value), placementTypeLabel: (code: string) => descriptions.get(code) ?? code };
  }, []);
}

import { useEffect, useState } from 'react';
import { useDataProvider } from 'react-admin';
import type { PlacewiseDataProvider } from '../providers/dataProvider';

/**
 * The server's sums of the list's money fields for the current filter (field → Money), read
 * again whenever the filter or the loaded records change (an edit changes a sum). Null until
 * known, or when the list has none to show.
 */
export function useTotals(resource: string, filter: Record<string, unknown>, enabled: boolean, changed: unknown): Record<string, string> | null {
  const dataProvider = useDataProvider<PlacewiseDataProvider>();
  const [totals, setTotals] = useState<Record<string, string> | null>(null);
  const filterKey = JSON.stringify(filter ?? {});
  useEffect(() => {
    if (!enabled) {
      setTotals(null);
      return;
    }
    let current = true;
    dataProvider
      .getTotals(resource, { filter: JSON.parse(filterKey) })
      .then(({ data }) => current && setTotals(Object.keys(data).length ? data : null))
      .catch(() => current && setTotals(null));
    return () => {
      current = false;
    };
  }, [dataProvider, resource, filterKey, enabled, changed]);
  return totals;
}

import { useCallback, useEffect, useState } from 'react';

export interface ColumnPrefs {
  hidden: string[];
  order: string[];
}

const EMPTY: ColumnPrefs = { hidden: [], order: [] };

export function columnPrefsKey(userId: string, resource: string): string {
  return `placewise.grid.${userId}.${resource}`;
}

function read(key: string | null): ColumnPrefs {
  if (!key) return EMPTY;
  try {
    const raw = localStorage.getItem(key);
    if (!raw) return EMPTY;
    const parsed = JSON.parse(raw) as Partial<ColumnPrefs>;
    return { hidden: Array.isArray(parsed.hidden) ? parsed.hidden : [], order: Array.isArray(parsed.order) ? parsed.order : [] };
  } catch {
    return EMPTY;
  }
}

/** Which columns a user hides and the order they put them in, per resource, kept in this browser under the user's id. */
export function useColumnPrefs(userId: string | undefined, resource: string) {
  const key = userId ? columnPrefsKey(userId, resource) : null;
  const [prefs, setPrefs] = useState<ColumnPrefs>(() => read(key));
  useEffect(() => setPrefs(read(key)), [key]);
  const save = useCallback(
    (next: ColumnPrefs) => {
      setPrefs(next);
      if (key) localStorage.setItem(key, JSON.stringify(next));
    },
    [key],
  );
  return [prefs, save] as const;
}

/** Applies the saved order to the known columns; columns added to the API since come last in their own order. */
export function orderColumns<T extends { key: string }>(columns: T[], order: string[]): T[] {
  if (!order.length) return columns;
  const position = new Map(order.map((k, i) => [k, i]));
  return [...columns].sort((a, b) => (position.get(a.key) ?? order.length + columns.indexOf(a)) - (position.get(b.key) ?? order.length + columns.indexOf(b)));
}

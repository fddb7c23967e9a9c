import type { ListSpec } from '../pagination/find-connection';

/** The `archived` filter and the default of hiding archived rows, for any archivable list. */
export function archivableList(alias: string): Pick<ListSpec<unknown>, 'hidden'> & { custom: { archived: (value: boolean) => string } } {
  const column = `"${alias}"."archived_at"`;
  return {
    custom: { archived: (value: boolean) => (value ? `${column} IS NOT NULL` : `${column} IS NULL`) },
    hidden: (filter) => (filter && filter.archived !== undefined && filter.archived !== null ? null : `${column} IS NULL`),
  };
}

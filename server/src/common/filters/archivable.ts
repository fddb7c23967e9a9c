import type { Condition } from '../list-columns';
import type { ListSpec } from '../pagination/find-connection';

/** The `archived` filter and the default of hiding archived rows, for any archivable list of `plural` ("providers"). */
export function archivableList(alias: string, plural: string): Pick<ListSpec<unknown>, 'hidden'> & { conditions: { archived: Condition<boolean> } } {
  const column = `"${alias}"."archived_at"`;
  return {
    conditions: {
      archived: {
        type: () => Boolean,
        description: `true: only archived ${plural}; false or left out: only ${plural} in use.`,
        sql: (value) => (value ? `${column} IS NOT NULL` : `${column} IS NULL`),
      },
    },
    hidden: (filter) => (filter && filter.archived !== undefined && filter.archived !== null ? null : `${column} IS NULL`),
  };
}

import { createHash } from 'node:crypto';
import { DefaultNamingStrategy, type NamingStrategyInterface, type Table } from 'typeorm';

export function snake(name: string): string {
  return name
    .replace(/([a-z\d])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .toLowerCase();
}

function tableNameOf(tableOrName: Table | string): string {
  const name = typeof tableOrName === 'string' ? tableOrName : tableOrName.name;
  return name.split('.').pop()!;
}

/** Short deterministic suffix so constraint names stay under PostgreSQL's 63 characters. */
function digest(...parts: string[]): string {
  return createHash('sha1').update(parts.join('_')).digest('hex').slice(0, 8);
}

/** snake_case tables and columns; readable constraint names (pk_, fk_, uq_, ix_, ck_). */
export class SnakeNamingStrategy extends DefaultNamingStrategy implements NamingStrategyInterface {
  override tableName(targetName: string, userSpecifiedName: string | undefined): string {
    return userSpecifiedName ?? snake(targetName);
  }

  override columnName(propertyName: string, customName: string | undefined, embeddedPrefixes: string[]): string {
    return snake(embeddedPrefixes.concat(customName ?? propertyName).join('_'));
  }

  override relationName(propertyName: string): string {
    return snake(propertyName);
  }

  override joinColumnName(relationName: string, referencedColumnName: string): string {
    return snake(`${relationName}_${referencedColumnName}`);
  }

  override joinTableName(first: string, second: string, firstProperty: string): string {
    return snake(`${first}_${firstProperty.replace(/\./g, '_')}_${second}`);
  }

  override joinTableColumnName(tableName: string, propertyName: string, columnName?: string): string {
    return snake(`${tableName}_${columnName ?? propertyName}`);
  }

  override primaryKeyName(tableOrName: Table | string): string {
    return `pk_${tableNameOf(tableOrName)}`;
  }

  override uniqueConstraintName(tableOrName: Table | string, columns: string[]): string {
    return `uq_${tableNameOf(tableOrName)}_${digest(...columns)}`;
  }

  override relationConstraintName(tableOrName: Table | string, columns: string[], where?: string): string {
    return `rel_${tableNameOf(tableOrName)}_${digest(...columns, where ?? '')}`;
  }

  override foreignKeyName(tableOrName: Table | string, columns: string[]): string {
    return `fk_${tableNameOf(tableOrName)}_${columns.join('_')}`.slice(0, 63);
  }

  override indexName(tableOrName: Table | string, columns: string[], where?: string): string {
    return `ix_${tableNameOf(tableOrName)}_${digest(...columns, where ?? '')}`;
  }

  override checkConstraintName(tableOrName: Table | string, expression: string, isEnum?: boolean): string {
    return `ck_${tableNameOf(tableOrName)}_${digest(expression, isEnum ? 'enum' : '')}`;
  }
}

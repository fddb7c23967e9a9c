import { Field, ID } from 'type-graphql';
import { Column, JoinColumn, ManyToOne } from 'typeorm';
import { snake } from '../database/naming-strategy';

interface ForeignKeyOptions {
  description: string;
  nullable?: boolean;
  /** RESTRICT unless given: a record others point at cannot be deleted. */
  onDelete?: 'RESTRICT' | 'CASCADE';
}

/**
 * `<x>Id`: a uuid column, its GraphQL `ID` field, and the foreign key to `target` as the TypeORM
 * relation `<x>` joined on that column (so migrations name the constraint `fk_<table>_<x>_id`).
 */
export function ForeignKey(target: () => Function, options: ForeignKeyOptions): PropertyDecorator {
  return (prototype, key) => {
    const column = String(key);
    if (!column.endsWith('Id')) throw new Error(`@ForeignKey() goes on a property named <relation>Id, not ${column}`);
    const relation = column.slice(0, -2);
    const nullable = options.nullable ? { nullable: true } : {};
    Field(() => ID, { ...nullable, description: options.description })(prototype, column);
    Column({ type: 'uuid', ...nullable })(prototype, column);
    ManyToOne(target, { onDelete: options.onDelete ?? 'RESTRICT', ...nullable })(prototype, relation);
    JoinColumn({ name: snake(column) })(prototype, relation);
  };
}

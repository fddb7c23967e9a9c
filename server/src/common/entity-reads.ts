import type { FindOptionsWhere, ObjectLiteral } from 'typeorm';
import type { GraphQLContext } from '../graphql/context';
import { findConnection, type ListArgs, type ListSpec } from './pagination/find-connection';
import { assertId } from './versioned-update';

/** The two reads every entity offers: one by id (null when absent) and a filtered, sorted page. */
export function entityReads<T extends ObjectLiteral & { id: string }>(spec: ListSpec<T>) {
  return {
    /** `fields`: those asked for on each record, so that a spec with a projection loads only their columns. */
    list(ctx: GraphQLContext, args: ListArgs, wantCount: boolean, fields?: string[]) {
      return findConnection(ctx.db.manager, spec, args, { wantCount, maxPageSize: ctx.config.maxPageSize, fields });
    },
    get(ctx: GraphQLContext, id: string): Promise<T | null> {
      assertId(id);
      return ctx.db.manager.findOneBy(spec.entity, { id } as FindOptionsWhere<T>);
    },
  };
}

import DataLoader from 'dataloader';
import { In, IsNull, type EntityTarget, type FindOptionsOrder, type FindOptionsWhere, type ObjectLiteral } from 'typeorm';
import type { GraphQLContext } from '../graphql/context';

/** Loads records by id in one query per request tick: the cure for N+1. */
export function loaderById<T extends ObjectLiteral & { id: string }>(ctx: GraphQLContext, entity: EntityTarget<T>, name: string) {
  return ctx.loaders.get(`${name}:byId`, () =>
    new DataLoader<string, T | null>(async (ids) => {
      const rows = await ctx.db.manager.findBy(entity, { id: In([...ids]) } as FindOptionsWhere<T>);
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
  );
}

/** Loads the children of many parents with one query: `settings` of a page of providers. */
export function loaderByParent<T extends ObjectLiteral>(
  ctx: GraphQLContext,
  entity: EntityTarget<T>,
  name: string,
  parentKey: keyof T & string,
  options: { hideArchived?: boolean; order: FindOptionsOrder<T> },
) {
  const key = `${name}:by:${parentKey}:${options.hideArchived ? 'live' : 'all'}`;
  return ctx.loaders.get(key, () =>
    new DataLoader<string, T[]>(async (parentIds) => {
      const where = { [parentKey]: In([...parentIds]) } as Record<string, unknown>;
      if (options.hideArchived) where.archivedAt = IsNull();
      const rows = await ctx.db.manager.find(entity, { where: where as FindOptionsWhere<T>, order: options.order });
      const groups = new Map<string, T[]>(parentIds.map((id) => [id, []]));
      for (const row of rows) groups.get(row[parentKey] as string)?.push(row);
      return parentIds.map((id) => groups.get(id) ?? []);
    }),
  );
}

import { explainConstraint } from '../../common/constraints';
import { entityReads } from '../../common/entity-reads';
import { type ListSpec } from '../../common/pagination/find-connection';
import { SortDirection } from '../../common/pagination/ordering';
import { inTransaction } from '../../common/transaction';
import { applyUpdate, assertId, insertAudited, lockForUpdate } from '../../common/versioned-update';
import type { GraphQLContext } from '../../graphql/context';
import { Authority } from './authority.entity';
import type { AuthorityCreateInput, AuthorityUpdateInput, LocalityCreateInput, LocalityUpdateInput } from './authority.inputs';
import { Locality } from './locality.entity';

explainConstraint('uq_authority_ons_code', 'onsCode', 'another authority already has this ONS code');
explainConstraint('uq_locality_authority_name', 'name', 'the authority already has a locality with this name');
explainConstraint('fk_locality_authority_id', 'authorityId', 'no authority has this id');

const authorityList: ListSpec<Authority> = {
  entity: Authority,
  alias: 'authority',
  fields: {
    id: { sql: '"authority"."id"', kind: 'id' },
    name: { sql: '"authority"."name"', kind: 'string' },
    onsCode: { sql: '"authority"."ons_code"', kind: 'string' },
  },
  search: ['"authority"."name"', '"authority"."ons_code"'],
  order: {
    name: { sql: '"authority"."name"', property: 'name', nullable: false },
    onsCode: { sql: '"authority"."ons_code"', property: 'onsCode', nullable: false },
    createdAt: { sql: '"authority"."created_at"', property: 'createdAt', nullable: false },
  },
  defaultOrder: [{ field: 'name', direction: SortDirection.ASC }],
};

const localityList: ListSpec<Locality> = {
  entity: Locality,
  alias: 'locality',
  fields: {
    id: { sql: '"locality"."id"', kind: 'id' },
    authorityId: { sql: '"locality"."authority_id"', kind: 'id' },
    name: { sql: '"locality"."name"', kind: 'string' },
    code: { sql: '"locality"."code"', kind: 'string' },
  },
  search: ['"locality"."name"', '"locality"."code"'],
  order: {
    name: { sql: '"locality"."name"', property: 'name', nullable: false },
    code: { sql: '"locality"."code"', property: 'code', nullable: true },
    createdAt: { sql: '"locality"."created_at"', property: 'createdAt', nullable: false },
  },
  defaultOrder: [{ field: 'name', direction: SortDirection.ASC }],
};

export const authorityService = {
  ...entityReads(authorityList),

  create(ctx: GraphQLContext, input: AuthorityCreateInput) {
    return inTransaction(ctx, (tx, audit) =>
      insertAudited(tx, audit, 'Authority', Authority, { name: input.name.trim(), onsCode: input.onsCode.toUpperCase() }),
    );
  },

  update(ctx: GraphQLContext, id: string, version: number, input: AuthorityUpdateInput) {
    return inTransaction(ctx, async (tx, audit) => {
      const row = await lockForUpdate(tx, Authority, 'Authority', id, version);
      return applyUpdate(tx, audit, 'Authority', row, { name: input.name?.trim(), onsCode: input.onsCode?.toUpperCase() });
    });
  },
};

export const localityService = {
  ...entityReads(localityList),

  create(ctx: GraphQLContext, input: LocalityCreateInput) {
    assertId(input.authorityId, 'authorityId');
    return inTransaction(ctx, (tx, audit) =>
      insertAudited(tx, audit, 'Locality', Locality, { authorityId: input.authorityId, name: input.name.trim(), code: input.code ?? null }),
    );
  },

  update(ctx: GraphQLContext, id: string, version: number, input: LocalityUpdateInput) {
    return inTransaction(ctx, async (tx, audit) => {
      const row = await lockForUpdate(tx, Locality, 'Locality', id, version);
      return applyUpdate(tx, audit, 'Locality', row, { name: input.name?.trim(), code: input.code });
    });
  },
};

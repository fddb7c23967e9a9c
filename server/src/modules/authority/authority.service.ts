import { explainConstraint } from '../../common/constraints';
import { entityReads } from '../../common/entity-reads';
import { inTransaction } from '../../common/transaction';
import { applyUpdate, assertId, insertAudited, lockForUpdate } from '../../common/versioned-update';
import type { GraphQLContext } from '../../graphql/context';
import { Authority } from './authority.entity';
import { authorityList } from './authority.list';
import type { AuthorityCreateInput, AuthorityUpdateInput, LocalityCreateInput, LocalityUpdateInput } from './authority.inputs';
import { Locality } from './locality.entity';
import { localityList } from './locality.list';

explainConstraint('uq_authority_ons_code', 'onsCode', 'another authority already has this ONS code');
explainConstraint('uq_locality_authority_name', 'name', 'the authority already has a locality with this name');
explainConstraint('fk_locality_authority_id', 'authorityId', 'no authority has this id');

export const authorityService = {
  ...entityReads(authorityList.spec),

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
  ...entityReads(localityList.spec),

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

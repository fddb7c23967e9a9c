import { explainConstraint } from '../../common/constraints';
import { entityReads } from '../../common/entity-reads';
import { definedOnly } from '../../common/objects';
import { inTransaction } from '../../common/transaction';
import { applyUpdate, insertAudited, lockForUpdate, setArchived, updateRows } from '../../common/versioned-update';
import type { GraphQLContext } from '../../graphql/context';
import { Provider } from './provider.entity';
import { providerList } from './provider.list';
import type { ProviderCreateInput, ProviderRowUpdate, ProviderUpdateInput } from './provider.inputs';
import { ProviderStatus } from './provider-status';

explainConstraint('ck_provider_service_categories', 'serviceCategories', 'contains a category that does not exist');

function tidy(text: string | null | undefined): string | null | undefined {
  return typeof text === 'string' ? text.trim() : text;
}

/** The input as entity fields: text trimmed, codes upper-cased, absent fields left absent. */
function toPatch(input: ProviderUpdateInput): Partial<Provider> {
  return {
    legalName: tidy(input.legalName) ?? undefined,
    tradingName: tidy(input.tradingName),
    companyNumber: input.companyNumber?.toUpperCase() ?? input.companyNumber,
    charityNumber: input.charityNumber?.toUpperCase() ?? input.charityNumber,
    providerCode: input.providerCode,
    serviceCategories: input.serviceCategories ? [...new Set(input.serviceCategories)] : undefined,
    contacts: input.contacts?.map((c) => ({ name: c.name.trim(), role: c.role ?? null, email: c.email ?? null, phone: c.phone ?? null })),
    status: input.status,
    notes: input.notes,
  };
}

export const providerService = {
  ...entityReads(providerList.spec),

  create(ctx: GraphQLContext, input: ProviderCreateInput) {
    const values = {
      tradingName: null,
      companyNumber: null,
      charityNumber: null,
      notes: null,
      serviceCategories: [],
      contacts: [],
      status: ProviderStatus.ACTIVE,
      ...definedOnly(toPatch(input)),
    };
    return inTransaction(ctx, (tx, audit) => insertAudited(tx, audit, 'Provider', Provider, values));
  },

  update(ctx: GraphQLContext, id: string, version: number, input: ProviderUpdateInput) {
    return inTransaction(ctx, async (tx, audit) => {
      const row = await lockForUpdate(tx, Provider, 'Provider', id, version);
      return applyUpdate(tx, audit, 'Provider', row, toPatch(input));
    });
  },

  /** The same change to many providers (e.g. set the status of a selection). */
  updateMany(ctx: GraphQLContext, ids: string[], input: ProviderUpdateInput) {
    const patch = toPatch(input);
    return inTransaction(ctx, (tx, audit) => updateRows(tx, audit, 'Provider', Provider, ids.map((id) => ({ id, patch }))));
  },

  /** Different changes to many providers, each checked against the version the client saw. */
  updateRows(ctx: GraphQLContext, rows: ProviderRowUpdate[]) {
    return inTransaction(ctx, (tx, audit) =>
      updateRows(tx, audit, 'Provider', Provider, rows.map((r) => ({ id: r.id, version: r.version, patch: toPatch(r.input) }))),
    );
  },

  setArchived(ctx: GraphQLContext, id: string, version: number, archived: boolean) {
    return inTransaction(ctx, (tx, audit) => setArchived(tx, audit, 'Provider', Provider, id, version, archived));
  },
};


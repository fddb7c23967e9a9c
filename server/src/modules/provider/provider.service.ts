import { explainConstraint } from '../../common/constraints';
import { archivableList } from '../../common/filters/archivable';
import { SqlParams } from '../../common/filters/sql-params';
import { entityReads } from '../../common/entity-reads';
import { type ListSpec } from '../../common/pagination/find-connection';
import { SortDirection } from '../../common/pagination/ordering';
import { definedOnly } from '../../common/objects';
import { inTransaction } from '../../common/transaction';
import { applyUpdate, assertId, insertAudited, lockForUpdate, setArchived, updateRows } from '../../common/versioned-update';
import type { OfstedRating } from '../../common/codes/ofsted-rating.code';
import type { GraphQLContext } from '../../graphql/context';
import { Provider } from './provider.entity';
import type { ProviderCreateInput, ProviderRowUpdate, ProviderUpdateInput } from './provider.inputs';
import { ProviderStatus } from './provider-status';

explainConstraint('ck_provider_service_categories', 'serviceCategories', 'contains a category that does not exist');

const P = '"provider"';
const archived = archivableList('provider');

/** A live setting of the provider being filtered matches `condition`. */
function hasSetting(condition: string): string {
  return `EXISTS (SELECT 1 FROM "setting" "s" WHERE "s"."provider_id" = ${P}."id" AND "s"."archived_at" IS NULL AND ${condition})`;
}

export const providerList: ListSpec<Provider> = {
  entity: Provider,
  alias: 'provider',
  fields: {
    id: { sql: `${P}."id"`, kind: 'id' },
    legalName: { sql: `${P}."legal_name"`, kind: 'string' },
    tradingName: { sql: `${P}."trading_name"`, kind: 'string' },
    companyNumber: { sql: `${P}."company_number"`, kind: 'string' },
    charityNumber: { sql: `${P}."charity_number"`, kind: 'string' },
    providerCode: { sql: `${P}."provider_code"`, kind: 'enum' },
    status: { sql: `${P}."status"`, kind: 'enum' },
    serviceCategories: { sql: `${P}."service_categories"`, kind: 'enumArray' },
    createdAt: { sql: `${P}."created_at"`, kind: 'datetime' },
    updatedAt: { sql: `${P}."updated_at"`, kind: 'datetime' },
  },
  search: [`${P}."legal_name"`, `${P}."trading_name"`, `${P}."company_number"`, `${P}."charity_number"`],
  custom: {
    ...archived.custom,
    hasInadequateSetting: (value: boolean) => {
      const exists = hasSetting(`"s"."ofsted_rating" = 'INADEQUATE'`);
      return value ? exists : `NOT ${exists}`;
    },
    settingRatingIn: (ratings: OfstedRating[], params: SqlParams) =>
      ratings.length ? hasSetting(`"s"."ofsted_rating" IN ${params.addList(ratings)}`) : 'FALSE',
    localityId: (id: string, params: SqlParams) => {
      assertId(id, 'filter.localityId');
      return hasSetting(`"s"."locality_id" = ${params.add(id)}`);
    },
  },
  hidden: archived.hidden,
  order: {
    legalName: { sql: `${P}."legal_name"`, property: 'legalName', nullable: false },
    tradingName: { sql: `${P}."trading_name"`, property: 'tradingName', nullable: true },
    providerCode: { sql: `${P}."provider_code"`, property: 'providerCode', nullable: false },
    status: { sql: `${P}."status"`, property: 'status', nullable: false },
    createdAt: { sql: `${P}."created_at"`, property: 'createdAt', nullable: false },
    updatedAt: { sql: `${P}."updated_at"`, property: 'updatedAt', nullable: false },
  },
  defaultOrder: [{ field: 'legalName', direction: SortDirection.ASC }],
};

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
  ...entityReads(providerList),

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


import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client';
import buildGraphQLProvider from 'ra-data-graphql';
import { CREATE, DELETE, GET_LIST, GET_MANY, GET_MANY_REFERENCE, GET_ONE, UPDATE, UPDATE_MANY, type DataProvider, type RaRecord } from 'react-admin';
import { toApiError } from './apiError';
import { buildImportFile, buildQueryFactory, buildTotals, UPDATE_ROWS, type RowChange } from './buildQuery';
import { introspection, schemaModel } from './schemaModel';
import { GRAPHQL_URL, graphqlFetch } from './session';

export type { RowChange } from './buildQuery';

export interface PlacewiseDataProvider extends DataProvider {
  /** A different change to each of many records (a pasted block), in one all-or-nothing mutation. */
  updateRows(resource: string, params: { rows: RowChange[] }): Promise<{ data: RaRecord[] }>;
  /** A file as CSV text through an import mutation (`importPlacements`), all or nothing: its answer (a count, or counts). */
  importFile(mutation: string, csv: string): Promise<{ data: unknown }>;
  /** The sums of the money fields over every record the filter matches (field → Money), computed by the server. */
  getTotals(resource: string, params: { filter: Record<string, unknown> }): Promise<{ data: Record<string, string> }>;
}

const client = new ApolloClient({
  link: new HttpLink({ uri: GRAPHQL_URL, fetch: graphqlFetch }),
  cache: new InMemoryCache(),
});

const operationName = (fetchType: string) => (type: { name: string }) => {
  const resource = schemaModel.resourceOfType(type.name);
  if (!resource) return '';
  const field = {
    [GET_LIST]: resource.listQuery,
    [GET_MANY]: resource.listQuery,
    [GET_MANY_REFERENCE]: resource.listQuery,
    [GET_ONE]: resource.oneQuery,
    [CREATE]: resource.createMutation,
    [UPDATE]: resource.updateMutation,
    [UPDATE_MANY]: resource.updateManyMutation,
    [DELETE]: resource.archiveMutation,
  }[fetchType];
  return field?.name ?? '';
};

/**
 * ra-data-graphql with the introspection computed at build time from schema/schema.graphql
 * (the API does not answer introspection without a token) and one generic buildQuery.
 * Nothing is cached between calls: a spreadsheet must show what the server holds.
 */
const base = buildGraphQLProvider({
  client,
  buildQuery: buildQueryFactory,
  introspection: {
    schema: introspection,
    operationNames: Object.fromEntries(
      [GET_LIST, GET_MANY, GET_MANY_REFERENCE, GET_ONE, CREATE, UPDATE, UPDATE_MANY, DELETE].map((t) => [t, operationName(t)]),
    ),
  },
  query: () => ({ fetchPolicy: 'no-cache' }),
  mutation: () => ({ fetchPolicy: 'no-cache' }),
});

function apiErrors<A extends unknown[], R>(call: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
  return async (...args: A) => {
    try {
      return await call(...args);
    } catch (error) {
      throw toApiError(error);
    }
  };
}

export const dataProvider: PlacewiseDataProvider = {
  getList: apiErrors(base.getList),
  getOne: apiErrors(base.getOne),
  getMany: apiErrors(base.getMany),
  getManyReference: apiErrors(base.getManyReference),
  create: apiErrors(base.create),
  update: apiErrors(base.update),
  updateMany: apiErrors(base.updateMany),
  delete: apiErrors(base.delete),
  deleteMany: apiErrors(base.deleteMany),
  updateRows: apiErrors(async (resource: string, params: { rows: RowChange[] }) => {
    const introspectionResults = await base.getIntrospection();
    const { query, variables, parseResponse } = buildQueryFactory(introspectionResults)(UPDATE_ROWS, resource, params);
    const response = await client.mutate({ mutation: query, variables, fetchPolicy: 'no-cache' });
    return parseResponse(response as any);
  }),
  importFile: apiErrors(async (mutation: string, csv: string) => {
    const { query, variables, parseResponse } = buildImportFile(schemaModel, mutation, csv);
    const response = await client.mutate({ mutation: query, variables, fetchPolicy: 'no-cache' });
    return parseResponse(response as any);
  }),
  getTotals: apiErrors(async (resource: string, params: { filter: Record<string, unknown> }) => {
    const { query, variables, parseResponse } = buildTotals(schemaModel, resource, params.filter);
    const response = await client.query({ query, variables, fetchPolicy: 'no-cache' });
    return parseResponse(response as any);
  }),
} as PlacewiseDataProvider;

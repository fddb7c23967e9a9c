import { compileQuery, isCompiledQuery } from 'graphql-jit';
import { parse, type ExecutionResult, type GraphQLSchema } from 'graphql';
import type { GraphQLContext } from '../../graphql/context';

/** Runs the export's paged document once more, for the page its variables name. */
export type PageExecutor = (variables: Record<string, unknown>, context: GraphQLContext) => Promise<ExecutionResult>;

/**
 * The export's document compiled by graphql-jit into one function: the schema's own resolvers
 * (type-graphql's, with their role checks) and scalars are called as graphql-js calls them, but
 * without graphql-js's promise per field and per row, which cost a million-row export most of
 * its time. Only pages after the first run this way: the first goes through Apollo, which
 * validates the document (depth limit too), runs the sign-in gate and formats any error, and
 * every later page is the same document with other paging variables.
 * Null when graphql-jit cannot compile the document: Apollo then runs every page.
 */
export function compilePages(schema: GraphQLSchema, query: string, operationName: string | null): PageExecutor | null {
  const compiled = compiledOrNull(schema, query, operationName);
  if (!compiled || !isCompiledQuery(compiled)) return null;
  return async (variables, context) => compiled.query(undefined, context, variables) as ExecutionResult | Promise<ExecutionResult>;
}

function compiledOrNull(schema: GraphQLSchema, query: string, operationName: string | null) {
  try {
    return compileQuery(schema, parse(query), operationName ?? undefined);
  } catch {
    return null;
  }
}
